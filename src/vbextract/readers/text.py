"""Decode .txt/.md bytes: BOMs, UTF-8, UTF-16 without BOM, Windows-1258/1252.

A wrong guess must not pass silently as mojibake.  Candidate decodings of a
non-UTF-8 file are scored by the share of letters that spell valid Vietnamese
(or plain Latin) words, and an ``encoding_guess`` warning is raised when the
winner is not clearly ahead.  UTF-8 that was once mis-read as Windows-1252 and
saved again ("Viá»‡t") is repaired with a ``mojibake_repaired`` warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import BinaryInputError
from ..schema import WarningItem

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_LEGACY = ("cp1258", "cp1252", "latin-1")
_SURE = 0.9  # a decoding scoring at least this, clearly ahead, needs no warning
_MARGIN = 0.05
_BINARY_SHARE = 0.02  # control characters beyond this share mean binary data
_SAMPLE = 65536
_DETECTOR_MIN_BYTES = 200

# --- what a valid Vietnamese (or plain Latin) word looks like -------------------
_BASE = set("abcdefghijklmnopqrstuvwxyzđ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_MODIFIERS = {"\u0302": set("aeo"), "\u0306": {"a"}, "\u031b": set("ou")}
_WORD = re.compile(r"[^\W\d_]{1,40}")
_ODD_SYMBOL = re.compile(r"[\u00a1-\u00bf\u00d7\u00f7\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                         r"\u02c6\u02dc\u2020\u2021\u2030\u2039\u203a\u2122\u0080-\u009f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _plausible(word: str) -> bool:
    """Whether ``word`` is spelt with Vietnamese letters and marks in a valid way."""
    bases: list[str] = []
    marked: set[int] = set()  # positions of letters that carry a diacritic
    tones = 0
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _BASE:
            bases.append(char)
        elif not bases:
            return False
        elif char in _TONES:
            tones += 1
            marked.add(len(bases) - 1)
        elif char in _MODIFIERS and bases[-1] in _MODIFIERS[char]:
            marked.add(len(bases) - 1)
        else:
            return False
    if tones > 1 or len(marked) > 2:
        return False
    if len(marked) == 2:  # only "ươ" carries marks on two letters
        first, second = sorted(marked)
        return second == first + 1 and bases[first] == "u" and bases[second] == "o"
    return True


def vietnamese_score(text: str) -> float:
    """Share (0..1) of letters in validly spelt words, odd symbols counting against."""
    good = bad = 0
    for word in _WORD.findall(text):
        if _plausible(word):
            good += len(word)
        else:
            bad += len(word)
    bad += 2 * len(_ODD_SYMBOL.findall(text))
    return good / (good + bad) if good + bad else 0.0


# --- double-encoded UTF-8 ("Viá»‡t" for "Việt") ----------------------------------
def _byte_of() -> dict[str, int]:
    table = {chr(b): b for b in range(0x80, 0x100)}
    for b in range(0x80, 0xA0):
        char = bytes([b]).decode("cp1252", "ignore")
        if char:
            table[char] = b
    return table


_BYTE_OF = _byte_of()
_CONT = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF)
_MOJIBAKE = re.compile(
    rf"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}"
)


def _undo_mojibake(match: re.Match[str]) -> str:
    try:
        return bytes(_BYTE_OF[c] for c in match.group(0)).decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as Windows-1252/Latin-1; return the text and the repair count."""
    repaired, count = _MOJIBAKE.subn(_undo_mojibake, text)
    return repaired, count


# --- the decoder -------------------------------------------------------------------------
@dataclass
class _Candidate:
    encoding: str
    text: str
    score: float


def _warning(code: str, message: str) -> WarningItem:
    return WarningItem(code=code, message=message)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one parity only (ASCII-heavy text)."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.25 and even < 0.02:
        return "utf-16-le"
    if even > 0.25 and odd < 0.02:
        return "utf-16-be"
    return None


def _check_not_binary(text: str) -> None:
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _BINARY_SHARE:
        raise BinaryInputError("the input looks like binary data, not text")


def _legacy_candidates(data: bytes) -> list[_Candidate]:
    encodings = list(_LEGACY)
    if len(data) < _DETECTOR_MIN_BYTES:  # too little for a statistical detector
        return _decoded(data, encodings)
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:_SAMPLE]).best()
        if guess is not None and guess.encoding.replace("_", "-") not in encodings:
            encodings.insert(2, guess.encoding)
    except Exception:  # the detector is a hint only
        pass
    return _decoded(data, encodings)


def _decoded(data: bytes, encodings: list[str]) -> list[_Candidate]:
    candidates = []
    for encoding in encodings:
        try:
            text = unicodedata.normalize("NFC", data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
        candidates.append(_Candidate(encoding, text, vietnamese_score(text[:_SAMPLE])))
    return candidates


def _decode_legacy(data: bytes) -> tuple[str, list[WarningItem]]:
    candidates = _legacy_candidates(data)
    best = max(candidates, key=lambda c: c.score)  # first of equals wins: cp1258
    _check_not_binary(best.text)
    rivals = [c for c in candidates if c is not best and c.text != best.text]
    runner_up = max((c.score for c in rivals), default=0.0)
    if best.score < _SURE or best.score - runner_up < _MARGIN:
        return best.text, [
            _warning(
                "encoding_guess",
                f"not UTF-8; decoded as {best.encoding} (score {best.score:.2f}, "
                f"next best {runner_up:.2f}); check the text for wrong letters",
            )
        ]
    return best.text, []


def decode_text(data: bytes) -> tuple[str, list[WarningItem]]:
    """Decode bytes to ``str`` (NFC is left to the normaliser); warnings say how."""
    warnings: list[WarningItem] = []
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding:
        data = data[len(next(bom for bom, enc in _BOMS if enc == encoding)):]
    else:
        encoding = _utf16_without_bom(data)
        if encoding:
            warnings.append(_warning("encoding_guess", f"no byte-order mark; read as {encoding}"))
    if encoding:
        text = data.decode(encoding, errors="replace")
        if "\ufffd" in text:
            warnings.append(_warning("decode_errors", f"bytes invalid in {encoding} were replaced"))
    elif b"\x00" in data:
        raise BinaryInputError("the input holds NUL bytes: binary data, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, legacy_warnings = _decode_legacy(data)
            return text, warnings + legacy_warnings
    _check_not_binary(text)
    repaired, count = repair_mojibake(text)
    if count and vietnamese_score(repaired[:_SAMPLE]) > vietnamese_score(text[:_SAMPLE]):
        warnings.append(
            _warning("mojibake_repaired", f"{count} double-encoded UTF-8 sequences were repaired")
        )
        text = repaired
    return text, warnings


def read_text(data: bytes) -> tuple[str, None, list[WarningItem]]:
    """Reader entry point for .txt/.md: (text, pages, warnings)."""
    text, warnings = decode_text(data)
    return text, None, warnings
