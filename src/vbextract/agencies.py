"""Agency mentions and canonical names."""

from __future__ import annotations

from .schema import Agency


def find_agencies(text: str) -> list[Agency]:
    """Every agency mention (placeholder: filled by the agencies stage)."""
    return []
