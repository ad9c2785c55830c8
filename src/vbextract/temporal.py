"""Dates, deadlines, periods, quarters, durations and recurrences."""

from __future__ import annotations

from datetime import date
from typing import Sequence

from .schema import DateMention, Reference, WarningItem


def find_dates(
    text: str, *, doc_date: date | None = None, references: Sequence[Reference] = ()
) -> tuple[list[DateMention], list[WarningItem]]:
    """Every date expression (placeholder: filled by the temporal stage)."""
    return [], []
