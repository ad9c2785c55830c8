"""Agency mentions and canonical names.

Three readers, selectable with ``method``:

- ``"grammar"`` (default): the name grammar of :mod:`vbextract.agency_grammar`,
  driven by the tables in ``data/agency_*.tsv``; no NLP dependency.
- ``"underthesea"``: underthesea's named-entity tagger alone (ORG spans).
- ``"combined"``: the grammar, with underthesea's POS tags ending open names at
  the first verb ("Trung tâm … | nghiên cứu").

``benchmarks/compare_agency_ner.py`` measures the three against the gold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .agency_grammar import MODIFIERS, Grammar, Parse
from .agency_lexicon import Tokens, lexicon, tokenize
from .agency_lists import Item, scan_items, split_parses
from .schema import Agency

Method = Literal["grammar", "underthesea", "combined"]
DEFAULT_METHOD: Method = "grammar"
METHODS: tuple[Method, ...] = ("grammar", "underthesea", "combined")
_WINDOW = 600  # characters read after a position by match_agency / split windows
_SKIPPED_LEADS = frozenset({"cho"})

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "canonical_name",
    "find_agencies",
    "match_agency",
    "split_agency_list",
]


def find_agencies(text: str, method: Method = DEFAULT_METHOD) -> list[Agency]:
    """Every agency mention in ``text``: non-overlapping, sorted, ids "a1", "a2", …"""
    if method == "underthesea":
        from .agency_nlp import ner_spans

        spans = ner_spans(text)
        return [_agency(text, start, end, kind, n) for n, (start, end, kind) in enumerate(spans, 1)]
    if method not in METHODS:
        raise ValueError(f"unknown agency method {method!r}; choose one of {', '.join(METHODS)}")
    tokens = tokenize(text)
    return _agencies(text, tokens, scan_items(_grammar(text, tokens, method)))


def match_agency(text: str, pos: int, method: Method = DEFAULT_METHOD) -> Agency | None:
    """The agency mention starting at ``pos`` (after a leading "cho"), or None.

    A leading "các"/"Các" belongs to a collective ("các sở, ngành"); before a
    named body ("các Sở Y tế") it is skipped when no collective reads there.
    """
    tokens = tokenize(text, pos, min(len(text), pos + _WINDOW))
    if not tokens or tokens[0].start != pos:
        return None
    grammar = _grammar(text, tokens, method if method != "underthesea" else "grammar")
    i = 1 if tokens[0].words[0] in _SKIPPED_LEADS and len(tokens) > 1 else 0
    parse = grammar.best_at(i)
    if parse is None and tokens[i].words[0] in MODIFIERS:
        parse = grammar.agency(i + 1)
    return _from_parse(text, tokens, parse, 1) if parse else None


def split_agency_list(text: str, start: int, end: int, method: Method = DEFAULT_METHOD) -> list[Agency]:
    """The agencies listed in ``text[start:end]``, one per body, stopping at the duty verb.

    "A, B và C" gives three; "Đảng đoàn: A, B; C" distributes "Đảng đoàn" over A
    and B; "các Sở: Xây dựng, Công thương" gives Sở Xây dựng, Sở Công thương;
    "UBND các phường: Ba Đình, Cửa Nam" gives one body per ward.
    """
    tokens = tokenize(text, start, end)
    grammar = _grammar(text, tokens, method if method != "underthesea" else "grammar")
    first = 1 if tokens and tokens[0].words[0] in _SKIPPED_LEADS else 0
    return _agencies(text, tokens, split_parses(grammar, first))


@lru_cache(maxsize=8192)
def canonical_name(surface: str) -> str:
    """The name of a mention: abbreviations expanded, spacing and all-caps normalised.

    "UBND tỉnh" -> "Ủy ban nhân dân tỉnh"; "Sở TN&MT" -> "Sở Tài nguyên và Môi
    trường"; "ỦY BAN NHÂN DÂN TỈNH" -> "Ủy ban nhân dân tỉnh"; a domain word that
    lost its marks is restored ("Sở Tài chinh" -> "Sở Tài chính").  Anything else
    is kept as written.
    """
    tokens = tokenize(surface)
    if not tokens:
        return surface.strip()
    return _name(tokens, 0, len(tokens))


def _name(tokens: Tokens, start: int, end: int) -> str:
    """The canonical name of tokens ``start:end`` (see :func:`canonical_name`)."""
    abbreviations = lexicon().abbreviations
    restored = _restored_marks(tokens, start, end)
    parts: list[str] = []
    for i in range(start, end):
        text = tokens.texts[i]
        if i > start and tokens.starts[i] > tokens.ends[i - 1] and text not in ",;:)" and tokens.texts[i - 1] != "(":
            parts.append(" ")
        if len(tokens.words[i]) > 1 or text in abbreviations:
            parts.append(abbreviations[text])
        else:
            parts.append(restored.get(i, text))
    name = "".join(parts)
    if _is_all_caps(tokens, start, end):
        name = _sentence_case(name)
    return name[0].upper() + name[1:] if tokens[start].is_abbreviation else name


# --- helpers --------------------------------------------------------------------------
def _grammar(text: str, tokens: Tokens, method: Method) -> Grammar:
    if method == "combined":
        from .agency_nlp import verb_boundary

        return Grammar(tokens, verb_boundary(text, tokens))
    return Grammar(tokens)


def _agencies(text: str, tokens: Tokens, items: list[Item]) -> list[Agency]:
    agencies = []
    for n, item in enumerate(items, 1):
        start, end = tokens.starts[item.start], tokens.ends[item.end - 1]
        surface = text[start:end]
        if item.prefix:
            name = canonical_name(f"{item.prefix} {surface}")
        else:
            name = _mention_name(tokens, item.start, item.end, surface)
        agencies.append(Agency(id=f"a{n}", text=surface, name=name, start=start, end=end, kind=item.kind))
    return agencies


def _from_parse(text: str, tokens: Tokens, parse: Parse, n: int) -> Agency:
    return _agency(text, tokens[parse.start].start, tokens[parse.end - 1].end, parse.kind, n)


def _agency(text: str, start: int, end: int, kind: str, n: int) -> Agency:
    surface = text[start:end]
    return Agency(id=f"a{n}", text=surface, name=canonical_name(surface), start=start, end=end, kind=kind)


def _restored_marks(tokens: Tokens, start: int, end: int) -> dict[int, str]:
    """Token index -> the table's spelling, for capitalised heads and domain words written
    without their marks ("Tài chinh", "TỎNG CỤC") among tokens ``start:end``."""
    lex = lexicon()
    restored: dict[int, str] = {}
    i = start
    while i < end:
        found: list = []  # type: ignore[type-arg]
        if tokens.capitalised(i):
            for exact, folded in ((lex.heads, lex.folded_heads), (lex.domains, lex.folded_domains)):
                if tokens.lookup(exact, i):  # type: ignore[arg-type]
                    break
                found = [e for e in tokens.lookup(folded, i, folded=True) if e[0] <= end]  # type: ignore[arg-type]
                if found:
                    break
        forms = re.findall(r"\w+|[^\w\s]", found[0][1].form) if found else []
        if forms and len(forms) == found[0][0] - i:
            for k, form in enumerate(forms, i):
                written = tokens.texts[k]
                restored[k] = form[0].upper() + form[1:] if written[0].isupper() else form
            i += len(forms)
            continue
        i += 1
    return restored


def _is_all_caps(tokens: Tokens, start: int, end: int) -> bool:
    letters = [
        t.text for t in tokens[start:end] if t.is_word and not t.is_abbreviation and not t.text.isdigit()
    ]
    return len(letters) > 1 and all(t.isupper() for t in letters)


_NAMES: dict[str, str] = {}  # surface -> name, for the mentions read so far
_NAMES_LIMIT = 20_000


def _mention_name(tokens: Tokens, start: int, end: int, surface: str) -> str:
    """The canonical name of a mention over tokens ``start:end`` (cached by its surface)."""
    name = _NAMES.get(surface)
    if name is None:
        if len(_NAMES) > _NAMES_LIMIT:
            _NAMES.clear()
        name = _NAMES[surface] = _name(tokens, start, end)
    return name


def _sentence_case(name: str) -> str:
    """Re-case an all-caps name: phrases of the tables as written there, level words
    lower-case, other words (place and proper names) Title-case."""
    lowered = name.lower()
    tokens = tokenize(lowered)
    lex = lexicon()
    out: list[str] = []
    cursor, i = 0, 0
    while i < len(tokens):
        forms: list[str] = []
        for table in (lex.heads, lex.domains):
            entries = tokens.lookup(table, i)  # type: ignore[arg-type]
            if entries:
                forms = re.findall(r"\w+|[^\w\s]", entries[0][1].form)
                break
        if not forms:
            level = tokens.lookup(lex.levels, i)
            forms = [t.text for t in tokens[i : level[0][0]]] if level else [tokens[i].text.capitalize()]
        for token, form in zip(tokens[i : i + len(forms)], forms):
            out.append(lowered[cursor : token.start] + form)
            cursor = token.end
        i += len(forms)
    out.append(lowered[cursor:])
    text = "".join(out)
    return text[0].upper() + text[1:]
