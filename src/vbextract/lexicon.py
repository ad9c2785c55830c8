"""Loaders for the data tables in ``vbextract/data`` (rules as data, not code)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    systems: tuple[str, ...]
    ascii_forms: tuple[str, ...]


def read_table(filename: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    text = resources.files("vbextract.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in unicodedata.normalize("NFC", line).split("\t")])
    return rows


@cache
def doc_types() -> tuple[DocType, ...]:
    """All document types (state, party, normative) with their symbol codes."""
    return tuple(
        DocType(
            code=row[0],
            name=row[1],
            systems=tuple(row[2].split(",")),
            ascii_forms=tuple(row[3].split(";")) if len(row) > 3 and row[3] else (),
        )
        for row in read_table("doc_types.tsv")
    )


@cache
def doc_type_by_code() -> dict[str, DocType]:
    """Type code (case-insensitive, ASCII-folded forms included) to its DocType."""
    table: dict[str, DocType] = {}
    for doc_type in doc_types():
        table.setdefault(doc_type.code.upper(), doc_type)
    for doc_type in doc_types():
        for form in doc_type.ascii_forms:
            table.setdefault(form.upper(), doc_type)
    return table


@cache
def doc_type_names() -> tuple[str, ...]:
    """Full type names, longest first (so "Chương trình hành động" wins over "Chương trình")."""
    names = {d.name for d in doc_types()}
    names.update({"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Thông tư liên tịch", "Nghị định"})
    return tuple(sorted(names, key=len, reverse=True))


@cache
def issuer_codes() -> dict[str, tuple[str, str]]:
    """Issuer code in a symbol (upper-cased) to (issuer name, system)."""
    return {row[0].upper(): (row[1], row[2]) for row in read_table("issuer_codes.tsv")}
