"""Whole-pipeline properties on real documents and random input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vbextract
from vbextract.errors import VbextractError
from vbextract.normalize import normalize

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"
DOCUMENTS = sorted(RAW.glob("*.txt"))


@pytest.fixture(scope="module")
def extracted() -> dict[str, vbextract.Document]:
    return {p.name: vbextract.extract(p) for p in DOCUMENTS}


def _spans(doc: vbextract.Document):
    for group in (doc.references, doc.dates, doc.agencies, doc.tasks):
        yield from group


@pytest.mark.parametrize("name", [p.name for p in DOCUMENTS])
def test_every_offset_slices_back_to_its_text(extracted, name: str) -> None:
    doc = extracted[name]
    assert doc.text == normalize(doc.text).text, "the exposed text is a fixed point of normalisation"
    for item in _spans(doc):
        assert doc.text[item.start:item.end] == item.text, item
    for section in doc.sections:
        assert 0 <= section.start < section.end <= len(doc.text)


@pytest.mark.parametrize("name", [p.name for p in DOCUMENTS])
def test_json_round_trip(extracted, name: str) -> None:
    doc = extracted[name]
    assert vbextract.Document.from_dict(doc.to_dict()) == doc


def _noisy(text: str) -> str:
    """The same document with trailing spaces, doubled blank lines and bold headings."""
    text = re.sub(r"(?m)^([IVX]{1,4}\. .{0,80})$", r"**\1**", text)
    text = re.sub(r"\n\n", "\n\n\n", text)
    return re.sub(r"\n", "  \n", text)


def _facts(doc: vbextract.Document):
    return (
        sorted({r.key for r in doc.references}),
        sorted({d.value for d in doc.dates if d.kind == "deadline"}),
        [(t.lead, t.deadline.date if t.deadline else None) for t in doc.tasks],
        (doc.metadata.doc_type, doc.metadata.symbol, doc.metadata.issued_date),
    )


@pytest.mark.parametrize("name", ["000_d33c2c6bea5c954f.txt", "002_a7c8cf7df88d9035.txt", "d04.txt", "d10.txt"])
def test_stable_under_whitespace_and_markdown_noise(extracted, name: str) -> None:
    noisy = vbextract.extract_text(_noisy((RAW / name).read_text(encoding="utf-8")))
    assert _facts(noisy) == _facts(extracted[name])


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạầấẩẫậềếểễệốồổỗộớờởỡợừứửữựÀÁĐ0123456789 \n-/.,;:()*#|+")),
    max_size=400,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_VIETNAMESE)
def test_random_text_never_crashes_and_offsets_hold(text: str) -> None:
    _assert_extracts_with_sound_offsets(text)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DOCUMENTS), st.integers(0, 20000), st.integers(0, 20000))
def test_any_slice_of_a_real_document_is_handled(path: Path, a: int, b: int) -> None:
    _assert_extracts_with_sound_offsets(path.read_text(encoding="utf-8")[min(a, b):max(a, b)])


def _assert_extracts_with_sound_offsets(text: str) -> None:
    """Extraction either raises a typed error or returns items whose offsets slice back."""
    try:
        doc = vbextract.extract_text(text)
    except VbextractError:
        return
    for item in _spans(doc):
        assert doc.text[item.start:item.end] == item.text


def test_text_over_the_size_limit_is_refused() -> None:
    from vbextract.errors import InputTooLargeError

    with pytest.raises(InputTooLargeError):
        vbextract.extract_text("Sở Y tế chủ trì.\n" * 100, max_chars=1000)


def test_time_limit_raises_a_typed_error() -> None:
    from vbextract.errors import ExtractionTimeout

    text = (RAW / "d02.txt").read_text(encoding="utf-8") * 30  # ~1.7 M characters: seconds of work
    with pytest.raises(ExtractionTimeout):
        vbextract.extract_text(text, timeout=0.2)
    assert vbextract.extract_text(text[:5000], timeout=30).text  # a limit that is not reached changes nothing
