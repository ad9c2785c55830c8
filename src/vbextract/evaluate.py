"""Score extraction against gold annotations (``corpora/ANNOTATION.md``).

    python -m vbextract.evaluate corpora/gold [--pred PRED_DIR] [--json] [--errors]
    vbextract evaluate corpora/gold [--pred PRED_DIR] [--json] [--errors]

Each ``GOLD_DIR/*.json`` names its document in ``file``; the document is looked
up in ``GOLD_DIR``, ``GOLD_DIR/../raw`` and ``GOLD_DIR/../docs`` and extracted,
or, with ``--pred``, its Document JSON is read from ``PRED_DIR/<stem>.json``.
Counts are summed over documents (micro averages).  The comparison rules are
in :mod:`vbextract.scoring`.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from .errors import VbextractError
from .schema import Document
from .scoring import METADATA_FIELDS, DocScore, Error, score_document

DOC_DIRS = (".", "../raw", "../docs", "../pdf")
FLOOR_STEP = 0.05


@dataclass
class Evaluation:
    """Per-document scores, their sum, and documents that could not be read."""

    documents: dict[str, DocScore] = field(default_factory=dict)
    total: DocScore = field(default_factory=DocScore)
    failures: dict[str, str] = field(default_factory=dict)

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        """JSON-ready figures: ``overall``, ``documents`` and (optionally) ``errors``."""
        out: dict[str, Any] = {
            "overall": self.total.figures(),
            "documents": {name: s.figures() for name, s in self.documents.items()},
            "failures": self.failures,
        }
        if errors:
            out["errors"] = [asdict(e) for e in self.total.errors]
        return out


def find_document(gold_dir: Path, filename: str) -> Optional[Path]:
    """The document a gold file names, next to the gold (see module docstring)."""
    for sub in DOC_DIRS:
        candidate = gold_dir / sub / filename
        if candidate.is_file():
            return candidate
    return None


def load_gold(gold_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    """``(name, gold)`` for every ``*.json`` in ``gold_dir``, sorted by name."""
    out = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _prediction(gold_dir: Path, name: str, gold: dict[str, Any], pred_dir: Optional[Path]) -> Document:
    filename = gold.get("file") or f"{name}.txt"
    if pred_dir is not None:
        for stem in dict.fromkeys((Path(filename).stem, name)):
            path = pred_dir / f"{stem}.json"
            if path.is_file():
                return Document.from_dict(json.loads(path.read_text(encoding="utf-8")))
        raise FileNotFoundError(f"no prediction {pred_dir / (Path(filename).stem + '.json')}")
    path = find_document(gold_dir, filename)
    if path is None:
        raise FileNotFoundError(f"document {filename} not found next to {gold_dir}")
    from .pipeline import extract

    return extract(path)


def evaluate(gold_dir: Path | str, pred_dir: Path | str | None = None) -> Evaluation:
    """Score every gold file in ``gold_dir`` against extraction (or ``pred_dir`` predictions)."""
    gold_dir = Path(gold_dir)
    pred = Path(pred_dir) if pred_dir is not None else None
    result = Evaluation()
    for name, gold in load_gold(gold_dir):
        try:
            document = _prediction(gold_dir, name, gold, pred)
        except (OSError, ValueError, VbextractError) as exc:
            result.failures[name] = f"{type(exc).__name__}: {exc}"
            document = Document()
        score = score_document(name, gold, document)
        result.documents[name] = score
        result.total.add(score)
    return result


def flat_figures(figures: dict[str, Any]) -> dict[str, float]:
    """``{"references.f1": 0.8, "metadata.symbol": 1.0, …}`` for the fractions (not counts)."""
    out: dict[str, float] = {}
    for group, values in figures.items():
        for name, value in values.items():
            if isinstance(value, float):
                out[f"{group}.{name}"] = float(value)
    return out


def floors_from(figures: dict[str, Any], step: float = FLOOR_STEP) -> dict[str, float]:
    """Floors for the flat figures: each value rounded down to a multiple of ``step``."""
    flat = flat_figures(figures)
    return {name: round(math.floor(flat.get(name, 0.0) / step + 1e-9) * step, 4) for name in figure_names()}


def figure_names() -> list[str]:
    """Every figure a report can give (``group.name``), whether or not it has a value now."""
    return sorted(f"{group}.{name}" for group, values in DocScore().figures().items()
                  for name, value in values.items() if not isinstance(value, int))


def below_floors(figures: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """One line per figure under its floor (a figure with nothing to count reads as 0)."""
    flat = flat_figures(figures)
    return [f"{name}: {flat.get(name, 0.0):.4f} < floor {floor:.2f}"
            for name, floor in sorted(floors.items()) if flat.get(name, 0.0) + 1e-9 < floor]


# ---------------------------------------------------------------- text report

def _pct(value: Optional[float]) -> str:
    return "—" if value is None else f"{100 * value:5.1f}"


_OVERALL_ROWS = (
    ("references", ("precision", "recall", "f1", "date_accuracy", "issuer_accuracy")),
    ("edges_self", ("precision", "recall", "f1", "relation_accuracy")),
    ("edges", ("precision", "recall", "f1", "relation_accuracy")),
    ("deadlines", ("precision", "recall", "f1")),
    ("tasks", ("recall", "lead_accuracy", "lead_accuracy_matched", "attributed_precision", "deadline_accuracy")),
)

_DOC_COLUMNS = (
    ("meta", "metadata", "all"), ("ref F1", "references", "f1"), ("self F1", "edges_self", "f1"),
    ("edge F1", "edges", "f1"), ("dl F1", "deadlines", "f1"), ("task R", "tasks", "recall"),
    ("lead", "tasks", "lead_accuracy"), ("attr P", "tasks", "attributed_precision"),
    ("task dl", "tasks", "deadline_accuracy"),
)


def _counts(values: dict[str, Any]) -> str:
    if "tp" in values:
        return f"tp={values['tp']} fp={values['fp']} fn={values['fn']}"
    return f"gold={values['gold']} predicted={values['predicted']} matched={values['matched']}"


def format_report(evaluation: Evaluation, errors: bool = False) -> str:
    """The human-readable report (percentages)."""
    figures = evaluation.total.figures()
    lines = [f"Overall ({len(evaluation.documents)} documents; figures in %)", ""]
    lines.append("metadata      " + "  ".join(f"{f}={_pct(figures['metadata'][f]).strip()}"
                                             for f in (*METADATA_FIELDS, "all")))
    for group, names in _OVERALL_ROWS:
        values = figures[group]
        cells = "  ".join(f"{n}={_pct(values[n]).strip()}" for n in names)
        lines.append(f"{group:<13} {cells}  ({_counts(values)})")
    lines += ["", "Per document", ""]
    header = f"{'document':<24}" + "".join(f"{title:>9}" for title, _, _ in _DOC_COLUMNS)
    lines.append(header)
    lines.append("-" * len(header))
    for name, score in evaluation.documents.items():
        doc = score.figures()
        lines.append(f"{name:<24}" + "".join(f"{_pct(doc[g][k]):>9}" for _, g, k in _DOC_COLUMNS))
    for name, message in evaluation.failures.items():
        lines.append(f"FAILED {name}: {message}")
    if errors:
        lines += ["", f"Errors ({len(evaluation.total.errors)})", ""]
        lines += [format_error(e) for e in evaluation.total.errors]
    return "\n".join(lines)


def format_error(error: Error) -> str:
    """One error on one line: document, field, kind, gold/predicted value, text around it."""
    parts = [f"{error.doc}\t{error.field}\t{error.kind}"]
    if error.gold is not None:
        parts.append(f"gold={json.dumps(error.gold, ensure_ascii=False)}")
    if error.pred is not None:
        parts.append(f"pred={json.dumps(error.pred, ensure_ascii=False)}")
    if error.context:
        at = f"@{error.start}" if error.start is not None else ""
        parts.append(f"text{at}: {error.context}")
    return "\t".join(parts)


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options shared by ``vbextract evaluate`` and ``python -m vbextract.evaluate``."""
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="directory of gold *.json")
    parser.add_argument("--pred", type=Path, metavar="PRED_DIR",
                        help="read predictions PRED_DIR/<stem>.json instead of extracting")
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")
    parser.add_argument("--errors", action="store_true", help="list every miss and false hit")
    parser.add_argument("--floors", type=Path, metavar="FLOORS_JSON",
                        help="exit 1 when an overall figure is below its floor in this file")
    parser.add_argument("--write-floors", type=Path, metavar="FLOORS_JSON",
                        help=f"write the overall figures, rounded down to {FLOOR_STEP}, as floors")


def run(args: argparse.Namespace) -> int:
    """Evaluate and print; exit 1 when a document could not be read or a figure is below
    its floor, 2 on a bad GOLD_DIR."""
    if not args.gold_dir.is_dir():
        print(f"vbextract: {args.gold_dir}: not a directory", file=sys.stderr)
        return 2
    if args.pred is not None and not args.pred.is_dir():
        print(f"vbextract: {args.pred}: not a directory", file=sys.stderr)
        return 2
    evaluation = evaluate(args.gold_dir, args.pred)
    if args.json:
        print(json.dumps(evaluation.to_dict(errors=args.errors), ensure_ascii=False, indent=1))
    else:
        print(format_report(evaluation, errors=args.errors))
    for name, message in evaluation.failures.items():
        print(f"vbextract: {name}: {message}", file=sys.stderr)
    figures = evaluation.total.figures()
    if args.write_floors is not None:
        args.write_floors.write_text(json.dumps(floors_from(figures), indent=1) + "\n", encoding="utf-8")
    below = below_floors(figures, json.loads(args.floors.read_text(encoding="utf-8"))) if args.floors else []
    for line in below:
        print(f"vbextract: below floor: {line}", file=sys.stderr)
    return 1 if evaluation.failures or below else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m vbextract.evaluate``."""
    parser = argparse.ArgumentParser(prog="python -m vbextract.evaluate", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
