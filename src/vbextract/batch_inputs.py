"""Walk batch inputs: files, folders (recursive) and ``.zip`` archives.

Each input becomes a :class:`BatchInput` with a safe relative name (used to
mirror the input layout in the output folder) and a way to load its bytes.
Zip entries with absolute paths or ``..`` are renamed so they can never write
outside the output folder; an archive whose entries would inflate past the
limits is refused with a clear error (a zip bomb).
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional, Union

from .errors import CorruptFileError, InputTooLargeError, VbextractError

MAX_ENTRY_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_SKIPPED_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class BatchInput:
    """One document to convert: a file on disk or an entry inside a zip archive."""

    name: str  # relative, POSIX, safe: never absolute, never contains ".."
    path: Optional[str] = None
    archive: Optional[str] = None
    member: Optional[str] = None
    error: Optional[VbextractError] = None  # set when the input cannot even be listed

    def load(self) -> bytes:
        """The input's bytes."""
        if self.archive is not None:
            with zipfile.ZipFile(self.archive) as archive:
                return archive.read(self.member or "")
        return Path(self.path or "").read_bytes()

    @property
    def display(self) -> str:
        """Where the input came from, for messages."""
        return f"{self.archive}!{self.member}" if self.archive else str(self.path)


def content_hash(data: bytes) -> str:
    """SHA-256 of the input bytes (the resume key)."""
    return hashlib.sha256(data).hexdigest()


def safe_member_name(member: str) -> str:
    """A zip member name made relative and free of ``..`` and drive letters."""
    parts = [p for p in PurePosixPath(member.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    parts = [p.replace(":", "_") for p in parts]
    return posixpath.join(*parts) if parts else "unnamed"


def _is_hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts) or path.name in _SKIPPED_NAMES


def _zip_inputs(path: Path, prefix: str) -> Iterator[BatchInput]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        yield BatchInput(name=prefix, path=str(path), error=CorruptFileError(f"bad zip archive: {exc}", path=str(path)))
        return
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > MAX_ARCHIVE_BYTES or (total > MAX_ENTRY_BYTES and total / packed > MAX_COMPRESSION_RATIO):
        message = f"zip archive would inflate to {total:,} bytes from {packed:,} (zip bomb?): refused"
        yield BatchInput(name=prefix, path=str(path), error=InputTooLargeError(message, path=str(path)))
        return
    for info in infos:
        member = safe_member_name(info.filename)
        name = f"{prefix}/{member}"
        if _is_hidden(Path(member)) or member.startswith("__MACOSX/"):
            continue
        if info.file_size > MAX_ENTRY_BYTES:
            error = InputTooLargeError(f"zip entry of {info.file_size:,} bytes is over the limit", path=name)
            yield BatchInput(name=name, archive=str(path), member=info.filename, error=error)
        else:
            yield BatchInput(name=name, archive=str(path), member=info.filename)


def iter_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[BatchInput]:
    """Every document named by the inputs, in a stable order, lazily."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = file.relative_to(path)
                if _is_hidden(relative):
                    continue
                yield from _file_inputs(file, f"{path.name}/{relative.as_posix()}")
        elif path.exists():
            yield from _file_inputs(path, path.name)
        else:
            yield BatchInput(name=path.name or "missing", path=str(path),
                             error=VbextractError("no such file or folder", path=str(path)))


def _file_inputs(path: Path, name: str) -> Iterator[BatchInput]:
    if path.suffix.lower() == ".zip":
        yield from _zip_inputs(path, safe_member_name(name))
    else:
        yield BatchInput(name=safe_member_name(name), path=str(path))
