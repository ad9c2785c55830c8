"""Header / metadata: issuer, symbol, place-date line, type, title, signer, recipients.

The formal header of NĐ 30/2020/NĐ-CP (Phụ lục I) and Hướng dẫn 36-HD/VPTW:
issuer block (parent body, issuing body) beside the national motto or
"ĐẢNG CỘNG SẢN VIỆT NAM", "Số: 235/KH-UBND", the place-date line, the type line
in capitals ("KẾ HOẠCH") with the subject line (trích yếu) under it, or "V/v …"
for a letter (công văn).  When parts are missing, :mod:`header_sources` reads the
other forms a text names itself in; a field the text does not give stays None.
"""

from __future__ import annotations

import re

from . import header_sources as sources
from .header_dates import place_date
from .header_names import canonical_body, fold, headed_organ, is_caps, organ_of
from .lexicon import doc_type_by_code, doc_types, doc_type_names
from .scanning import near, positions
from .schema import Metadata, Signer, WarningItem
from .signer import find_recipients, find_signature
from .symbols import implied_issuer, parse_symbol

_HEADER_LINES = 40
# The national motto or the party's name beside the issuer block (spaces may be lost by OCR).
_MOTTO = re.compile(r"cong ?hoa|dang ?cong ?san|doc ?lap|chu ?nghia ?viet|xa ?hoi ?chu|hanh ?phuc")
# "Số" as printed or as OCR reads it ("Sô", "So", "Sỗ", "S6").
_SO_WORD = r"[Ss][ốôoóồổỗộ6]"
# "Số: 235/KH-UBND" (state), "Số 227-KH/TU" at a line's start (party), "số: 4222 /TCT -PC" in a
# two-column line.
_SO_LINE = re.compile(rf"(?:^{_SO_WORD}[ ]?:?|(?<=[ ]){_SO_WORD}[ ]?:)[ ]{{0,12}}{sources.SYMBOL}", re.M)
_BARE_SO = re.compile(rf"^{sources.SYMBOL}(?=[ ]{{1,12}}[^\W\d_][^\n]{{0,40}}[,.][ ]{{0,3}}ngày[ ])", re.M)
_SO_CUT = re.compile(rf"(?:^|[ ]){_SO_WORD}\b")
# Rules and frames of a scraped table ("-------- |").
_RULES = re.compile(r"[ ]?(?:[-_=—*]{3,}|\|)[ ]?")
_SUBJECT = re.compile(r"^V/v\b[ .:]{0,3}(?P<subject>.{0,300})$", re.M)
_LETTER_MARKS = re.compile(r"^(?:V/v\b|Kính gửi|K[íi]nh g[ửu]i)", re.M)
_ORGAN_LEVEL_WORDS = ("tinh", "thanh pho", "huyen", "quan", "xa", "phuong", "thi xa")
_CAPTION = re.compile(r"^[(\[][ ]?(?:[Bb]an hành[ ])?[Kk]èm theo[ ]")
_CAPTION_LINES = 6
# Types that convey what others said or decided ("Thông báo kết luận của Thủ tướng …"): the
# body that gives notice is the issuer.
_NOTICE_TYPES = ("Thông báo", "Công văn")
_SELF_MENTION = re.compile(r"\b(?P<type>[A-ZĐa-zđ][^\W\d_]{1,10}(?:[ ][^\W\d_]{1,10}){0,3})[ ]này\b")
_SELF_ANCHOR = re.compile("[ ]này")  # cannot overlap itself: a plain scan finds every one


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def _type_line(lines: list[str]) -> tuple[int, str] | tuple[None, None]:
    """The type line in capitals ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "NGHỊ QUYẾT")."""
    for index, line in enumerate(lines[:_HEADER_LINES * 2]):
        if not is_caps(line, 0.9) or line.endswith(":"):
            continue
        folded = fold(line)
        for name in doc_type_names():
            head = fold(name)
            if folded == head or re.match(rf"{re.escape(head)}[ ](?:cua|ve|v/v)\b", folded):
                return index, name
    return None, None


def _is_body_line(line: str) -> bool:
    """A capital line naming a body: an organ head with a name or place ("BAN" alone is not)."""
    organ = organ_of(line)
    return organ is not None and (fold(line) != fold(organ.name) or organ.next == "-")


def _issuer_fragments(lines: list[str], end: int) -> list[str]:
    """Capital lines of the issuer block before ``end``, with the motto column cut off;
    the block starts at a line naming a body."""
    fragments: list[str] = []
    for line in lines[:end]:
        cut = _MOTTO.search(fold(line))
        part = line[: cut.start()] if cut else line
        part = _RULES.sub(" ", _SO_CUT.split(part)[0]).strip(" -_*—")
        if part and is_caps(part) and not _MOTTO.search(fold(part)):
            if fragments or organ_of(part):
                fragments.append(part)
    return fragments


def _split_issuer(fragments: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the issuer block: "BỘ TÀI CHÍNH / TỔNG CỤC THUẾ" has a parent,
    "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI" is one name over two lines."""
    if not fragments:
        return None, None
    names: list[str] = []
    for fragment in fragments:
        if names and (fold(fragment).startswith(_ORGAN_LEVEL_WORDS) or organ_of(fragment) is None):
            names[-1] = f"{names[-1]} {fragment}"
        else:
            names.append(fragment)
    return names[-1], (names[-2] if len(names) > 1 else None)


def _header_end(lines: list[str], type_index: int | None) -> int:
    if type_index is not None:
        return type_index
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if _LETTER_MARKS.match(line):
            return index
    return min(len(lines), 15)


def _under_title(lines: list[str], type_index: int | None) -> str:
    """The caption under the title, or at the top of a text without a type line
    ("(Kèm theo Quyết định số … ngày … của …)", possibly wrapped onto a second line)."""
    start = type_index + 1 if type_index is not None else 0
    for index in range(start, min(len(lines), start + _CAPTION_LINES)):
        if _CAPTION.match(lines[index]):
            return "\n".join(lines[index : index + 2])
    return ""


def _title(lines: list[str], type_index: int | None, enacting: int | None) -> str | None:
    """The subject line: "V/v …" of a letter, or what stands under the type line."""
    if subject := _SUBJECT.search("\n".join(lines[:_HEADER_LINES])):
        return subject.group("subject").strip() or None
    if type_index is None:
        return None
    parts: list[str] = []
    for index in range(type_index + 1, min(len(lines), enacting or type_index + 8)):
        line = lines[index]
        if not line:
            if parts:
                break
            continue
        if is_caps(line, 0.9):
            if line.endswith(":"):
                break
            if not (not parts and _title_body(line)):  # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" names the issuer
                parts.append(line)
            continue
        if not parts and len(line) <= 350 and not line.endswith(":") and not line.startswith("Căn cứ"):
            parts.append(line)
        break
    return " ".join(parts) or None


def _enacting_index(lines: list[str], type_index: int | None) -> int | None:
    """The organ line under the title of a resolution or decision ("HỘI ĐỒNG NHÂN DÂN TỈNH GIA LAI"):
    the last line naming a body before the "Căn cứ" clauses."""
    if type_index is None:
        return None
    found = None
    for index in range(type_index + 1, min(len(lines), type_index + 12)):
        line = lines[index]
        if line.startswith(("Căn cứ", "QUYẾT", "Xét", "Thực hiện")):
            break
        # a title wrapped after "CỦA" goes on with the speaker ("KẾT LUẬN CỦA / THỦ TƯỚNG …")
        if is_caps(line, 0.9) and _is_body_line(line) and not fold(lines[index - 1]).endswith(" cua"):
            found = index
    return found


def _title_body(title_block: str | None) -> str | None:
    """"CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN THƯỜNG VỤ TỈNH ỦY": the body after CỦA."""
    if not title_block or not is_caps(title_block, 0.9):
        return None
    match = re.match(r"^CỦA[ ](?P<body>.{4,120})$", title_block)
    return match.group("body") if match and organ_of(match.group("body")) else None


def _symbol_parts(symbol: str | None) -> tuple[str | None, str | None]:
    """(number, type code) of a symbol ("532-TB/TU" -> ("532", "TB"))."""
    if not symbol:
        return None, None
    segments = re.split(r"[/\-]", symbol)
    codes = [s for s in segments[1:] if not s.isdigit()]
    code = doc_type_by_code().get(codes[0].upper()) if codes else None
    return segments[0], code.code if code else None


def _self_type(text: str) -> str | None:
    """The type a text calls itself ("… căn cứ … và kế hoạch này")."""
    names = {fold(n): n for n in doc_type_names()}
    counts: dict[str, int] = {}
    for match in near(_SELF_MENTION, text, positions(_SELF_ANCHOR, text)):
        words = fold(match.group("type")).split()
        for size in range(len(words), 0, -1):
            if (key := " ".join(words[-size:])) in names:
                counts[names[key]] = counts.get(names[key], 0) + 1
                break
    return max(counts, key=counts.__getitem__) if counts else None


def _system(lines: list[str], issuer: str | None, symbol: str | None) -> str:
    header = fold(" ".join(lines[:_HEADER_LINES // 2]))
    if "dang cong san viet nam" in header:
        return "party"
    if "cong hoa xa hoi" in header:
        return "state"
    if issuer and (organ := organ_of(issuer)):
        return organ.system
    if symbol and re.fullmatch(r"\d{1,6}-[^/]{1,20}/.{1,40}", symbol):
        return "party"
    return "state" if symbol else "unknown"


def _with_tm_body(issuer: str | None, tm_body: str | None, text: str) -> tuple[str | None, str | None]:
    """"T/M BAN THƯỜNG VỤ" under "TỈNH ỦY QUẢNG NGÃI" -> ("Ban Thường vụ Tỉnh ủy Quảng Ngãi", parent)."""
    if not tm_body:
        return issuer, None
    body = canonical_body(text, tm_body)
    if issuer is None:
        return body, None
    if fold(issuer).startswith(fold(body)) or fold(body).startswith(fold(issuer)):
        return issuer, None
    return f"{body} {issuer}", issuer


def _extend(issuer: str | None, candidates: list[str | None]) -> str | None:
    """A later, longer statement of the same body wins ("Ủy ban nhân dân" -> "… tỉnh Đồng Tháp")."""
    if issuer is None:
        return None
    for candidate in candidates:
        if candidate and len(candidate) > len(issuer) and fold(candidate).startswith(fold(issuer) + " "):
            return candidate
    return issuer


def _coded_issuer(symbol: str | None) -> str | None:
    """The body the own symbol's issuer code names ("330/TB-VPCP" -> Văn phòng Chính phủ)."""
    parsed = parse_symbol(symbol) if symbol else None
    return implied_issuer(parsed) if parsed else None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def parse_header(text: str) -> tuple[Metadata, list[WarningItem]]:
    """Metadata of the document's own identity, and warnings on what could not be read."""
    lines = _lines(text)
    type_index, type_name = _type_line(lines)
    header_end = _header_end(lines, type_index)
    header_text = "\n".join(lines[: max(header_end + 3, 12)])
    table = sources.db_table(lines)
    news = sources.news_report(text)
    signature = find_signature(lines)

    so_line = _SO_LINE.search("\n".join(lines[:_HEADER_LINES]))
    letter = type_name is None and bool(_LETTER_MARKS.search("\n".join(lines[:_HEADER_LINES])))
    doc_type = _first(type_name, table.doc_type, news.doc_type, "Công văn" if letter else None)
    appendix = sources.appendix_caption(text, doc_type)
    doc_type = _first(doc_type, appendix.doc_type, _self_type(text))
    attached = sources.appendix_caption(_under_title(lines, type_index), None)
    if attached.symbol or attached.issued_date:
        appendix = attached
    if so_line is None:  # "Số:" lost by OCR: a bare symbol opening the place-date line
        so_line = _BARE_SO.search("\n".join(lines[:header_end]))
    symbol = _first(
        sources.clean_symbol(so_line.group("sym")) if so_line else None,
        table.symbol, news.symbol, None if so_line else appendix.symbol,
    )
    place, issued, dated = place_date(header_text, text)
    if not dated:
        issued = _first(table.issued_date, news.issued_date, appendix.issued_date, sources.adoption_date(text))

    header_issuer, parent = _split_issuer(_issuer_fragments(lines, header_end))
    enacting = _enacting_index(lines, type_index)
    title = _title(lines, type_index, enacting)
    opening = sources.opening_issuer(text)
    bodies = [
        _title_body(lines[type_index + 1]) if type_index is not None and type_index + 1 < len(lines) else None,
        lines[enacting] if enacting is not None else None,
        appendix.issuer if appendix is attached else None,
        news.issuer,
        sources.notice_issuer(text) if doc_type in _NOTICE_TYPES else None,
        opening,
        appendix.issuer,
        _coded_issuer(symbol),
    ]
    issuer = canonical_body(text, header_issuer) if header_issuer else None
    issuer, tm_parent = _with_tm_body(issuer, signature.body, text)
    if issuer is None:
        issuer = _first(*(canonical_body(text, b) for b in bodies if b))
    if issuer is None and (headed := headed_organ(signature.signer.position)):
        issuer = sources.body_at_level(text, headed)
    issuer = _extend(issuer, [canonical_body(text, b) for b in bodies if b])

    number, code = _symbol_parts(symbol)
    if code is None and doc_type:
        code = next((d.code for d in doc_types() if d.name == doc_type), None)
    signer = Signer(
        name=_first(signature.signer.name, table.signer_name, news.signer_name),
        position=_first(signature.signer.position, news.signer_position),
        authority=signature.signer.authority,
    )
    metadata = Metadata(
        doc_type=doc_type,
        doc_type_code=code,
        number=number,
        symbol=symbol,
        issuer=issuer,
        issuer_parent=canonical_body(text, parent) if parent else tm_parent,
        system=_system(lines, issuer, symbol),
        place=place,
        issued_date=issued,
        title=title,
        signer=signer,
        recipients=find_recipients(lines),
    )
    return metadata, _warnings(metadata)


def _warnings(metadata: Metadata) -> list[WarningItem]:
    missing = [name for name in ("doc_type", "issuer") if getattr(metadata, name) is None]
    if not missing:
        return []
    return [WarningItem(code="header_incomplete", message=f"header gives no {', '.join(missing)}")]
