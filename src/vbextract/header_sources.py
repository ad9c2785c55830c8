"""Where a text states its own identity when the formal header is missing or partial.

Each finder reads one form real inputs take: a metadata table scraped from a
legal database ("Số hiệu | 235/KH-UBND"), a news article reporting the document
("Ngày 5/12/2022, đồng chí …, thay mặt Ban Thường vụ Tỉnh ủy, ký ban hành
Thông báo Số 532-TB/TU"), the opening sentence ("Ban Thường vụ Tỉnh ủy ban hành
Kế hoạch …"), an appendix caption naming the document ("Ban hành kèm theo Nghị
quyết số 08/NQ-HĐND ngày 14 tháng 7 năm 2017 của Hội đồng nhân dân tỉnh", or under the
title of a plan issued with a decision: "(Kèm theo Quyết định số 254/QĐ-UBND ngày
17/02/2023 của Chủ tịch Ủy ban nhân dân tỉnh)"), and
the adoption formula of a council resolution ("… thông qua ngày 13 tháng 7 năm 2017").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .header_dates import NUMERIC_DATE, WRITTEN_DATE, iso, written_date
from .header_names import Organ, fold, level_words, organs, position_title, positions
from .lexicon import doc_type_names
from .scanning import near
from .scanning import positions as anchors_at

# A symbol as printed: "235/KH-UBND", "4454 /TCT-TTKT", "532-TB/TU", a blank number "/KH-UBND",
# or a slash lost after the number ("89NQ-HĐND").
SYMBOL = (
    r"(?P<sym>\d{0,5}(?:[ ]?[/\-–—][ ]?|(?<=\d)(?=[A-ZĐ]))[0-9A-Za-zĐđ&]{1,12}"
    r"(?:[ ]?[/\-–—_][ ]?[0-9A-Za-zĐđ&]{1,12}){0,4})"
)
# Dashes as OCR or typesetting print them ("11/CT—TTg", "586/TCT_TTKT").
_DASHES = str.maketrans({"–": "-", "—": "-", "_": "-"})
_NAME = r"(?P<name>(?:[A-ZĐ][^\W\d_]{0,7}[ ]){1,4}[A-ZĐ][^\W\d_]{0,7})"
# A body named in running text: an organ head in ordinary case and up to ten more words.
_BODY_TAIL = (
    r"(?:[ ](?!(?:ban hành|xây dựng|ký|đã|về|của|tại|theo|đối|với|trong|các|năm|ngày|số)\b)"
    r"[^\s,.;:()]{1,20}){0,10}?"
)


@dataclass
class Found:
    """What one source states about the document's identity (None where it is silent)."""

    doc_type: str | None = None
    symbol: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    signer_name: str | None = None
    signer_position: str | None = None


@cache
def _types_alt() -> str:
    return "|".join(re.escape(name) for name in doc_type_names())


@cache
def _organ_alt() -> str:
    return "|".join(re.escape(o.name) for o in organs())


def clean_symbol(raw: str | None) -> str | None:
    """A symbol without spaces, or None when its number is blank ("/KH-UBND")."""
    if not raw:
        return None
    symbol = re.sub(r"^(\d{1,6})(?=[A-ZĐ])", r"\1/", re.sub(r"\s", "", raw).translate(_DASHES).strip("-/"))
    return symbol if symbol[:1].isdigit() and re.search(r"[A-ZĐ]", symbol) else None


def db_table(lines: list[str]) -> Found:
    """The "field | value" table a legal database prints above the text."""
    rows: dict[str, str] = {}
    for line in lines[:20]:
        if " | " in line:
            key, _, value = line.partition(" | ")
            rows[fold(key).strip()] = value.strip(" |")
    date = NUMERIC_DATE.search(rows.get("ngay ban hanh", ""))
    return Found(
        doc_type=_known_type(rows.get("loai van ban")),
        symbol=clean_symbol(rows.get("so hieu")),
        issued_date=iso(date.group("d"), date.group("m"), date.group("y")) if date else None,
        signer_name=rows.get("nguoi ky") or None,
    )


def _known_type(value: str | None) -> str | None:
    if not value:
        return None
    return next((name for name in doc_type_names() if fold(name) == fold(value)), None)


def news_report(text: str) -> Found:
    """A news article: "Ngày D/M/Y, đồng chí NAME, …, POSITION …, thay mặt BODY, ký ban hành TYPE số SYM"."""
    match = re.search(
        rf"ký ban hành[ ](?P<type>{_types_alt()})[ ](?:[Ss]ố[ ])?{SYMBOL}", text
    )
    if not match:
        return Found()
    paragraph_start = text.rfind("\n", 0, match.start()) + 1
    lead = text[paragraph_start : match.start()]
    found = Found(doc_type=match.group("type"), symbol=clean_symbol(match.group("sym")))
    if date := re.match(r"Ngày[ ](?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})", lead):
        found.issued_date = iso(date.group("d"), date.group("m"), date.group("y"))
    if person := re.search(rf"(?:đồng chí|ông|bà)[ ]{_NAME},", lead):
        found.signer_name = person.group("name")
        clauses = [c.strip() for c in lead[person.end() :].split(",")]
        titles = [position_title(c) for c in clauses if not c.startswith("thay mặt")]
        found.signer_position = next((t for t in reversed(titles) if t), None)
    if body := re.search(rf"thay mặt[ ](?P<body>(?:{_organ_alt()}){_BODY_TAIL})[ ]?,", lead):
        found.issuer = body.group("body")
    return found


def opening_issuer(text: str, limit: int = 3000) -> str | None:
    """The body of the opening sentence: "… Ủy ban nhân dân tỉnh X xây dựng Kế hoạch …",
    "Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch …" (a title holder issuing in their name)
    (not a cited document's issuer: "… của Chính phủ ban hành Kế hoạch …")."""
    opening = text[:limit]
    match = next(near(_opening_re(), opening, anchors_at(_OPENING_VERB, opening)), None)
    return match.group("body") if match else None


_OPENING_VERB = re.compile("ban hành|xây dựng")


@cache
def _opening_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!của )(?P<body>(?:(?:Phó[ ])?(?:{_holder_alt()})[ ])?(?:{_organ_alt()}){_BODY_TAIL})"
        rf"[ ](?:ban hành|xây dựng)[ ](?:{_types_alt()})"
    )


def notice_issuer(text: str) -> str | None:
    """The body that gives notice in a notice or letter: "Văn phòng Chính phủ (xin) thông báo
    (ý kiến kết luận của Thủ tướng …)" names the issuer; the leader quoted does not."""
    match = next(near(_notice_re(), text, anchors_at(_NOTICE_VERB, text)), None)
    return match.group("body") if match else None


_NOTICE_VERB = re.compile("thông báo")


@cache
def _notice_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!của )(?P<body>(?:{_organ_alt()}){_BODY_TAIL})[ ](?:xin[ ])?thông báo(?=[ :,])")


@cache
def _holder_alt() -> str:
    """Titles whose holder issues documents in their own name ("Chủ tịch Ủy ban nhân dân tỉnh")."""
    return "|".join(re.escape(title) for title in positions())


def appendix_caption(text: str, doc_type: str | None) -> Found:
    """"(Ban hành) kèm theo TYPE số SYM ngày … của BODY": the document naming itself.  With
    ``doc_type`` only a caption of that type counts (an appendix of the document); without it,
    any type (a plan issued with a decision takes the decision's identity)."""
    for match in re.finditer(
        rf"[Kk]èm theo[ ](?P<type>{_types_alt()})[ ]số[ ]?:?[ ]?{SYMBOL}?(?P<tail>[^\n)]{{0,160}}(?:\n[^\n)]{{0,120}})?)",
        text,
    ):
        if doc_type and fold(match.group("type")) != fold(doc_type):
            continue
        tail = " ".join(match.group("tail").split())
        written = WRITTEN_DATE.search(tail)
        body = re.search(
            rf"của[ ](?P<body>(?:(?:Phó[ ])?(?:{_holder_alt()})[ ])?(?:{_organ_alt()}){_BODY_TAIL})(?:$|[,.;])",
            tail,
        )
        return Found(
            doc_type=match.group("type"),
            symbol=clean_symbol(match.group("sym")),
            issued_date=written_date(written) if written else None,
            issuer=body.group("body") if body else None,
        )
    return Found()


def adoption_date(text: str) -> str | None:
    """"… thông qua ngày 13 tháng 7 năm 2017": a council resolution's date of adoption."""
    match = re.search(r"thông qua\s(?=ngày)", text)
    if not match:
        return None
    written = WRITTEN_DATE.match(text, match.end())
    return written_date(written) if written else None


def body_at_level(text: str, organ: Organ) -> str | None:
    """The first body of kind ``organ`` the text names at an administrative level, for a block
    signed by its head without an authority line ("TRƯỞNG BAN" -> "Ban Chỉ đạo 138 tỉnh",
    "GIÁM ĐỐC" -> "Sở Y tế tỉnh")."""
    levels = "|".join(re.escape(word) for word in level_words())
    name = r"[ ][A-ZĐ][^\n,.;:()]{0,40}?" if organ.next == "name" else ""
    # one body at one level: not "… cấp huyện" (every district's) nor "… các huyện"
    match = re.search(
        rf"(?<!\w){re.escape(organ.name)}{name}(?<!cấp)(?<!các)[ ](?:{levels})"
        rf"(?:[ ][A-ZĐ][^\W\d_]{{0,9}}){{0,4}}(?=[ ]?[,.;)\n])",
        text,
    )
    return match.group(0) if match else None
