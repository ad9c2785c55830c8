"""Lists of agencies: "A, B và C", and colon lists that share a head.

    list  := entry ((","|";"|"và") entry)*
    entry := prefix ":" item ("," | "và") item … | name
    prefix:= ["các"] head [level-unit]   ("Đảng đoàn", "các Sở", "UBND các phường")

An item of a colon list is a full name (kept whole, or put under a prefix that
governs agencies, as "Đảng đoàn"), a domain ("Xây dựng" -> "Sở Xây dựng") or a
place ("Ba Đình" -> "UBND phường Ba Đình").  ";" closes a colon list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .agency_grammar import MODIFIERS, Grammar

_SEPARATORS = frozenset({",", ";", "và"})
_MAX_ITEMS = 60


@dataclass(frozen=True)
class Item:
    """Tokens ``start:end`` naming one body; ``prefix`` is the shared head it lives under."""

    start: int
    end: int
    prefix: str
    kind: str


def split_parses(grammar: Grammar, first: int = 0) -> list[Item]:
    """The bodies listed from token ``first`` until something other than a name follows."""
    items: list[Item] = []
    i = first
    for _ in range(_MAX_ITEMS):
        colon = _colon_list(grammar, i)
        if colon:
            new, i = colon
            items += new
        else:
            parse = grammar.best_at(i)
            if parse is None:
                break
            items.append(Item(parse.start, parse.end, "", parse.kind))
            i = parse.end
        i = _after_separator(grammar, i)
        if i is None:
            break
    return items


def scan_items(grammar: Grammar) -> list[Item]:
    """Every name in the text, left to right; colon lists are distributed."""
    items: list[Item] = []
    i = 0
    for start in grammar.starts():
        if start < i:
            continue  # inside the name read last
        colon = _colon_list(grammar, start)
        if colon:
            new, i = colon
            items += new
            continue
        parse = grammar.best_at(start)
        if parse:
            items.append(Item(parse.start, parse.end, "", parse.kind))
            i = parse.end
    return items


def _after_separator(grammar: Grammar, i: int) -> int | None:
    """Token after "," / ";" / "và" / ", và" at ``i``, or None when the list ends."""
    k = i
    while k < len(grammar.tokens) and grammar.tokens[k].words[0] in _SEPARATORS and k - i < 2:
        k += 1
    return k if k > i and k < len(grammar.tokens) else None


def _prefix(grammar: Grammar, i: int) -> tuple[int, str, str, bool] | None:
    """A shared head before ":" -> (colon token, prefix text, kind, governs agencies)."""
    tokens = grammar.tokens
    k = i + 1 if grammar._word(i) in MODIFIERS else i
    heads = grammar._entries(grammar.lex.heads, k)
    if not heads or not tokens.capitalised(k):
        return None
    head_end, head = heads[0]
    parts = tokens.texts[k:head_end]
    j = head_end
    if grammar._word(j) in MODIFIERS:  # "UBND các phường:", "Đại sứ quán các nước:"
        units = grammar._unit_list(j + 1)
        if units is None:
            j += 2
        else:
            parts += tokens.texts[j + 1 : units]
            j = units
    if grammar._word(j) != ":":
        return None
    return j, " ".join(parts), head.kind, "A" in head.modes


def _colon_list(grammar: Grammar, i: int) -> tuple[list[Item], int] | None:
    prefix = _prefix(grammar, i)
    if prefix is None:
        return None
    colon, text, kind, governs = prefix
    items: list[Item] = []
    k = colon + 1
    for _ in range(_MAX_ITEMS):
        item = _colon_item(grammar, k, text, kind, governs)
        if item is None:
            break
        items.append(item)
        k = item.end
        if grammar._word(k) not in {",", "và"} or k + 1 >= len(grammar.tokens):
            break
        k += 1
    return (items, k) if items else None


def _colon_item(grammar: Grammar, k: int, prefix: str, kind: str, governs: bool) -> Item | None:
    parse = grammar.agency(k)
    if parse:
        return Item(k, parse.end, prefix if governs else "", parse.kind)
    domain = grammar.domain(k)
    end = domain.end if domain else grammar.proper(k, open_name=False)
    if end > k:
        return Item(k, end, prefix, "state" if kind == "inherit" else kind)
    return None
