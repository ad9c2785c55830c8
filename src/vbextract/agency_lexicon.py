"""Tokens and data tables of the agency-name grammar (``data/agency_*.tsv``).

The text is cut into word and punctuation tokens; an abbreviation from the
table ("UBND", "Sở TN&MT") becomes one token whose ``words`` are the words of
its expansion, so the grammar reads "UBND tỉnh" exactly like "Ủy ban nhân dân
tỉnh".  Phrases of the tables are keyed by their lower-cased words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .lexicon import read_table

Key = tuple[str, ...]

_DASHES = {"-", "–", "—"}


@dataclass(frozen=True)
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
        return len(self.words) > 1 or any(ch in self.text for ch in "&")

    @property
    def is_dash(self) -> bool:
        return self.text in _DASHES


@dataclass(frozen=True)
class Head:
    """A head noun of agency names and what may follow it."""

    form: str
    kind: str
    modes: frozenset[str]


@dataclass(frozen=True)
class Domain:
    form: str
    chain: bool
    verb_like: bool
    kind: str | None


@dataclass(frozen=True)
class Lexicon:
    heads: dict[Key, Head]
    domains: dict[Key, Domain]
    levels: dict[Key, bool]  # level -> may take a place name / be listed after "các"
    collectives: dict[Key, str]  # noun -> "yes" needs a modifier, "no" a modifier/list/qualifier, "alone"
    qualifiers: dict[Key, str]  # qualifier -> what must follow: "-" nothing, "agency", "optional"
    governing: frozenset[Key]  # collective nouns an agency may follow ("các Ban" + "Hội đồng nhân dân")
    boundaries: frozenset[Key]
    abbreviations: dict[str, str]
    max_len: int


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


def words_of(phrase: str) -> Key:
    """Lower-cased word and punctuation keys of a table phrase."""
    return tuple(word_key(t) for t in re.findall(r"\w+|[^\w\s]", phrase))


def _rows(name: str) -> list[list[str]]:
    return read_table(name)


@cache
def lexicon() -> Lexicon:
    """All agency tables, loaded once."""
    heads = {words_of(r[0]): Head(r[0], r[1], frozenset(r[2].replace("-", ""))) for r in _rows("agency_heads.tsv")}
    domains = {}
    for row in _rows("agency_domains.tsv"):
        flags = row[1] if len(row) > 1 else ""
        kind = row[2] if len(row) > 2 and row[2] else None
        domains[words_of(row[0])] = Domain(row[0], "c" in flags, "v" in flags, kind)
    levels = {words_of(r[0]): r[1] == "yes" for r in _rows("agency_levels.tsv")}
    collective_rows = _rows("agency_collectives.tsv")
    collectives = {words_of(r[0]): r[1] for r in collective_rows}
    governing = frozenset(words_of(r[0]) for r in collective_rows if len(r) > 2 and r[2] == "yes")
    qualifiers = {words_of(r[0]): r[1] for r in _rows("agency_qualifiers.tsv")}
    boundaries = frozenset(words_of(r[0]) for r in _rows("agency_boundaries.tsv"))
    abbreviations = {r[0]: r[1] for r in _rows("agency_abbreviations.tsv")}
    tables: list[dict[Key, object] | frozenset[Key]] = [heads, domains, levels, collectives, qualifiers, boundaries]
    max_len = max(len(k) for table in tables for k in table)
    return Lexicon(
        heads, domains, levels, collectives, qualifiers, governing, boundaries, abbreviations, max_len
    )


@cache
def _token_pattern() -> re.Pattern[str]:
    abbreviations = sorted(lexicon().abbreviations, key=len, reverse=True)
    alternatives = "|".join(re.escape(a) for a in abbreviations)
    return re.compile(rf"(?P<abbr>(?<![^\W_]|&)(?:{alternatives})(?![^\W_]|&))|[^\W_]+|[^\w\s]|_")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word/punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    abbreviations = lexicon().abbreviations
    tokens: list[Token] = []
    previous_end = start
    for match in _token_pattern().finditer(text, start, end):
        surface = match.group()
        if match.group("abbr"):
            words = words_of(abbreviations[surface])
        elif surface in _DASHES:
            words = ("-",)
        else:
            words = (word_key(surface),)
        newline = "\n" in text[previous_end : match.start()]
        tokens.append(Token(surface, match.start(), match.end(), words, newline))
        previous_end = match.end()
    return tokens


_WRAP_AFTER = frozenset({"và", "-"})


def continues_line(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` may continue a name begun before it.

    A line break stops a name unless the text merely wrapped there: the next
    line starts in lower case ("Bảo hiểm xã / hội"), or the break follows "và"
    or a dash ("Sở Văn hóa và / Thể thao").
    """
    if i >= len(tokens):
        return False
    token = tokens[i]
    if not token.newline_before:
        return True
    return token.text[0].islower() or (i > 0 and tokens[i - 1].words[-1] in _WRAP_AFTER)


_LENGTHS: dict[int, dict[str, tuple[int, ...]]] = {}


def _lengths(table: dict[Key, object] | frozenset[Key]) -> dict[str, tuple[int, ...]]:
    """First word of a table's phrases -> their lengths, longest first (tables live for the process)."""
    if id(table) not in _LENGTHS:
        index: dict[str, set[int]] = {}
        for key in table:
            index.setdefault(key[0], set()).add(len(key))
        _LENGTHS[id(table)] = {word: tuple(sorted(n, reverse=True)) for word, n in index.items()}
    return _LENGTHS[id(table)]


class WordView:
    """The tokens flattened to words, so table phrases can be looked up word by word.

    ``word_token[k]`` is the token that word ``k`` comes from; a phrase may only
    end on the last word of a token (it never splits an abbreviation).
    """

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.words: list[str] = []
        self.word_token: list[int] = []
        self.token_first_word: list[int] = []
        for index, token in enumerate(tokens):
            self.token_first_word.append(len(self.words))
            for word in token.words:
                self.words.append(word)
                self.word_token.append(index)
        self.token_first_word.append(len(self.words))
        self.line_ok = [continues_line(tokens, i) for i in range(len(tokens))]

    def lookup(self, table: dict[Key, object] | frozenset[Key], tok: int, max_len: int) -> list[int]:
        """Token ends (exclusive) of every phrase of ``table`` starting at token ``tok``, longest first."""
        if tok >= len(self.tokens):
            return []
        first = self.token_first_word[tok]
        lengths = _lengths(table).get(self.words[first])
        if not lengths:
            return []
        ends = []
        for length in lengths:
            last = first + length - 1
            if length > max_len or last >= len(self.words):
                continue
            token = self.word_token[last]
            if self.token_first_word[token + 1] != last + 1:
                continue  # ends inside an abbreviation
            if not all(self.line_ok[t] for t in range(tok + 1, token + 1)):
                continue
            if tuple(self.words[first : last + 1]) in table:
                ends.append(token + 1)
        return ends

    def key(self, start: int, end: int) -> Key:
        """The lower-cased words of tokens ``start:end``."""
        return tuple(self.words[self.token_first_word[start] : self.token_first_word[end]])
