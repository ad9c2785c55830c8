"""The signature block and the "Nơi nhận" list.

NĐ 30/2020/NĐ-CP (Phụ lục I, mục 7–9): the authority line ("TM. ỦY BAN NHÂN
DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q."), the signer's own title
("PHÓ CHỦ TỊCH"), then the signature and the name.  In a two-column layout the
block may share its lines with "Nơi nhận:"; a scraped page puts it in a table
cell ("| KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương |") and OCR may flatten it
onto one line.  Such a line is cut back into the block's parts (:func:`pieces`):
before each authority word, before the signer's own title (the last title of the
capitals run) and before the trailing title-case name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header_names import fold, is_caps, personal_name, position_title, positions
from .schema import Signer

# An authority word at the start of a line, or right after "Nơi nhận:" in a two-column line;
# capitals follow ("TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH").
_AUTHORITY = re.compile(
    r"(?:^|(?<=nhận:)[ ]{1,8})(?P<word>T/M|TM|T\.M|THAY MẶT|KT|K/T|TL|T/L|TUQ|Q)(?:\.[ ]{0,3}|[ ]{1,3})"
    r"(?P<body>[^\W\d_][^\n]{1,80})$",
    re.I,
)
_AUTHORITY_FORMS = {"T/M": "T/M", "TM": "TM.", "T.M": "TM.", "THAY MẶT": "TM.", "KT": "KT.",
                    "K/T": "KT.", "TL": "TL.", "T/L": "TL.", "TUQ": "TUQ.", "Q": "Q."}
_RECIPIENTS_HEAD = re.compile(r"^N[oơ0][iíì][ ]{0,2}(?:nhận|gửi)[ ]{0,2}:", re.I)
_LIST_ITEM = re.compile(r"^[-–+•*][ ]{0,3}(?P<item>\S.{0,200})$")
_LOOKAHEAD = 8
# An authority word where a signature block starts inside a cell or a flattened line: in
# capitals, with its dot or slash, capitals after it ("… Lưu: VT. KT. CHỦ TỊCH", "… DÂN KT. …").
_INNER_AUTHORITY = re.compile(
    r"(?:^|(?<=[ ]))(?:T/M|TM\.|T\.M\.|KT\.|K/T|TL\.|T/L|TUQ\.|Q\.)[ ]{0,3}(?=[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ])"
)
# The same words alone: a scan that starts at a capital letter rules most lines out at once.
_INNER_AUTHORITY_WORD = re.compile(r"T/M|TM\.|T\.M\.|KT\.|K/T|TL\.|T/L|TUQ\.|Q\.")


@dataclass
class SignatureBlock:
    """The signer read from a signature block, the body it signs for and where it starts."""

    signer: Signer
    body: str | None  # the body named after TM./T/M ("BAN THƯỜNG VỤ"), in capitals as printed
    line: int | None  # index of the block's first line


def _title_length(words: list[str], index: int) -> int:
    """How many words from ``index`` spell one signer's title ("PHÓ CHỦ TỊCH" -> 3), or 0."""
    vice = 1 if fold(words[index]) == "pho" else 0
    folded = [fold(w.strip(",")) for w in words[index + vice:]]
    for title in positions():
        size = len(title.split())
        if folded[:size] == fold(title).split():
            return vice + size
    return 0


def _own_title_start(words: list[str]) -> int:
    """Index of the signer's own title in a capitals run, read left to right as titles and
    other words: the last title not joined by a comma to the one before it ("KT. BỘ TRƯỞNG,
    CHỦ NHIỆM PHÓ CHỦ NHIỆM" -> "PHÓ CHỦ NHIỆM"; "TL. TỔNG CỤC TRƯỞNG" -> none), else 0."""
    index, found = 0, 0
    while index < len(words):
        size = _title_length(words, index)
        if size and index and not words[index - 1].endswith(","):
            found = index
        index += size or 1
    return found


def _caps_and_name(words: list[str]) -> tuple[list[str], list[str]]:
    """A run of capitals and what follows it, with a leading personal name cut off that
    ("PHÓ CHỦ TỊCH Hoàng Việt Phương (đã ký)" -> caps, ["Hoàng Việt Phương", "(đã ký)"])."""
    first_lower = next((i for i, w in enumerate(words) if not is_caps(w, 0.6)), len(words))
    caps, rest = words[:first_lower], words[first_lower:]
    for size in range(min(5, len(rest)), 1, -1):
        if name := personal_name(" ".join(rest[:size])):
            return caps, [name] + ([" ".join(rest[size:])] if rest[size:] else [])
    return caps, [" ".join(rest)] if rest else []


def _split_block(block: str) -> list[str]:
    """A flattened signature block cut into authority lines, the own title and the name."""
    parts: list[str] = []
    starts = [m.start() for m in _INNER_AUTHORITY.finditer(block)] + [len(block)]
    for begin, end in zip(starts, starts[1:]):
        caps, rest = _caps_and_name(block[begin:end].split())
        cut = _own_title_start(caps[1:]) + 1 if len(caps) > 2 else 0
        parts += [" ".join(caps[:cut]), " ".join(caps[cut:])] if cut > 1 else [" ".join(caps)]
        parts += rest
    return parts


def _split_cell(cell: str) -> list[str]:
    """One line or table cell as the lines of the official layout."""
    start = _INNER_AUTHORITY.search(cell) if _INNER_AUTHORITY_WORD.search(cell) else None
    if start is not None and is_caps(cell[start.start():start.start() + 30]):
        head = [cell[: start.start()].rstrip()] if start.start() else []
        return head + _split_block(cell[start.start():].strip())
    words = cell.split()
    if words and is_caps(words[0], 0.6):
        caps, rest = _caps_and_name(words)
        if rest and personal_name(rest[0]) and position_title(" ".join(caps)):
            return [" ".join(caps)] + rest  # "PHÓ GIÁM ĐỐC Lê Thị Hoa"
    tail = len(words)
    while tail > 0 and is_caps(words[tail - 1], 0.9) and words[tail - 1][-1:].isalpha():
        tail -= 1
    if 0 < tail < len(words) and words[tail - 1][-1:] in ";.," and _title_length(words, tail):
        # two columns read across by OCR: "- Như trên; PHÓ CHỦ TỊCH"
        return [" ".join(words[:tail]), " ".join(words[tail:])]
    return [cell]


def pieces(lines: list[str]) -> list[str]:
    """The lines of a text with signature blocks in table cells or flattened onto one line
    split into the lines of the official layout; other lines are kept as they are."""
    out: list[str] = []
    for line in lines:
        cells = [c.strip(" *_") for c in line.split("|")] if "|" in line else [line]
        for cell in cells:
            out += _split_cell(cell)
    return out


def _authority(line: str) -> re.Match[str] | None:
    # away from the line's start the block only follows "Nơi nhận:" (any case)
    match = _AUTHORITY.search(line) if "nhận:" in line.lower() else _AUTHORITY.match(line)
    if match and match.group("word").isupper() and is_caps(match.group("body")):
        return match
    return None


def _position_and_name(lines: list[str], start: int) -> tuple[str | None, str | None]:
    """The first title line and the name below it, in the lines from ``start``."""
    position = name = None
    for line in lines[start : start + _LOOKAHEAD]:
        if name := personal_name(line):
            break
        if position is None and is_caps(line) and not _LIST_ITEM.match(line):
            position = position_title(line)
    return position, name


def find_signature(lines: list[str]) -> SignatureBlock:
    """The first signature block: authority line(s), title, name (``line`` indexes
    :func:`pieces` of ``lines``)."""
    lines = pieces(lines)
    for index, line in enumerate(lines):
        match = _authority(line)
        if match is None:
            continue
        authority, body = None, None
        j = index
        while j < len(lines) and (found := _authority(lines[j])):
            word = found.group("word").upper()
            authority = _AUTHORITY_FORMS.get(word, word)
            if authority in {"TM.", "T/M"}:
                body = found.group("body")
            j += 1
        if body and j < len(lines) and is_caps(lines[j]) and position_title(lines[j]) is None:
            body = f"{body} {lines[j]}"  # "TM. ỦY BAN NHÂN" / "DÂN"
            j += 1
        position, name = _position_and_name(lines, j)
        return SignatureBlock(Signer(name=name, position=position, authority=authority), body, index)
    for index, line in enumerate(lines):
        if is_caps(line) and len(line.split()) <= 8 and position_title(line):
            position, name = _position_and_name(lines, index)
            if name:
                return SignatureBlock(Signer(name=name, position=position), None, index)
    return SignatureBlock(Signer(), None, None)


def find_recipients(lines: list[str]) -> list[str]:
    """The "Nơi nhận:" list, one entry per item, without list marks and end punctuation."""
    for index, line in enumerate(lines):
        if not _RECIPIENTS_HEAD.match(line):
            continue
        items = []
        for item_line in lines[index + 1 :]:
            match = _LIST_ITEM.match(item_line)
            if not match:
                if item_line and items:
                    break
                continue
            items.append(match.group("item").strip(" ;,."))
        return items
    return []
