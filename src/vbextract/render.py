"""Rich HTML view of a Document: metadata card, section outline, the text with
agencies, references, dates/deadlines and tasks highlighted (displaCy-style,
with a legend), and the task table.

Highlighting cuts the text at every span boundary; each piece is wrapped in one
``<span>`` whose classes and ``data-ids`` name every item covering it, so
overlapping items (a date inside a reference inside a task) never break the
markup, and the pieces of one item joined together give back its exact text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from .schema import Document

LAYERS = {  # layer: (label, colour)
    "task": ("task", "#fefcbf"),
    "agency": ("agency", "#bee3f8"),
    "reference": ("reference", "#c6f6d5"),
    "date": ("date", "#fed7d7"),
    "deadline": ("deadline", "#fc8181"),
}


@dataclass(frozen=True)
class Highlight:
    """One highlighted item: its layer, id and span in the document text."""

    layer: str
    item_id: str
    start: int
    end: int
    tooltip: str


def highlights(doc: Document) -> list[Highlight]:
    """Every item of the document that the view highlights."""
    items: list[Highlight] = []
    for task in doc.tasks:
        lead = ", ".join(task.lead) or "—"
        deadline = task.deadline.date if task.deadline and task.deadline.date else "—"
        items.append(Highlight("task", task.id, task.start, task.end, f"task {task.id}: lead {lead}; deadline {deadline}"))
    for agency in doc.agencies:
        items.append(Highlight("agency", agency.id, agency.start, agency.end, f"agency: {agency.name}"))
    for ref in doc.references:
        items.append(Highlight("reference", ref.id, ref.start, ref.end, f"{ref.key} ({ref.relation})"))
    for date in doc.dates:
        layer = "deadline" if date.kind == "deadline" else "date"
        items.append(Highlight(layer, date.id, date.start, date.end, f"{date.kind}: {date.value or date.rrule or ''}"))
    return [h for h in items if 0 <= h.start < h.end <= len(doc.text)]


def highlight_text(text: str, items: Iterable[Highlight]) -> str:
    """The text as HTML with every item highlighted (see the module docstring)."""
    items = list(items)
    cuts = sorted({0, len(text), *(h.start for h in items), *(h.end for h in items)})
    starts: dict[int, list[Highlight]] = {}
    for item in items:
        starts.setdefault(item.start, []).append(item)
    active: list[Highlight] = []
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        active = [h for h in active if h.end > left] + starts.get(left, [])
        piece = html.escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        layers = " ".join(sorted({f"hl-{h.layer}" for h in active}))
        ids = " ".join(h.item_id for h in active)
        tip = html.escape(" | ".join(h.tooltip for h in active), quote=True)
        out.append(f'<span class="{layers}" data-ids="{ids}" title="{tip}">{piece}</span>')
    return "".join(out)


def _card(doc: Document) -> str:
    meta = doc.metadata
    rows = [
        ("Loại", meta.doc_type), ("Số, ký hiệu", meta.symbol), ("Cơ quan ban hành", meta.issuer),
        ("Ngày ban hành", meta.issued_date), ("Nơi ban hành", meta.place), ("Trích yếu", meta.title),
        ("Người ký", " ".join(filter(None, [meta.signer.authority, meta.signer.position, meta.signer.name]))),
        ("Nguồn", doc.source.path),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{html.escape(str(v)) if v else '—'}</td></tr>" for k, v in rows)
    counts = (f"{len(doc.tasks)} tasks · {len(doc.references)} references · {len(doc.dates)} dates · "
              f"{len(doc.agencies)} agencies · {len(doc.sections)} sections")
    warnings = "".join(f"<li><code>{html.escape(w.code)}</code> {html.escape(w.message)}</li>" for w in doc.warnings)
    return (f'<table class="vb-card">{body}</table><p class="vb-counts">{counts}</p>'
            + (f'<ul class="vb-warnings">{warnings}</ul>' if warnings else ""))


def _outline(doc: Document) -> str:
    items = [
        f'<li style="margin-left:{(s.level - 1) * 1.2}em">{html.escape(s.label or "")} '
        f"{html.escape((s.title or '')[:90])}</li>"
        for s in doc.sections if s.kind == "heading"
    ]
    return f'<ul class="vb-outline">{"".join(items)}</ul>' if items else "<p>—</p>"


def _task_table(doc: Document) -> str:
    head = "<tr><th>#</th><th>Lead</th><th>Support</th><th>Deadline</th><th>Report to</th><th>Action</th></tr>"
    rows = "".join(
        f"<tr><td>{t.id}</td><td>{html.escape(', '.join(t.lead))}</td><td>{html.escape(', '.join(t.support))}</td>"
        f"<td>{html.escape(t.deadline.date or '') if t.deadline else ''}</td>"
        f"<td>{html.escape(', '.join(t.report_to))}</td><td>{html.escape((t.action or t.text)[:160])}</td></tr>"
        for t in doc.tasks
    )
    return f'<table class="vb-tasks">{head}{rows}</table>'


def _style() -> str:
    layers = "".join(f".hl-{name}{{background:{colour}}}" for name, (_, colour) in LAYERS.items())
    return (
        "<style>.vb{font-family:sans-serif;font-size:14px;max-width:1100px}"
        ".vb table{border-collapse:collapse;margin:6px 0}.vb th,.vb td{border:1px solid #e2e8f0;padding:3px 6px;"
        "text-align:left;vertical-align:top}.vb-text{white-space:pre-wrap;line-height:1.7;border:1px solid #e2e8f0;"
        "padding:10px;max-height:600px;overflow:auto}.hl-task{border-bottom:2px solid #d69e2e}"
        f"{layers}.vb-legend span{{padding:1px 6px;margin-right:6px;border-radius:3px}}</style>"
    )


def render_document(doc: Document, *, standalone: bool = True) -> str:
    """The HTML view; ``standalone`` wraps it in a complete page."""
    legend = "".join(f'<span class="hl-{name}">{label}</span>' for name, (label, _) in LAYERS.items())
    body = (
        f'<div class="vb">{_style()}<h3>{html.escape(doc.metadata.doc_type or "Document")} '
        f'{html.escape(doc.metadata.symbol or "")}</h3>{_card(doc)}<details><summary>Outline</summary>'
        f'{_outline(doc)}</details><h4>Text</h4><div class="vb-legend">{legend}</div>'
        f'<div class="vb-text">{highlight_text(doc.text, highlights(doc))}</div>'
        f"<h4>Tasks</h4>{_task_table(doc)}</div>"
    )
    if not standalone:
        return body
    title = html.escape(f"vbextract: {doc.metadata.symbol or doc.source.path or 'document'}")
    return f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
