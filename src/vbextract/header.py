"""Header / metadata: issuer, symbol, place-date line, type, title, signer, recipients."""

from __future__ import annotations

from .schema import Metadata, WarningItem


def parse_header(text: str) -> tuple[Metadata, list[WarningItem]]:
    """Metadata of the document's own identity (placeholder: filled by the header stage)."""
    return Metadata(), []
