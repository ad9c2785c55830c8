"""List labels that a renderer draws but the file does not store as text.

Word's automatic numbering and HTML ``<ol>`` both keep only a counter and a
format; these helpers turn the counter into the label a reader sees.
"""

from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(value: int) -> str:
    """Lower-case roman numeral of ``value`` (1..3999; others as digits)."""
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def letters(value: int) -> str:
    """a, b, … z, aa, bb, … (Word's and HTML's letter numbering)."""
    if value < 1:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


# Word numFmt / HTML list-style names -> formatter of the counter.
FORMATS = {
    "decimal": str,
    "decimalZero": lambda v: f"{v:02d}",
    "lowerLetter": letters,
    "upperLetter": lambda v: letters(v).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda v: roman(v).upper(),
    "none": lambda v: "",
}
HTML_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter",
              "i": "lowerRoman", "I": "upperRoman"}


def format_counter(value: int, fmt: str) -> str:
    """The counter ``value`` written in the numbering format ``fmt`` (decimal if unknown)."""
    return FORMATS.get(fmt, str)(value)
