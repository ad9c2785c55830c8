"""Canonical identity of a document across a corpus.

Vietnamese document numbers are unique only within a scope:

* normative symbols carrying a year ("45/2025/NĐ-CP") are unique nationally;
* state administrative numbers ("235/KH-UBND") restart every calendar year within
  each issuer, so the identity is symbol + year + issuer;
* party numbers ("36-CT/TW") restart with each committee term, so the identity is
  symbol + year (a 36-CT/TW of 2014 and another of 2019 are different documents).

:func:`identity` turns what a text says about a document into a node id and
says which parts were missing, so the graph can flag uncertain merges.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

_NORMATIVE = re.compile(r"^\d{1,6}/\d{4}/")
_PARTY = re.compile(r"^\d{1,6}-[^/\s]{1,20}/")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Identity:
    """What identifies one document: its symbol and the scope the number lives in."""

    symbol: Optional[str]
    year: Optional[int]
    issuer: Optional[str]
    fallback: Optional[str] = None  # key of a document cited without a symbol

    @property
    def scheme(self) -> str:
        """normative | party | state | named: which numbering rule applies."""
        if not self.symbol:
            return "named"
        if _NORMATIVE.match(self.symbol):
            return "normative"
        if _PARTY.match(self.symbol):
            return "party"
        return "state"

    @property
    def missing(self) -> tuple[str, ...]:
        """Parts the scheme needs that the text did not give."""
        needed = {"normative": (), "party": ("year",), "state": ("year", "issuer"), "named": ()}
        return tuple(part for part in needed[self.scheme] if getattr(self, part) is None)

    @property
    def node_id(self) -> str:
        """The graph node id; parts the text did not give are left out."""
        if self.scheme == "named":
            return f"named:{self.fallback}"
        parts = [normalise_symbol(self.symbol or "")]
        if self.scheme != "normative" and self.year is not None:
            parts.append(str(self.year))
        if self.scheme == "state" and self.issuer:
            parts.append(normalise_issuer(self.issuer))
        return "@".join(parts)

    def compatible(self, other: "Identity") -> bool:
        """Could both describe the same document (nothing they state contradicts)?"""
        if self.scheme == "named" or other.scheme == "named":
            return self.fallback == other.fallback and self.scheme == other.scheme
        if normalise_symbol(self.symbol or "") != normalise_symbol(other.symbol or ""):
            return False
        if self.scheme == "normative":
            return True
        if self.year is not None and other.year is not None and self.year != other.year:
            return False
        if self.scheme == "state" and self.issuer and other.issuer:
            mine, theirs = normalise_issuer(self.issuer), normalise_issuer(other.issuer)
            return mine.startswith(theirs) or theirs.startswith(mine)
        return True


def normalise_symbol(symbol: str) -> str:
    """Symbol compared without spaces and case: "36- CT/TW" == "36-CT/TW"."""
    return _SPACES.sub("", unicodedata.normalize("NFC", symbol)).upper()


def normalise_issuer(issuer: str) -> str:
    """Issuer compared without case and repeated spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", issuer)).strip().lower()


def identity(
    symbol: Optional[str],
    *,
    date: Optional[str] = None,
    year: Optional[int] = None,
    issuer: Optional[str] = None,
    fallback: Optional[str] = None,
) -> Identity:
    """Identity from what a citation or a header states (ISO ``date`` gives the year)."""
    if year is None and date:
        year = int(date[:4])
    if symbol and _NORMATIVE.match(normalise_symbol(symbol)):
        year = int(normalise_symbol(symbol).split("/")[1])
    return Identity(symbol=symbol or None, year=year, issuer=issuer or None, fallback=fallback)
