"""pandas tables of tasks, references, dates and agencies (one row per item).

pandas is an optional extra: ``pip install "vbextract[notebook]"``.  Every row
carries the document's symbol and path, so tables of many documents can be
filtered and joined; dates are ``datetime64`` columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable

from .schema import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_MISSING = (
    "pandas is needed for tables: install it with  pip install \"vbextract[notebook]\"  (or pip install pandas)"
)


def _pandas():
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - exercised only without pandas
        raise ImportError(_MISSING) from exc
    return pd


def _doc_columns(doc: Document) -> dict[str, Any]:
    return {"doc_symbol": doc.metadata.symbol, "doc_path": doc.source.path}


def _task_row(doc: Document, task) -> dict[str, Any]:
    deadline = task.deadline
    return {
        "id": task.id, "section": task.section, "lead": "; ".join(task.lead), "support": "; ".join(task.support),
        "deadline": deadline.date if deadline else None, "deadline_text": deadline.text if deadline else None,
        "report_to": "; ".join(task.report_to), "deliverable": task.deliverable, "action": task.action,
        "text": task.text, "start": task.start, "end": task.end, "leads": list(task.lead),
    }


def _reference_row(doc: Document, ref) -> dict[str, Any]:
    return {
        "id": ref.id, "key": ref.key, "symbol": ref.symbol, "doc_type": ref.doc_type, "number": ref.number,
        "year": ref.year, "date": ref.date, "issuer": ref.issuer, "title": ref.title, "relation": ref.relation,
        "cites": "; ".join(f"{c.relation} {c.key}" for c in ref.cites), "text": ref.text,
        "start": ref.start, "end": ref.end,
    }


def _date_row(doc: Document, item) -> dict[str, Any]:
    return {
        "id": item.id, "kind": item.kind, "granularity": item.granularity, "value": item.value,
        "start_date": item.start_date, "end_date": item.end_date, "rrule": item.rrule, "text": item.text,
        "start": item.start, "end": item.end,
    }


def _agency_row(doc: Document, agency) -> dict[str, Any]:
    return {"id": agency.id, "name": agency.name, "kind": agency.kind, "text": agency.text,
            "start": agency.start, "end": agency.end}


_COLUMNS = {
    "tasks": ("id", "section", "lead", "support", "deadline", "deadline_text", "report_to", "deliverable",
              "action", "text", "start", "end", "leads"),
    "references": ("id", "key", "symbol", "doc_type", "number", "year", "date", "issuer", "title", "relation",
                   "cites", "text", "start", "end"),
    "dates": ("id", "kind", "granularity", "value", "start_date", "end_date", "rrule", "text", "start", "end"),
    "agencies": ("id", "name", "kind", "text", "start", "end"),
}
_ROWS: dict[str, Callable[[Document, Any], dict[str, Any]]] = {
    "tasks": _task_row, "references": _reference_row, "dates": _date_row, "agencies": _agency_row,
}
_DATE_COLUMNS = ("deadline", "date", "value", "start_date", "end_date")
TABLES = tuple(_COLUMNS)


def frame(documents: Iterable[Document], table: str) -> "pd.DataFrame":
    """One row per item of ``table`` (tasks, references, dates, agencies) over the documents."""
    if table not in _COLUMNS:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    pd = _pandas()
    make_row = _ROWS[table]
    rows = [{**_doc_columns(doc), **make_row(doc, item)} for doc in documents for item in getattr(doc, table)]
    result = pd.DataFrame(rows, columns=["doc_symbol", "doc_path", *_COLUMNS[table]])
    for column in _DATE_COLUMNS:
        if column in result:
            result[column] = pd.to_datetime(result[column], errors="coerce")
    for column in ("start", "end", "year"):
        if column in result:
            result[column] = result[column].astype("Int64")
    return result
