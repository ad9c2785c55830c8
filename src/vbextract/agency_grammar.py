"""A grammar of Vietnamese agency names, read over tokens (tables in ``data/agency_*.tsv``).

    agency     := title ("," title)* (agency | collective) | standing-title
                | head [domain | proper] [number] [["-"] agency] [level] ["(" agency ")"]
    domain     := domain-word (("và" | "-" | ",")? domain-word)*   (a comma list closes with "và")
    level      := "các" unit ("," unit)* [level] | level-word [place] | place
    collective := [các | những | mọi] noun ("," noun)* qualifier*

What a head may take is in its ``modes`` (see ``agency_heads.tsv``).  Every rule
looks ahead a bounded number of tokens, so a scan is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TypeVar

from .agency_lexicon import MODIFIERS, Collective, Domain, Head, Table, Token, Tokens, lexicon

_MAX_DEPTH = 3
_MAX_NAME_WORDS = 24
_MAX_LIST = 8
_CLOSED_TAIL = 2  # lowercase words a capitalised component of a closed name may carry
_SYMBOL_JOINS = frozenset({"-", "/"})

BoundaryTest = Callable[[Token], bool]
V = TypeVar("V")


@dataclass(frozen=True)
class Parse:
    """A name over tokens ``start:end`` (end exclusive) and the kind of body it names."""

    start: int
    end: int
    kind: str


def _no_extra_boundary(token: Token) -> bool:
    return False


class Grammar:
    """Parses agency names in one token sequence.

    ``is_boundary`` lets a caller add word boundaries (e.g. verbs found by a POS
    tagger); it is asked only about lowercase words inside open names.
    """

    def __init__(self, tokens: Tokens, is_boundary: BoundaryTest = _no_extra_boundary):
        self.tokens = tokens
        self.n = len(tokens)
        self.lex = lexicon()
        self.is_boundary = is_boundary
        self._memo: dict[tuple[str, int, int], Parse | None] = {}

    # --- token helpers -----------------------------------------------------------
    def _word(self, i: int) -> str:
        return self.tokens.words[i][0] if i < self.n else ""

    def _joined(self, i: int) -> bool:
        """True when token ``i`` exists and may continue the name before it."""
        return self.tokens.continues_line(i)

    def _entries(self, table: Table[V], i: int) -> list[tuple[int, V]]:
        """(end, value) of the phrases of ``table`` at token ``i``, longest first."""
        return self.tokens.lookup(table, i)

    def _find(self, table: Table[V], i: int) -> list[int]:
        return [end for end, _ in self.tokens.lookup(table, i)]

    def _ends_compound(self, i: int) -> bool:
        """True when token ``i`` is the last syllable of a common word ("NHIỆM VỤ", "cán bộ")."""
        if i == 0 or not self.tokens.is_word(i - 1) or not self._joined(i):
            return False
        return self.tokens.words[i - 1][-1] in self.lex.compounds.get(self.tokens.words[i][0], ())

    def _in_symbol(self, i: int) -> bool:
        """True for the issuer part of a document symbol ("12/QĐ-UBND", "05/UBND-KT")."""
        tokens = self.tokens
        if i < 2 or tokens.texts[i - 1] not in _SYMBOL_JOINS:
            return False
        before = tokens.texts[i - 2]
        glued = tokens.ends[i - 2] == tokens.starts[i - 1] and tokens.ends[i - 1] == tokens.starts[i]
        return glued and (before.isupper() or before.isdigit())

    def _starts_agency(self, i: int) -> bool:
        return bool(self._find(self.lex.heads, i)) and self.tokens.capitalised(i)

    # --- entry points ---------------------------------------------------------------
    def starts(self) -> list[int]:
        """Tokens where a name may begin: the first word of a head or collective noun, or "các"."""
        return self.tokens.starts_of_names()

    def best_at(self, i: int) -> Parse | None:
        """The longest agency or collective name starting at token ``i``.

        None inside a compound word begun before ``i`` ("cơ sở y tế" holds no "sở").
        """
        previous = self.tokens.words[i - 1][0] if i > 0 else ""
        if previous in self.lex.collectives.first_words and self._joined(i) and any(
            e > i for e in self._find(self.lex.collectives, i - 1)
        ):
            return None
        if self._in_symbol(i) or self._ends_compound(i):
            return None
        candidates = [p for p in (self.agency(i), self.collective(i)) if p]
        return max(candidates, key=lambda p: p.end, default=None)

    # --- named bodies ---------------------------------------------------------------
    def agency(self, i: int, depth: int = 0) -> Parse | None:
        """A named body (or a leader's title plus body) starting at token ``i``."""
        key = ("agency", i, depth)
        if key not in self._memo:
            self._memo[key] = self._agency(i, depth)
        return self._memo[key]

    def _agency(self, i: int, depth: int) -> Parse | None:
        if depth > _MAX_DEPTH or i >= self.n or not self.tokens.capitalised(i):
            return None
        if self._common_word(i):
            return None
        best: Parse | None = None
        heads = self._entries(self.lex.heads, i) or self.tokens.lookup(self.lex.folded_heads, i, folded=True)
        for head_end, head in heads:
            parse = self._after_head(head, i, head_end, depth)
            if parse and (best is None or parse.end > best.end):
                best = parse
            if parse is None and "T" in head.modes:
                break  # a title standing alone ("TỔNG CỤC TRƯỞNG") holds no shorter head
        return best

    def _common_word(self, i: int) -> bool:
        """True when token ``i`` begins a common word or phrase ("Ban hành", "Báo cáo", "cơ
        quan chủ trì") and no domain word inside it runs past it ("Ban Hành chính công")."""
        if self._word(i) not in self.lex.false_heads.first_words:
            return False
        false_end = max(self._find(self.lex.false_heads, i), default=0)
        return bool(false_end) and not any(
            end > false_end for k in range(i + 1, false_end) for end in self._find(self.lex.domains, k)
        )

    def _after_head(self, head: Head, start: int, j: int, depth: int) -> Parse | None:
        modes = head.modes
        if "T" in modes:
            return self._titled(start, j, depth, alone="S" in modes)
        kind = head.kind
        complement = False
        if "D" in modes:
            wrapped = "R" in modes and self._line_ends_before(j)  # "Phòng" / "Thương mại và …"
            domain = self.domain(j, lower_verbs="O" in modes, wrapped=wrapped)
            if domain:
                j, complement = domain.end, True
                kind = domain.kind if domain.kind != "inherit" else kind
                if kind == "steering" and self._joined(j) and self.tokens.texts[j].isdigit():
                    j += 1  # "Ban Chỉ đạo 138" (not "Sở Tài chính 9", a footnote mark)
        if not complement and modes & {"P", "O"}:
            end = self.proper(j, open_name="O" in modes)
            complement = end > j
            j = end
        if "A" in modes and j < self.n and not self.tokens.blank_line_before(j):
            # the body it serves may follow on the next line ("Thường trực" / "Hội đồng nhân dân tỉnh")
            after_dash = j + 1 if self._joined(j) and self.tokens[j].is_dash else j
            sub = self.agency(after_dash, depth + 1)
            if sub is None and not complement and self._joined(j) and self._word(j) in MODIFIERS:
                sub = self.collective(j, depth + 1)  # "Thanh tra" + "các Bộ, ngành, địa phương"
            if sub:
                j, complement = sub.end, True
                kind = sub.kind if kind == "inherit" or sub.kind == "collective" else kind
        level = self.level(j) if "L" in modes else None
        if level:
            j = level.end
            complement = complement or not modes & {"D", "P", "O"}  # "Công an" + "tỉnh"
            kind = "collective" if level.kind == "collective" else kind
        if "R" in modes and not complement:
            return None
        if "O" in modes:
            j = self._attached(j, depth)
        j = self._branch(j)
        j = self._parenthetical(j, depth)
        return Parse(start, j, "state" if kind == "inherit" else kind)

    def _titled(self, start: int, j: int, depth: int, alone: bool = False) -> Parse | None:
        """"Giám đốc, Thủ trưởng" + the body they head; a title that ``alone`` names office
        holders ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ") ends at a comma or a verb."""
        if alone and (self._word(j) == "," or not self.tokens.capitalised(j)):
            return Parse(start, j, "state")
        for _ in range(_MAX_LIST):
            if self._word(j) != "," or not self._joined(j + 1):
                break
            more = [e for e, head in self._entries(self.lex.heads, j + 1) if "T" in head.modes]
            if not more:
                break
            j = more[0]
        inner = [p for p in (self.agency(j, depth + 1), self.collective(j, depth + 1)) if p]
        if not inner:
            return None
        best = max(inner, key=lambda p: p.end)
        return Parse(start, best.end, best.kind)

    def _attached(self, j: int, depth: int) -> int:
        """Keep "thuộc Thành phố" / "thuộc Sở Y tế" after an open name."""
        ends = [e for e, needs in self._entries(self.lex.qualifiers, j) if needs == "agency"]
        if not ends or self.tokens.words[ends[0] - 1][-1] != "thuộc" or not self._joined(j):
            return j
        target = self.agency(ends[0], depth + 1) or self.level(ends[0])
        return target.end if target else j

    def _branch(self, j: int) -> int:
        """Keep a branch and its level after a name ("Ngân hàng Nhà nước Việt Nam" + "Chi nhánh
        tỉnh Quảng Bình"): the qualifiers that need a level."""
        ends = [e for e, needs in self._entries(self.lex.qualifiers, j) if needs == "level"]
        level = self.level(ends[0]) if ends and self._joined(j) else None
        return level.end if level else j

    def _parenthetical(self, j: int, depth: int) -> int:
        """Keep "(Ban Thi đua Khen thưởng Thành phố)" or "(VOV)" right after a name."""
        if self._word(j) != "(" or not self._joined(j) or j + 1 >= self.n:
            return j
        inner = self.tokens[j + 1]
        if inner.text.isupper() and inner.is_word and self._word(j + 2) == ")":
            return j + 3
        sub = self.agency(j + 1, depth + 1)
        if sub and self._word(sub.end) == ")":
            return sub.end + 1
        return j

    # --- complements -----------------------------------------------------------------
    def domain(self, j: int, lower_verbs: bool = False, wrapped: bool = False) -> Parse | None:
        """A domain compound ("Văn hóa - Thể thao và Du lịch") starting at token ``j``.

        ``lower_verbs`` admits a verb-like domain word in lower case first
        ("Trung tâm quản lý …"), for heads of open names; ``wrapped`` lets the
        first word stand after a line break (the head ended the line before).
        """
        first = self._domain_word(j, chained=False, right_after_head=lower_verbs, wrapped=wrapped)
        if first is None:
            return None
        end, entry = first
        kind = entry.kind or "inherit"
        comma_cut: int | None = None
        saw_and = False
        for _ in range(_MAX_LIST):
            sep = self._word(end)
            if sep in {"và", "-", ","} and self._joined(end) and not (sep == "," and saw_and):
                nxt = self._domain_word(end + 1, chained=False)
                if nxt is None or self.agency(end + 1, _MAX_DEPTH):
                    break
                if sep == ",":
                    comma_cut = end if comma_cut is None else comma_cut
                saw_and = saw_and or sep == "và"
                end = nxt[0]
                continue
            nxt = self._domain_word(end, chained=True)
            if nxt is None:
                break
            end = nxt[0]
        if comma_cut is not None and not saw_and:
            end = comma_cut
        return Parse(j, end, kind)

    def _domain_word(
        self, j: int, chained: bool, right_after_head: bool = False, wrapped: bool = False
    ) -> tuple[int, Domain] | None:
        """A domain word at ``j``; a capitalised one may have lost its marks ("Tài chinh")."""
        if j >= self.n or not (wrapped or self._joined(j)):
            return None
        capitalised = self.tokens.capitalised(j)
        entries = self._entries(self.lex.domains, j)
        if not entries and capitalised:
            entries = self.tokens.lookup(self.lex.folded_domains, j, folded=True)
        for end, entry in entries:
            if entry.verb_like and not (capitalised or right_after_head):
                continue
            if chained and not (capitalised or entry.chain):
                continue
            return end, entry
        return None

    def _line_ends_before(self, j: int) -> bool:
        """True when token ``j`` begins a new line that does not merely continue the last one."""
        return j < self.n and self.tokens.newline[j] and not self._joined(j)

    def proper(self, j: int, open_name: bool) -> int:
        """End of a proper name ("Quảng Ngãi", "TNHH MTV Thoát nước Hà Nội") at token ``j``."""
        end = j
        lowercase_run = capital_run = 0
        k = j
        while k < self.n and k - j < _MAX_NAME_WORDS and self._joined(k):
            token = self.tokens[k]
            if token.is_dash:
                if k > j and self._joined(k + 1) and self.tokens.capitalised(k + 1) and self.tokens[k + 1].is_word:
                    k += 1
                    continue
                break
            if token.words[0] == "và" and open_name and k > j and self._continues(k + 1):
                k += 1
                continue
            if open_name and self._word(k) == "các" and self._described(k + 1):
                k += 1  # "Ban Quản lý các khu công nghiệp"
                continue
            if not token.is_word or self._closes_name(k):
                break
            if token.capitalised:
                lowercase_run, capital_run = 0, capital_run + 1
            else:
                if (k == j and not open_name) or self.is_boundary(token):
                    break
                # a closed name's capitalised word may run on in lower case ("Tham mưu"), but
                # not after a proper noun of capitalised syllables ("Báo Quảng Bình | mở")
                if not open_name and (capital_run > 1 or lowercase_run >= _CLOSED_TAIL):
                    break
                lowercase_run, capital_run = lowercase_run + 1, 0
            k += 1
            end = k
        return end

    def _described(self, k: int) -> bool:
        """True when "các" before token ``k`` runs on an open name: a lowercase common noun
        follows, not a group of bodies ("các sở") nor a level ("các huyện")."""
        if k >= self.n or not self._joined(k) or self.tokens.capitalised(k) or not self.tokens.is_word(k):
            return False
        return not (self._find(self.lex.collectives, k) or self._find(self.lex.levels, k) or self._boundary(k))

    def _closes_name(self, k: int) -> bool:
        if self._find(self.lex.levels, k):
            return True
        if not self.tokens.capitalised(k):
            return self._boundary(k)
        return self._starts_agency(k)

    def _boundary(self, k: int) -> bool:
        """A duty verb, adverb or linking word at ``k`` ends the name before it.

        Phrases of two words or more also match without marks ("chủ tri", "đây
        mạnh"); a domain phrase that runs further wins ("giao thông" over "giao").
        """
        ends = self._find(self.lex.boundaries, k) or [
            end for end, _ in self.tokens.lookup(self.lex.folded_boundaries, k, folded=True)
        ]
        if not ends:
            return False
        domain = self._entries(self.lex.domains, k)
        return not (domain and domain[0][0] > ends[0])

    def _continues(self, k: int) -> bool:
        return self._joined(k) and self.tokens[k].is_word and not self._closes_name(k)

    def place(self, j: int) -> int:
        """End of a capitalised place name ("Đắk Nông", "Phan Rang-Tháp Chàm") at token ``j``."""
        k = j
        while k < self.n and k - j < 8 and self._joined(k):
            token = self.tokens[k]
            if token.is_dash and k > j and self._joined(k + 1) and self.tokens.capitalised(k + 1):
                k += 1
                continue
            if not (token.is_word and token.text[0].isupper()) or token.is_abbreviation:
                break
            if self._starts_agency(k) or self._find(self.lex.levels, k) or self._common_compound(k):
                break
            if self._leaves_capitals(k):
                break
            k += 1
        return k

    def _leaves_capitals(self, k: int) -> bool:
        """A name written in capitals goes on in capitals ("CỤC THUẾ" / "Độc lập" is two lines
        of a two-column header run together)."""
        before, here = self.tokens.texts[k - 1], self.tokens.texts[k]
        return len(before) > 1 and before.isupper() and not here.isupper()

    def _common_compound(self, k: int) -> bool:
        """A capitalised word opening a domain compound in lower case ("Kế hoạch"): every
        syllable of a place name is capitalised, so no place goes on here."""
        domain = self._entries(self.lex.domains, k)
        return bool(domain) and domain[0][0] > k + 1 and not self.tokens.capitalised(k + 1)

    def level(self, j: int) -> Parse | None:
        """An administrative level ("tỉnh", "thành phố Hà Nội", "các xã, phường") at ``j``."""
        if not self._joined(j):
            return None
        end = self._unit_list(j + 1) if self._word(j) == "các" else None
        if end is not None:
            end = self.place(end)  # "các huyện, thành phố Gia Nghĩa"
            more = self._entries(self.lex.levels, end)
            if more and not more[0][1]:
                end = more[0][0]  # "… trực thuộc Trung ương"
            return Parse(j, end, "collective")
        levels = self._entries(self.lex.levels, j)
        if levels:
            end, takes_place = levels[0]
            if takes_place:
                end = self.place(end)
            return Parse(j, end, "level")
        end = self.place(j)
        return Parse(j, end, "level") if end > j else None

    def _unit_list(self, j: int) -> int | None:
        end: int | None = None
        k = j
        for _ in range(_MAX_LIST):
            units = [e for e, unit in self._entries(self.lex.levels, k) if unit]
            if not units:
                break
            end = units[0]
            if self._word(end) in {",", "và"} and self._joined(end + 1):
                k = end + 1
                continue
            break
        return end

    # --- collectives ------------------------------------------------------------------
    def collective(self, i: int, depth: int = 0) -> Parse | None:
        """A collective subject ("các sở, ngành, địa phương") starting at token ``i``."""
        key = ("collective", i, depth)
        if key not in self._memo:
            self._memo[key] = self._collective(i, depth)
        return self._memo[key]

    def _collective(self, i: int, depth: int) -> Parse | None:
        if depth > _MAX_DEPTH or i >= self.n:
            return None
        modified = self._word(i) in MODIFIERS
        if not modified and self._common_word(i):
            return None
        k = i + 1 if modified else i
        nouns, end, governs, alone = 0, k, False, False
        for _ in range(_MAX_LIST):
            found = self._collective_noun(k, modified, depth, first=nouns == 0)
            if found is None:
                break
            end, noun = found
            governs, alone = noun.governs, alone or noun.needs == "alone"
            nouns += 1
            if self._word(end) == "," and self._joined(end + 1):
                k = end + 1
                continue
            break
        if nouns == 0:
            named = self.agency(k, depth + 1) if modified else None
            if named is None:
                return None  # "các Câu lạc bộ Thư pháp": a name read as a group
            nouns, end = 1, named.end
        end, qualified = self._qualifiers(end, depth, governs)
        if not (modified or nouns > 1 or qualified or alone):
            return None
        return Parse(i, end, "collective")

    def _bare_head(self, j: int) -> list[int]:
        """A capitalised head standing for a body named earlier ("thuộc Sở", "của Bộ")."""
        if not self._joined(j) or not self.tokens.capitalised(j):
            return []
        return self._find(self.lex.heads, j)[-1:]

    def _collective_noun(self, k: int, modified: bool, depth: int, first: bool) -> tuple[int, Collective] | None:
        if k >= self.n or not (first or self._joined(k)):
            return None
        if not first and self.tokens.capitalised(k) and self.agency(k, depth + 1):
            return None  # "các sở, ngành, Ủy ban nhân dân các xã": a new name begins
        for end, noun in self._entries(self.lex.collectives, k):
            if modified or noun.needs != "yes":
                return end, noun
        return None

    def _qualifiers(self, end: int, depth: int, governs: bool) -> tuple[int, bool]:
        qualified = False
        for _ in range(3):
            step = self._qualifier(end, depth, first=not qualified, governs=governs)
            if step is None or step <= end:
                break
            end, qualified = step, True
        return end, qualified

    def _qualifier(self, j: int, depth: int, first: bool, governs: bool) -> int | None:
        """One qualifier after collective nouns: "liên quan", "thuộc Tổng cục Thuế", "viễn thông", "tỉnh"."""
        if not self._joined(j):
            return None
        for q_end, needs in self._entries(self.lex.qualifiers, j):
            if needs == "-":
                return q_end
            targets = [self.agency(q_end, depth + 1), self.collective(q_end, depth + 1), self.level(q_end)]
            found = [p.end for p in targets if p] or self._bare_head(q_end)
            if found or needs == "optional":
                return max(found, default=q_end)
        if first and governs:
            sub = self.agency(j, depth + 1)
            if sub:
                return sub.end
        domain = self.domain(j) if first else None
        if domain:
            return domain.end
        if self._find(self.lex.levels, j) or self._word(j) == "các":
            level = self.level(j)
            return level.end if level else None
        return None
