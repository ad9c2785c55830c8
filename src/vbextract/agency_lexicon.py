"""Tokens and data tables of the agency-name grammar (``data/agency_*.tsv``).

The text is cut into word and punctuation tokens; an abbreviation from the
table ("UBND", "Sở TN&MT") becomes one token whose ``words`` are the words of
its expansion, so the grammar reads "UBND tỉnh" exactly like "Ủy ban nhân dân
tỉnh".  Phrases of the tables are keyed by their lower-cased words and stored
in a word trie, so the longest phrase at a token is found in one walk.

Tokenising is one ``findall`` over the text into parallel lists; a
:class:`Token` object is only built when the grammar looks at that token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate, compress, repeat
from operator import sub
from typing import Generic, TypeVar, overload

from .lexicon import read_table

Key = tuple[str, ...]
V = TypeVar("V")

_DASHES = {"-", "–", "—"}
_WRAP_AFTER = frozenset({"và", "-"})
MODIFIERS = frozenset({"các", "những", "mọi"})  # "các sở, ngành": a collective's quantifier


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark of the text, with its offsets."""

    text: str
    start: int
    end: int
    words: Key  # lower-cased words it stands for (several for an abbreviation)
    newline_before: bool = False

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()

    @property
    def is_abbreviation(self) -> bool:
        return len(self.words) > 1 or "&" in self.text

    @property
    def is_dash(self) -> bool:
        return self.text in _DASHES


class Table(Generic[V]):
    """Phrases (keyed by lower-cased words) and their values, with a word trie for lookups."""

    _END = ""  # trie key of a phrase's value (never a word)

    def __init__(self, entries: dict[Key, V]):
        self.entries = entries
        self.trie: dict = {}  # type: ignore[type-arg]
        for key, value in entries.items():
            node = self.trie
            for word in key:
                node = node.setdefault(word, {})
            node[self._END] = value
        self.first_words = frozenset(key[0] for key in entries)

    def folded(self, min_words: int = 1) -> Table[V]:
        """The same phrases keyed without marks (those of at least ``min_words`` words)."""
        return Table({tuple(map(fold, k)): v for k, v in self.entries.items() if len(k) >= min_words})

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __getitem__(self, key: Key) -> V:
        return self.entries[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self.entries)


@dataclass(frozen=True)
class Head:
    """A head noun of agency names and what may follow it."""

    form: str
    kind: str
    modes: frozenset[str]


@dataclass(frozen=True)
class Domain:
    """A domain word ("Tài chính"): may it chain, is it also a verb, a kind it imposes."""

    form: str
    chain: bool
    verb_like: bool
    kind: str | None


@dataclass(frozen=True)
class Collective:
    """A collective noun: when it needs "các" (yes/no/alone) and whether an agency may follow it."""

    needs: str
    governs: bool


@dataclass(frozen=True)
class Lexicon:
    heads: Table[Head]
    domains: Table[Domain]
    levels: Table[bool]  # level -> may take a place name / be listed after "các"
    collectives: Table[Collective]
    qualifiers: Table[str]  # qualifier -> what must follow: "-" nothing, "agency", "optional"
    boundaries: Table[bool]
    false_heads: Table[bool]  # common words that begin like a name ("Ban hành", "Báo cáo")
    compounds: dict[str, frozenset[str]]  # head syllable -> syllables it ends a common word after
    abbreviations: dict[str, str]

    @cached_property
    def folded_boundaries(self) -> Table[bool]:
        """Boundaries of two words or more, matched without marks ("chủ tri", "đây mạnh")."""
        return self.boundaries.folded(min_words=2)

    @cached_property
    def folded_heads(self) -> Table[Head]:
        """Heads of two words or more, matched without marks ("TỎNG CỤC"); one-word heads
        only as written ("Bản" is not "Ban")."""
        return self.heads.folded(min_words=2)

    @cached_property
    def folded_domains(self) -> Table[Domain]:
        """Domain words matched without marks ("Tài chinh", "Du lich")."""
        return self.domains.folded()

    @cached_property
    def start_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """First words that may begin a name (capitalised, any case).

        Any case: "các"/"những"/"mọi" and collective nouns that need no
        modifier ("cấp ủy …"); capitalised also: head nouns ("Sở", "UBND").
        """
        bare = Table({k: v for k, v in self.collectives.entries.items() if v.needs != "yes"}).first_words
        any_case = bare | MODIFIERS
        return self.heads.first_words | any_case, any_case


# old-style tone placement (hoá, thuỷ) keyed as the modern one (hóa, thủy)
_OLD_TONE = re.compile(r"(?<!q)([ou])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\w)")
_BARE = str.maketrans("àáảãạèéẻẽẹỳýỷỹỵ", "aaaaaeeeeeyyyyy")
_MARK = {"à": "\u0300", "á": "\u0301", "ả": "\u0309", "ã": "\u0303", "ạ": "\u0323"}


def _modern_tone(match: re.Match[str]) -> str:
    glide, vowel = match.group(1), match.group(2)
    mark = "àáảãạ"["àáảãạèéẻẽẹỳýỷỹỵ".index(vowel) % 5]
    return unicodedata.normalize("NFC", glide + _MARK[mark]) + vowel.translate(_BARE)


def word_key(word: str) -> str:
    """A word as the tables key it: lower case, modern tone placement."""
    return _OLD_TONE.sub(_modern_tone, word.lower())


_NO_MARKS = str.maketrans("đĐ", "dD")


def fold(word: str) -> str:
    """A word without its tone and vowel marks ("đẩy" -> "day"), to match OCR-damaged text."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bare.translate(_NO_MARKS).lower()


def words_of(phrase: str) -> Key:
    """Lower-cased word and punctuation keys of a table phrase."""
    return tuple(word_key(t) for t in re.findall(r"\w+|[^\w\s]", phrase))


@cache
def lexicon() -> Lexicon:
    """All agency tables, loaded once."""
    heads = {words_of(r[0]): Head(r[0], r[1], frozenset(r[2].replace("-", ""))) for r in read_table("agency_heads.tsv")}
    domains = {}
    for row in read_table("agency_domains.tsv"):
        flags = row[1] if len(row) > 1 else ""
        kind = row[2] if len(row) > 2 and row[2] else None
        domains[words_of(row[0])] = Domain(row[0], "c" in flags, "v" in flags, kind)
    levels = {words_of(r[0]): r[1] == "yes" for r in read_table("agency_levels.tsv")}
    collectives = {
        words_of(r[0]): Collective(r[1], len(r) > 2 and r[2] == "yes") for r in read_table("agency_collectives.tsv")
    }
    qualifiers = {words_of(r[0]): r[1] for r in read_table("agency_qualifiers.tsv")}
    boundaries = {words_of(r[0]): True for r in read_table("agency_boundaries.tsv")}
    false_heads = {words_of(r[0]): True for r in read_table("agency_false_heads.tsv")}
    compounds: dict[str, set[str]] = {}
    for row in read_table("agency_compounds.tsv"):
        first, last = words_of(row[0])
        compounds.setdefault(last, set()).add(first)
    abbreviations = {r[0]: r[1] for r in read_table("agency_abbreviations.tsv")}
    return Lexicon(
        Table(heads), Table(domains), Table(levels), Table(collectives), Table(qualifiers), Table(boundaries),
        Table(false_heads), {k: frozenset(v) for k, v in compounds.items()}, abbreviations,
    )


# a word or punctuation mark with the space before it; plain strings (no tuples) keep the
# garbage collector out of tokenising
_TOKEN = re.compile(r"\s*(?:[^\W_]+|[^\w\s]|_)")


@cache
def _joined_abbreviations() -> re.Pattern[str]:
    """Abbreviations with punctuation inside ("LĐ-TB&XH", "VH,TT&DL"), read as one token."""
    inner = sorted((a for a in lexicon().abbreviations if not a.isalnum()), key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in inner))


def _free(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to a letter, digit or "&" on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "&" or after.isalnum() or after == "&")


class _SurfaceCache(dict):  # type: ignore[type-arg]
    """surface -> value, computed on a miss (lookups of known words stay in C through ``map``)."""

    _LIMIT = 200_000

    def __init__(self, compute: Callable[[str], object]):
        super().__init__()
        self.compute = compute

    def __missing__(self, surface: str) -> object:
        if len(self) > self._LIMIT:
            self.clear()
        value = self[surface] = self.compute(surface)
        return value


def _words(surface: str) -> Key:
    """The words a token stands for: an abbreviation's expansion, "-" for any dash, else its key."""
    expansion = lexicon().abbreviations.get(surface)
    if expansion is not None:
        return words_of(expansion)
    return ("-",) if surface in _DASHES else (word_key(surface),)


def _may_start(surface: str) -> bool:
    """May a name begin at a token written ``surface`` (see :attr:`Lexicon.start_words`)?"""
    lex = lexicon()
    capitalised, any_case = lex.start_words
    first = _WORDS[surface][0]
    if first in any_case:
        return True
    return surface[0].isupper() and (first in capitalised or fold(first) in lex.folded_heads.first_words)


def _folded(surface: str) -> Key:
    return tuple(map(fold, _WORDS[surface]))


_WORDS = _SurfaceCache(_words)
_FOLDED = _SurfaceCache(_folded)
_STARTS = _SurfaceCache(_may_start)


class Tokens(Sequence[Token]):
    """The tokens of ``text[start:end]`` as parallel lists; Token objects are built on access.

    ``words[i]`` are the keys of token ``i``, ``starts``/``ends`` its offsets,
    ``texts`` its surface and ``newline[i]`` whether a line break precedes it.
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        self.text = text
        spaced = _TOKEN.findall(text, start, end)
        self.texts: list[str] = list(map(str.lstrip, spaced))
        self.ends: list[int] = list(accumulate(map(len, spaced), initial=start))[1:]
        self.starts: list[int] = list(map(sub, self.ends, map(len, self.texts)))
        self.newline: list[bool] = list(map(str.__contains__, spaced, repeat("\n")))
        self.words: list[Key] = list(map(_WORDS.__getitem__, self.texts))
        joined = [m.span() for m in _joined_abbreviations().finditer(text, start, end) if _free(text, *m.span())]
        for first, last in reversed(joined):
            self._join(text, first, last)
        self._tokens: list[Token | None] = [None] * len(self.texts)
        self._folded: list[Key] | None = None

    @property
    def folded(self) -> list[Key]:
        """The words of every token without marks (built on first use)."""
        if self._folded is None:
            self._folded = list(map(_FOLDED.__getitem__, self.texts))
        return self._folded

    def _join(self, text: str, start: int, end: int) -> None:
        """Make the tokens covering ``text[start:end]`` one token."""
        i, j = bisect_left(self.starts, start), bisect_left(self.ends, end) + 1
        surface = text[start:end]
        self.texts[i:j], self.starts[i:j], self.ends[i:j] = [surface], [start], [end]
        self.newline[i:j], self.words[i:j] = [self.newline[i]], [_WORDS[surface]]

    def starts_of_names(self) -> list[int]:
        """Indices of the tokens where a name may begin (see :attr:`Lexicon.start_words`)."""
        return list(compress(range(len(self.texts)), map(_STARTS.__getitem__, self.texts)))

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        token = self._tokens[i]
        if token is None:
            token = Token(self.texts[i], self.starts[i], self.ends[i], self.words[i], self.newline[i])
            self._tokens[i] = token
        return token

    def __iter__(self) -> Iterator[Token]:
        return (self[i] for i in range(len(self.texts)))

    def continues_line(self, i: int) -> bool:
        """True when token ``i`` exists and may continue a name begun before it.

        A line break stops a name unless the text merely wrapped there: the next
        line starts in lower case ("Bảo hiểm xã / hội"), or the break follows "và"
        or a dash ("Sở Văn hóa và / Thể thao").
        """
        if i >= len(self.texts) or i < 0:
            return False
        if not self.newline[i]:
            return True
        return self.texts[i][0].islower() or (i > 0 and self.words[i - 1][-1] in _WRAP_AFTER)

    def is_word(self, i: int) -> bool:
        """True when token ``i`` is a word (not punctuation)."""
        return self.texts[i][0].isalnum()

    def blank_line_before(self, i: int) -> bool:
        """True when an empty line separates token ``i`` from the one before (a new paragraph)."""
        return 0 < i < len(self.texts) and self.text.count("\n", self.ends[i - 1], self.starts[i]) > 1

    def lookup(self, table: Table[V], i: int, folded: bool = False) -> list[tuple[int, V]]:
        """(token end, value) of every phrase of ``table`` starting at token ``i``, longest first.

        A phrase ends on a token boundary (never inside an abbreviation) and
        crosses a line break only where the text wrapped.  ``folded``: the
        table is keyed without marks (see :meth:`Table.folded`).
        """
        words = self.folded if folded else self.words
        if i >= len(words) or words[i][0] not in table.trie:
            return []  # the common case, kept cheap
        found: list[tuple[int, V]] = []
        node = table.trie
        n = len(words)
        k = i
        while k < n:
            if k > i and self.newline[k] and not self.continues_line(k):
                break
            for word in words[k]:
                node = node.get(word)
                if node is None:
                    found.reverse()
                    return found
            k += 1
            if Table._END in node:
                found.append((k, node[Table._END]))
        found.reverse()
        return found

    def capitalised(self, i: int) -> bool:
        """True when token ``i`` begins with a capital letter or a digit."""
        first = self.texts[i][0]
        return first.isupper() or first.isdigit()

    def key(self, start: int, end: int) -> Key:
        """The lower-cased words of tokens ``start:end``."""
        return tuple(word for k in range(start, end) for word in self.words[k])


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Word/punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    return Tokens(text, start, end)
