"""Cited documents: symbol grammar, canonical keys, relations."""

from __future__ import annotations

from datetime import date

from .schema import Reference, WarningItem


def find_references(
    text: str, *, own_symbol: str | None = None, doc_date: date | None = None
) -> tuple[list[Reference], list[WarningItem]]:
    """Every mention of another document (placeholder: filled by the references stage)."""
    return [], []
