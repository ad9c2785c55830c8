"""Heading grammar -> section tree."""

from __future__ import annotations

from .schema import Section


def parse_sections(text: str) -> list[Section]:
    """Section tree of ``text`` (placeholder: filled by the sections stage)."""
    return []
