"""Readers: turn a file (or bytes) into raw text.  One module per format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from ..errors import EmptyInputError, UnsupportedFormatError, VbextractError
from ..schema import WarningItem
from .text import decode_text


@dataclass
class RawText:
    """What a reader returns: the raw text plus what it knows about the source."""

    text: str
    format: str
    path: str | None = None
    sha256: str | None = None
    pages: int | None = None
    warnings: list[WarningItem] = field(default_factory=list)


def read(source: Union[str, Path, bytes], *, format: str | None = None) -> RawText:
    """Read a path or bytes into :class:`RawText` (placeholder: txt only)."""
    path = None
    if isinstance(source, (str, Path)):
        path = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise VbextractError(f"cannot read file: {exc.strerror}", path=path) from None
    else:
        data = bytes(source)
    if not data:
        raise EmptyInputError("the file is empty", path=path)
    fmt = format or (Path(path).suffix.lower().lstrip(".") if path else "txt")
    if fmt not in {"txt", "md"}:
        raise UnsupportedFormatError(f"format {fmt!r} is not supported", path=path)
    text, warnings = decode_text(data)
    return RawText(text, fmt, path, hashlib.sha256(data).hexdigest(), None, warnings)
