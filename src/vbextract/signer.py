"""The signature block and the "Nơi nhận" list.

NĐ 30/2020/NĐ-CP (Phụ lục I, mục 7–9): the authority line ("TM. ỦY BAN NHÂN
DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q."), the signer's own title
("PHÓ CHỦ TỊCH"), then the signature and the name.  In a two-column layout the
block may share its lines with "Nơi nhận:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header_names import is_caps, personal_name, position_title
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


@dataclass
class SignatureBlock:
    """The signer read from a signature block, the body it signs for and where it starts."""

    signer: Signer
    body: str | None  # the body named after TM./T/M ("BAN THƯỜNG VỤ"), in capitals as printed
    line: int | None  # index of the block's first line


def _authority(line: str) -> re.Match[str] | None:
    match = _AUTHORITY.search(line)
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
    """The first signature block: authority line(s), title, name."""
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
