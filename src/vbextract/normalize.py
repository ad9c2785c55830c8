"""Normalise a reader's raw text into the one text every offset points into.

The steps, in order: line ends and invisible characters; Unicode NFC; HTML
residue (tags, tables, entities, footnote marks); markdown residue (bold,
headings, table pipes, rules, escapes); one tone-mark placement; page noise
(page numbers, page-break markers); white space; lines broken inside a
sentence; duplicated blocks.  Each step is a rewrite recorded in an offset map,
so :meth:`Normalized.to_raw` finds where any character came from.  The passes
repeat until the text is a fixed point: normalising it again changes nothing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from .offsets import MappedText
from .schema import WarningItem

# --- character level ---------------------------------------------------------
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x0b|\x0c|\x85")
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_DECOMPOSED = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # undecodable residue: no UTF-8 output can hold it
# Any character one of the steps above would rewrite (one scan instead of five on clean text).
_CHARACTER_NOISE = re.compile(
    r"[\r\u2028\u2029\x0b\x0c\x85\ufeff\u200b\u200c\u200d\u2060\u00ad\x00-\x08\x0e-\x1f\x7f"
    r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000\ud800-\udfff]"
)

# --- HTML residue --------------------------------------------------------------
_FOOTNOTE_MARK = re.compile(r"<sup>\s*(?:\d{1,3}|\*{1,3})\s*</sup>", re.I)
_SUP_TAG = re.compile(r"</?su[pb]>", re.I)
# Each tag pattern with the white space around it, and the bare tag: a scan for the
# tag opens on "<" and is fast; the whole pattern runs only where the tag occurs.
_ROW_END = r"</tr\s*>"
_CELL_START = r"<t[dh]\b[^<>]{0,200}>"
_BREAK_TAG = r"<(?:br|/p|/div|/h[1-6]|/li|/table|/thead|/tbody)\b[^<>]{0,200}>"
_HTML_BLOCK_STEPS = tuple(
    (re.compile(rf"\s*{tag}\s*", re.I), re.compile(tag, re.I), replacement)
    for tag, replacement in ((_ROW_END, "\n"), (_CELL_START, " | "), (_BREAK_TAG, "\n"))
)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,15}\b[^<>]{0,500}>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")

# --- markdown residue ----------------------------------------------------------
# Patterns about a "*" or "__" open with it and check the character before it with a
# look-behind placed after it (the regex engine then skips ahead to each "*").
_GLUED_HEADING = re.compile(
    r"\*\*(?<=[^\s*]\*\*)(?=(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,4}|[a-zđ])[.\-)]\s?\S)"
)
_BOLD_PAIR_JOIN = re.compile(r"\*\*\*\*")
_BOLD = re.compile(r"\*\*|__(?=\S)|__(?<=\S__)")
_ITALIC = re.compile(
    r"\*(?:(?<![\s*]\*)(?![\s*])|(?<=[\s(\"“]\*)(?=[^\s*])|(?<=[^\s*]\*)(?=[\s).,;:\"”]|$))", re.M
)
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+", re.M)
_MD_RULE = re.compile(r"^[ ]{0,3}(?:[-=_*][ ]?){3,}[ ]*$", re.M)
_TABLE_RULE = re.compile(r"^[ ]*\|?(?:[ ]*:?-{2,}:?[ ]*\|){1,60}[ ]*(?::?-{2,}:?[ ]*)?$", re.M)
_EDGE_PIPE = re.compile(r"^[ ]*(?:\|[ ]*){1,20}|(?:[ ]*\|){1,20}[ ]*$", re.M)
_INNER_PIPE = re.compile(r"[ ]*\|[ ]*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

# --- tone marks ----------------------------------------------------------------
# Old-style placement puts the mark on the last vowel of an open oa/oe/uy
# syllable (hoà, khoẻ, thuỷ); the modern rule puts it on the first (hòa, khỏe,
# thủy).  Swapping keeps the string length.  "qu" + y is left alone (quý).
# One character class per letter (the engine skips to each o/u); the callback keeps
# the pairs that are open glides: o + a/e, u + y.
_GLIDE_MARKED = {"o": "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ", "u": "ỳýỷỹỵỲÝỶỸỴ"}
_OPEN_GLIDE = re.compile(rf"[oOuU][{''.join(_GLIDE_MARKED.values())}](?!\w)")

# --- page noise ------------------------------------------------------------------
_PAGE_LINE = (
    r"[ ]*(?:-{2,}[ ]*PAGE[ ]BREAK[ ]*-{2,}"
    r"|(?:Trang|Page)[ ]\d{1,4}(?:[ ]?/[ ]?\d{1,4})?|-?[ ]?\d{1,3}[ ]?-?)[ ]*"
)
_PAGE_MARKER = re.compile(
    rf"^(?:{_PAGE_LINE}|[ ]*<jsontable\b[^<>]{{0,200}}>[ ]*</jsontable>[ ]*)$", re.M | re.I
)

# --- white space -------------------------------------------------------------------
_SPACE_RUN = re.compile(r"[ ]{2,}")
_LINE_EDGE_SPACE = re.compile(r"^[ ]+|[ ]+$", re.M)
_BLANK_RUN = re.compile(r"\n{3,}")

# --- broken lines --------------------------------------------------------------------
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_LIST_LABEL_AHEAD = rf"(?![{_LOWER}][.)][ ])"
# "giải\n\npháp": a line that stops mid-sentence, then a line going on in lower case.
# The character before the break is checked in the callback (a pattern that starts with a
# literal newline lets the regex engine skip ahead instead of testing a look-behind everywhere).
_BROKEN_LINE = re.compile(rf"\n\n?(?=[{_LOWER}]){_LIST_LABEL_AHEAD}")
_MID_SENTENCE_END = re.compile(rf"[{_LOWER}A-ZĐ0-9,]")
# A sentence running on over a page break ("báo cáo Thủ tướng\n2\n--- PAGE BREAK ---\nChính phủ
# trong tháng 3"): the break and its page number are dropped and the two halves joined, when the
# line before stops mid-sentence and the line after is not a new labelled item.
_ACROSS_PAGE = re.compile(
    rf"\n(?:[ ]*\n){{0,3}}(?:{_PAGE_LINE}\n(?:[ ]*\n){{0,3}}){{1,3}}"
    rf"(?=[^\W\d_])(?![IVXLC]{{1,6}}[.)-][ ])(?!Điều[ ]\d){_LIST_LABEL_AHEAD}",
    re.I,
)
# "36-\nCT/TW", "5969/QĐ-\nUBND": a document symbol broken after its dash.
_BROKEN_SYMBOL = re.compile(r"(?<=[0-9A-ZĐ]-)[ ]*\n(?=[A-ZĐ]{1,10}\b)")
_BROKEN_SYMBOL_DASH = re.compile(r"-[ ]*\n")  # what every such break holds (a fast scan)

_MAX_PASSES = 4
_BODY_LINE_MIN = 40
_DUPLICATE_MIN_LINES = 5
_DUPLICATE_MIN_CHARS = 800
_DUPLICATE_LINE_MIN = 25


@dataclass
class Normalized:
    """The normalised text, its map back to the raw text, and what was noticed."""

    mapped: MappedText
    warnings: list[WarningItem] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.mapped.text

    def to_raw(self, pos: int) -> int:
        """Raw-text position of normalised position ``pos``."""
        return self.mapped.to_raw(pos)


def _nfc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group(0))


def _join_broken_line(match: re.Match[str]) -> str:
    """Join unless the line before is a heading in capitals ("KẾ HOẠCH" / "sơ kết …")."""
    text = match.string
    start = match.start()
    if start == 0 or not _MID_SENTENCE_END.match(text, start - 1):
        return match.group(0)
    line_start = text.rfind("\n", 0, start) + 1
    previous = text[line_start:start]
    return " " if any(c.islower() for c in previous) else match.group(0)


def _join_across_page(match: re.Match[str]) -> str:
    """One space where a sentence runs on over a page break, else the break as it was.

    The line before must stop mid-sentence and be a body line (a short heading line
    such as "Nội dung" before a page break starts no sentence of the next page)."""
    text, start = match.string, match.start()
    if not start or not _MID_SENTENCE_END.match(text, start - 1):
        return match.group(0)
    line_start = text.rfind("\n", 0, start) + 1
    next_char = text[match.end() : match.end() + 1]
    return " " if start - line_start >= _BODY_LINE_MIN or next_char.islower() else match.group(0)


def _modern_tone(match: re.Match[str]) -> str:
    first, marked = match.group(0)
    if marked not in _GLIDE_MARKED[first.lower()]:
        return match.group(0)
    if match.start() and match.string[match.start() - 1] in "qQ":  # "quý", "quả": qu + vowel
        return match.group(0)
    base, mark = unicodedata.normalize("NFD", marked)[0], unicodedata.normalize("NFD", marked)[1:]
    return unicodedata.normalize("NFC", first + mark) + base


def _entity(match: re.Match[str]) -> str:
    value = html.unescape(match.group(0))
    if value == match.group(0):
        return value
    return " " if value.isspace() else value


def _character_level(text: MappedText) -> MappedText:
    if _CHARACTER_NOISE.search(text.text):
        text = text.sub(_LINE_ENDS, "\n")
        text = text.sub(_INVISIBLE, "")
        text = text.sub(_CONTROL, " ")
        text = text.sub(_ODD_SPACES, " ")
        text = text.sub(_LONE_SURROGATE, "\ufffd")
    if unicodedata.is_normalized("NFC", text.text):
        return text
    return text.sub(_DECOMPOSED, _nfc)


def _html_residue(text: MappedText) -> MappedText:
    if "<" in text.text:
        text = text.sub(_FOOTNOTE_MARK, "")
        text = text.sub(_SUP_TAG, "")
        for pattern, tag, replacement in _HTML_BLOCK_STEPS:
            if tag.search(text.text):
                text = text.sub(pattern, replacement)
        text = text.sub(_ANY_TAG, "")
    if "&" in text.text:
        text = text.sub(_ENTITY, _entity)
        text = text.sub(_ODD_SPACES, " ")
    return text


# (pattern, replacement, strings without any of which the step cannot apply): most
# texts have no markdown at all, and a substring test is far cheaper than a regex scan.
_MARKDOWN_STEPS = (
    (_BOLD_PAIR_JOIN, "\n", "*"),
    (_GLUED_HEADING, "\n", "*"),
    (_BOLD, "", "*_"),
    (_ITALIC, "", "*"),
    (_MD_HEADING, "", "#"),
    (_TABLE_RULE, "", ("--",)),
    (_MD_RULE, "", "-=_*"),
    (_EDGE_PIPE, "", "|"),
    (_INNER_PIPE, " | ", "|"),
    (_MD_ESCAPE, r"\1", "\\"),
)


def _markdown_residue(text: MappedText) -> MappedText:
    for pattern, replacement, triggers in _MARKDOWN_STEPS:
        if any(t in text.text for t in triggers):
            text = text.sub(pattern, replacement)
    return text


def _white_space(text: MappedText) -> MappedText:
    if "  " in text.text:
        text = text.sub(_SPACE_RUN, " ")
    value = text.text
    if " \n" in value or "\n " in value or value[:1] == " " or value[-1:] == " ":
        text = text.sub(_LINE_EDGE_SPACE, "")
    if "\n\n\n" in text.text:
        text = text.sub(_BLANK_RUN, "\n\n")
    value = text.text
    inner = value.strip("\n")
    if len(inner) == len(value):
        return text
    lead = len(value) - len(value.lstrip("\n"))
    return text.apply([(0, lead, ""), (lead + len(inner), len(value), "")])


def _duplicate_blocks(text: MappedText) -> tuple[MappedText, list[WarningItem]]:
    """Drop later copies of runs of lines that already stood earlier in the text."""
    lines = text.text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    first_seen: dict[str, int] = {}
    edits: list[tuple[int, int, str]] = []
    warnings: list[WarningItem] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = first_seen.get(line) if len(line) >= _DUPLICATE_LINE_MIN else None
        if j is None:
            if len(line) >= _DUPLICATE_LINE_MIN:
                first_seen[line] = i
            i += 1
            continue
        length = 0
        while i + length < len(lines) and j + length < i and lines[j + length] == lines[i + length]:
            length += 1
        content = [l for l in lines[i : i + length] if l]
        if len(content) >= _DUPLICATE_MIN_LINES and sum(map(len, content)) >= _DUPLICATE_MIN_CHARS:
            start, end = starts[i], min(starts[i + length], len(text.text))
            edits.append((start, end, ""))
            warnings.append(
                WarningItem(
                    code="duplicate_block_removed",
                    message=f"{len(content)} lines repeating lines {j + 1}-{j + length} were kept once",
                )
            )
            i += length
        else:
            i += 1
    return text.apply(edits), warnings


def _pass(text: MappedText) -> tuple[MappedText, list[WarningItem]]:
    """One run of every step, in order."""
    text = _character_level(text)
    text = _html_residue(text)
    text = _markdown_residue(text)
    text = text.sub(_OPEN_GLIDE, _modern_tone)
    text = text.sub(_ACROSS_PAGE, _join_across_page)
    text = text.sub(_PAGE_MARKER, "")
    text = _white_space(text)
    if _BROKEN_SYMBOL_DASH.search(text.text):
        text = text.sub(_BROKEN_SYMBOL, "")
    text = text.sub(_BROKEN_LINE, _join_broken_line)
    text, warnings = _duplicate_blocks(text)
    return _white_space(text), warnings


def normalize(raw: str) -> Normalized:
    """Normalise ``raw`` text; see the module docstring for the steps.

    A step can expose residue for an earlier one (a lone ``*`` left once the
    table pipe after it is gone), so passes repeat until nothing changes.
    """
    text, warnings = _pass(MappedText(raw))
    for _ in range(_MAX_PASSES - 1):
        again, more = _pass(text)
        if again.text == text.text:
            break
        text, warnings = again, warnings + more
    return Normalized(text, warnings)


def canonical_tones(text: str) -> str:
    """``text`` in NFC with modern tone placement (hoà -> hòa), same length.

    For comparing outside texts (gold annotations) with normalised text.
    """
    return _OPEN_GLIDE.sub(_modern_tone, unicodedata.normalize("NFC", text))


def normalize_text(raw: str) -> str:
    """Just the normalised string (convenience for tests and notebooks)."""
    return normalize(raw).text
