"""spaCy view of a Document, and a ``"vbextract"`` pipeline component.

spaCy's own ``vi`` language needs pyvi, and without it leaves punctuation glued
to words; here tokens are cut at white space, at punctuation (but not inside a
document symbol such as ``36-CT/TW`` or a date such as ``16/8/2019``) and at
every boundary of an extracted item, so every item is exactly a span of tokens.

>>> sdoc = document.to_spacy()
>>> spacy.displacy.render(sdoc, style="span", options={"spans_key": "references"})
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from .schema import Document

SPAN_KEYS = ("references", "dates", "agencies", "tasks")
_TOKEN = re.compile(r"\s+|[\w]+(?:[-/.][\w]+){0,6}|[^\w\s]")


def _boundaries(document: Document) -> set[int]:
    cuts: set[int] = set()
    for key in SPAN_KEYS:
        for item in getattr(document, key):
            cuts.update((item.start, item.end))
    return cuts


def tokenize(text: str, cuts: Iterable[int] = ()) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags whose concatenation is exactly ``text``."""
    cut_list = sorted(set(cuts))
    words: list[str] = []
    spaces: list[bool] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        piece = match.group(0)
        if piece == " " and words and not spaces[-1]:
            spaces[-1] = True
            continue
        inner = [c for c in cut_list if start < c < end] if cut_list else []
        for left, right in zip([start, *inner], [*inner, end]):
            words.append(text[left:right])
            spaces.append(False)
    return words, spaces


def _label(key: str, item: Any) -> str:
    if key == "dates":
        return "DEADLINE" if item.kind == "deadline" else "DATE"
    return {"references": "REFERENCE", "agencies": "AGENCY", "tasks": "TASK"}[key]


def _fill_spans(sdoc: Any, items_by_key: dict[str, list[tuple[int, int, str]]]) -> Any:
    from spacy.util import filter_spans

    entities = []
    for key, items in items_by_key.items():
        spans = [sdoc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in items]
        spans = [span for span in spans if span is not None]
        sdoc.spans[key] = spans
        if key != "tasks":
            entities.extend(spans)
    sdoc.ents = filter_spans(entities)
    return sdoc


def _items(document: Document) -> dict[str, list[tuple[int, int, str]]]:
    return {key: [(i.start, i.end, _label(key, i)) for i in getattr(document, key)] for key in SPAN_KEYS}


def to_spacy(document: Document, nlp: Optional[Any] = None) -> Any:
    """A spaCy ``Doc`` over ``document.text`` with ``doc.spans[...]`` and ``doc.ents``.

    With ``nlp``, its vocabulary is used and its pipeline components run on the Doc."""
    import spacy
    from spacy.tokens import Doc

    nlp = nlp or spacy.blank("xx")
    words, spaces = tokenize(document.text, _boundaries(document))
    sdoc = Doc(nlp.vocab, words=words, spaces=spaces)
    for _, component in nlp.pipeline:
        sdoc = component(sdoc)
    return _fill_spans(sdoc, _items(document))


class VietnameseTokenizer:
    """A spaCy tokenizer for directive text (see the module docstring)."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        words, spaces = tokenize(text)
        return Doc(self.vocab, words=words, spaces=spaces)


class VbextractComponent:
    """Pipeline component: fills ``doc.spans`` and ``doc.ents`` from ``doc.text``.

    The text is normalised internally; offsets are mapped back to ``doc.text``."""

    def __call__(self, sdoc: Any) -> Any:
        from .normalize import normalize
        from .pipeline import extract_text

        normalized = normalize(sdoc.text)
        document = extract_text(sdoc.text)
        mapped = {
            key: [(normalized.to_raw(s), normalized.to_raw(e - 1) + 1, label) for s, e, label in items]
            for key, items in _items(document).items()
        }
        return _fill_spans(sdoc, mapped)


def make_component(nlp: Any, name: str) -> VbextractComponent:
    """Factory behind ``nlp.add_pipe("vbextract")``."""
    return VbextractComponent()


def _register() -> None:
    try:
        from spacy.language import Language
    except ImportError:  # pragma: no cover - spaCy is a dependency, but keep import safe
        return
    if not Language.has_factory("vbextract"):
        Language.factory("vbextract")(make_component)


_register()
