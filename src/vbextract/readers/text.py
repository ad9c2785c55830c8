"""Decode .txt/.md bytes (placeholder: UTF-8 only)."""

from __future__ import annotations

from ..schema import WarningItem


def decode_text(data: bytes) -> tuple[str, list[WarningItem]]:
    """Decode bytes to str (placeholder)."""
    return data.decode("utf-8-sig", errors="replace"), []
