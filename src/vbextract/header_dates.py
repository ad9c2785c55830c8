"""Dates of issue: the place-date line and the other ways a text states its own date.

"Đồng Tháp, ngày 11 tháng 9 năm 2025" (NĐ 30/2020/NĐ-CP Phụ lục I, mục 4);
a blank day or month ("Hà Nội, ngày    tháng    năm 2026") gives the place and no
date.  An OCR-garbled month ("ngày 29 tháng 44 năm 2022", "ngày C4 tháng 3") is repaired from the
e-signature stamp ("Thời gian ký: 30.11.2022 14:39") when that stamp is at most a
few days later; so is a garbled day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_WORD = rf"[{_UPPER}][{_LOWER}]{{0,9}}"
# A day or month OCR garbled into other characters ("ngày C4 tháng 3") still marks the line.
_PART = r"(?:(?P<{0}>\d{{1,2}})|(?P<{0}x>[^\s\d]{{1,2}}\d{{0,2}}|\d[^\s\d]))"
PLACE_DATE = re.compile(
    rf"(?<![\w/-])(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}})[ ]?[,.][ ]{{0,3}}ngày[ ]{{0,12}}{_PART.format('d')}?"
    rf"[ ]{{0,12}}tháng[ ]{{0,12}}{_PART.format('m')}?[ ]{{0,12}}năm[ ]{{0,3}}(?P<y>\d{{4}})?"
)
WRITTEN_DATE = re.compile(
    r"ngày\s{1,3}(?P<d>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m>\d{1,2})\s{1,3}năm\s{1,3}(?P<y>\d{4})"
    r"|ngày\s{1,3}(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})"
)
NUMERIC_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)")
_STAMP = re.compile(r"Thời gian k[ýy][ ]?:[ ]{0,3}(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})")
_STAMP_SLACK = timedelta(days=10)


def iso(day: str | None, month: str | None, year: str | None) -> str | None:
    """ISO date of day/month/year strings, or None when blank or impossible."""
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def written_date(match: re.Match[str]) -> str | None:
    """ISO date of a WRITTEN_DATE match (either form)."""
    if match.group("d"):
        return iso(match.group("d"), match.group("m"), match.group("y"))
    return iso(match.group("d2"), match.group("m2"), match.group("y2"))


def repaired_date(text: str, day: str | None, month: str | None, year: str | None) -> str | None:
    """An impossible printed date whose day or month is garbled, that part taken from the
    e-signature stamp when the result is at most a few days before the signing."""
    if not (day and month and year) or iso(day, month, year):
        return None
    stamp = _STAMP.search(text)
    if not stamp:
        return None
    signed = iso(stamp.group("d"), stamp.group("m"), stamp.group("y"))
    if 1 <= int(month) <= 12:
        candidate = iso(stamp.group("d"), month, year)
    else:
        candidate = iso(day, stamp.group("m"), year)
    if not (signed and candidate):
        return None
    gap = date.fromisoformat(signed) - date.fromisoformat(candidate)
    return candidate if timedelta(0) <= gap <= _STAMP_SLACK else None


def place_date(header: str, text: str) -> tuple[str | None, str | None, bool]:
    """(place, ISO date, found) from the first place-date line of the header."""
    match = PLACE_DATE.search(header)
    if not match:
        return None, None, False
    # a garbled part is an impossible value, which the e-signature stamp may repair
    day = match.group("d") or ("0" if match.group("dx") else None)
    month = match.group("m") or ("0" if match.group("mx") else None)
    year = match.group("y")
    issued = iso(day, month, year) or repaired_date(text, day, month, year)
    return match.group("place"), issued, True
