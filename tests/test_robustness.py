"""Adversarial input: every text ends, in time linear in its size, in a Document or a
typed VbextractError; never a hang, a quadratic stage or another exception."""

from __future__ import annotations

import time
from typing import Callable, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RAW
from vbextract import extract, extract_text
from vbextract.errors import BinaryInputError, EmptyInputError, VbextractError
from vbextract.schema import Document

_REAL = (RAW / "d01.txt").read_text(encoding="utf-8")


def _run(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


# (name, text builder, expected outcome: "doc" or the typed error)
_ADVERSARIAL: list[tuple[str, Callable[[int], str], object]] = [
    ("one huge line", lambda n: _run("abc xyz ", n), "doc"),
    ("only newlines", lambda n: "\n" * n, EmptyInputError),
    ("nested bullet marks", lambda n: _run("  - ", n), EmptyInputError),
    ("nested bullet lines", lambda n: _run("- a\n  - b\n    - c\n", n), "doc"),
    ("numbered labels on one line", lambda n: _run("1.1.1.1.1. ", n), "doc"),
    ("numbered labels on lines", lambda n: _run("1.1.1.1.1. x\n", n), "doc"),
    ("corpus document on one line", lambda n: _run(_REAL.replace("\n", " "), n), "doc"),
    ("corpus document repeated", lambda n: _run(_REAL, n), "doc"),
    ("mixed scripts", lambda n: _run("中文文本 Русский текст 😀🎉 tiếng Việt ", n), "doc"),
    ("control characters", lambda n: _run("".join(map(chr, range(1, 10))) + "x ", n), "doc"),
    ("lone surrogates", lambda n: _run("\ud800 Sở Y tế\n", n), "doc"),
    ("only white space", lambda n: _run(" \t\u00a0\u2003\n", n), EmptyInputError),
    ("only punctuation", lambda n: _run(".,;:!?()[]{}\"'-–—/\\", n), "doc"),
    ("citations in parentheses", lambda n: _run("Quyết định số 1/QĐ-UBND (Quyết định số 2/QĐ-UBND) ", n), "doc"),
    ("own symbol repeated", lambda n: "Số: 1/KH-UBND\nKẾ HOẠCH\n" + _run("Kế hoạch số 1/KH-UBND, ", n), "doc"),
    ("requests", lambda n: _run("Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế thực hiện; ", n), "doc"),
] + [
    (f"run of {unit!r}", lambda n, unit=unit: _run(unit, n), outcome)
    for unit, outcome in [
        ("số ", "doc"), ("/", "doc"), ("-", EmptyInputError), ("1", "doc"), ("12/", "doc"),
        ("ngày ", "doc"), ("tháng ", "doc"), ("Điều ", "doc"), ("I. ", "doc"), ("\nI. ", "doc"),
        ("\nĐiều 1. ", "doc"), ("\n- ", "doc"), ("|", "doc"), ("*", EmptyInputError),
        ("**", EmptyInputError), ("<td>", "doc"), ("&amp;", "doc"), ("Sở ", "doc"), ("UBND ", "doc"),
        ("Ủy ban nhân dân ", "doc"), ("các sở, ngành, ", "doc"), ("phối hợp với ", "doc"),
        ("trước ngày 1/1/", "doc"), ("Căn cứ Nghị định số 1/2020/NĐ-CP, ", "doc"),
    ]
]


def _outcome(run: Callable[[], Document]) -> object:
    try:
        document = run()
    except VbextractError as error:
        return type(error)
    assert isinstance(document, Document)
    for item in [*document.references, *document.dates, *document.agencies, *document.tasks]:
        assert document.text[item.start:item.end] == item.text
    return "doc"


@pytest.mark.parametrize(("name", "build", "expected"), _ADVERSARIAL, ids=[a[0] for a in _ADVERSARIAL])
def test_adversarial_text_ends_fast_in_a_document_or_typed_error(
    name: str, build: Callable[[int], str], expected: object
) -> None:
    text = build(60_000)
    started = time.perf_counter()
    assert _outcome(lambda: extract_text(text)) == expected
    assert time.perf_counter() - started < 10, name


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_run("Kế hoạch số 1/KH-UBND\n", 50_000).encode() + b"\xed\xa0\x80", "doc"),  # encoded surrogate
        (_run("\x01\x02\x03 x\n", 50_000).encode(), BinaryInputError),
        (b"\x00" * 50_000, BinaryInputError),
        (_run("\n", 50_000).encode(), EmptyInputError),
        (_run("Sở Y tế, Sở Tài chính\n", 50_000).encode("utf-16"), "doc"),
    ],
    ids=["encoded surrogate", "control bytes", "NUL bytes", "newline bytes", "UTF-16"],
)
def test_adversarial_bytes_end_in_a_document_or_typed_error(data: bytes, expected: object) -> None:
    started = time.perf_counter()
    assert _outcome(lambda: extract(data)) == expected
    assert time.perf_counter() - started < 10


def test_surrogates_become_replacement_characters_so_json_encodes() -> None:
    document = extract_text("Sở Y tế\n\udc80 chủ trì\n")
    assert "\ufffd chủ trì" in document.text
    document.model_dump_json().encode("utf-8")


@pytest.mark.parametrize("source", [12345, None, 3.5, ["a.txt"]])
def test_source_of_a_wrong_type_gives_a_typed_error(source: object) -> None:
    with pytest.raises(VbextractError, match="cannot read an object of type"):
        extract(source)  # type: ignore[arg-type]


# Inputs that were quadratic (or worse) in one stage: tasks (paragraph ends, clause scans),
# references (opening cues, parentheses) and header (casing a name in capitals).
_ONCE_QUADRATIC = {
    "unmarked lines": "\nI. ",
    "numbered labels": "1.1.1.1.1. ",
    "run-on opening": "Căn cứ Nghị định số 1/2020/NĐ-CP, ",
    "citations in parentheses": "Quyết định số 1/QĐ-UBND (Quyết định số 2/QĐ-UBND) ",
    "issuer in capitals": "UBND ",
}


def _seconds(text: str, best_of: int) -> float:
    times = []
    for _ in range(best_of):
        started = time.perf_counter()
        extract_text(text)
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize("unit", list(_ONCE_QUADRATIC.values()), ids=list(_ONCE_QUADRATIC))
def test_time_grows_linearly(unit: str) -> None:
    small, large = _run(unit, 100_000), _run(unit, 400_000)
    base = _seconds(small, best_of=3)
    ratio: Optional[float] = None
    for _ in range(2):  # a second try absorbs a burst of load on a shared machine
        ratio = _seconds(large, best_of=1) / max(base, 0.01)
        if ratio < 6:
            break
    assert ratio is not None and ratio < 6, f"400k characters took {ratio:.1f}× the time of 100k"


_TOKENS = st.sampled_from(
    ["số ", "/", "-", "1", "ngày ", "tháng ", "Điều ", "I.", "|", "*", "**", "<td>", "&amp;", "Sở ",
     "Ủy ban nhân dân ", "các sở, ngành, ", "phối hợp với ", "trước ngày 1/1/", "\n", "\n- ", "1.1. ",
     "Căn cứ Nghị định số 1/2020/NĐ-CP", "; ", ". ", ": ", "(", ")", "Giao ", "😀", "\x07", "\ud800"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TOKENS, st.integers(1, 400)), min_size=1, max_size=12))
def test_runs_of_tokens_end_in_a_document_or_typed_error(runs: list[tuple[str, int]]) -> None:
    text = "".join(token * count for token, count in runs)
    started = time.perf_counter()
    assert _outcome(lambda: extract_text(text)) in {"doc", EmptyInputError, BinaryInputError}
    assert time.perf_counter() - started < 10
