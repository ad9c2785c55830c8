"""Is this text Vietnamese at all?  A cheap check on Vietnamese-only letters."""

from __future__ import annotations

import re

from .schema import WarningItem

_VIETNAMESE_ONLY = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I
)
_LETTER = re.compile(r"[^\W\d_]")
_SAMPLE = 20_000  # enough letters to tell the language; the check stays cheap on huge inputs
_MIN_SHARE = 0.03


def language_warnings(text: str) -> list[WarningItem]:
    """A ``not_vietnamese`` warning when too few letters are Vietnamese-specific."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters < 20:
        return []
    share = len(_VIETNAMESE_ONLY.findall(sample)) / letters
    if share >= _MIN_SHARE:
        return []
    return [
        WarningItem(
            code="not_vietnamese",
            message=f"only {share:.1%} of letters are Vietnamese-specific; results will be poor",
        )
    ]
