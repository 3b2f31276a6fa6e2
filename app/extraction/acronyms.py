"""Acronyms and short names with the expansions an article gives them, for the glossary.

English news introduces an acronym in a few set ways: the name, then the acronym in
parentheses ("the National Intelligence Service (NIS)"); the reverse ("NIS (National
Intelligence Service)"); or an appositive description ("the NIS, South Korea's spy
agency, said"). A parenthesised acronym is explained by the words before it when its
letters are their initials (function words such as "of" may be skipped or used; hyphenated
and run-together words give one initial per part), taking no more words than it needs: the
reading of Schwartz and Hearst (2003). A foreign acronym whose letters do not match ("the
Federal Security Service (FSB)") is explained by a name before it whose head noun names a
body (service, agency, ministry, ...). Acronyms the article never explains are listed once,
at their first use, with an empty expansion for the analyst to fill in.

Every pattern reads at most a few hundred characters around a bracket or a capital word,
so the work grows linearly with the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from app.extraction.acronym_words import (
    BODY_NOUNS,
    DETERMINERS,
    FUNCTION_WORDS,
    NAMING_MARKERS,
    NOT_GLOSSARY_TERMS,
    NUMBER_WORDS,
    PLACE_CODES,
    PREPOSITIONS,
    SENTENCE_OPENERS,
)
from app.extraction.types import ProposedTerm

_ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# Model numbers and reporting periods, not acronyms: "A350", "FY2020", "Q2", "H1".
_MODEL_OR_PERIOD = re.compile(r"[0-9]{3}|^[QH][1-4]$")


def not_a_glossary_term(term: str) -> bool:
    """Whether an all-capital word used without explanation is left out of the glossary."""
    return term in NOT_GLOSSARY_TERMS or bool(_ROMAN_NUMERAL.fullmatch(term))


# ----- patterns ---------------------------------------------------------------------------


class TextSpan(Protocol):
    """A paragraph: anything with start and end offsets (TextRange, Span)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_PARENTHESIS = re.compile(r"\(([^()\n]{1,120})\)")
# A capital word that may be an acronym: "NIS", "DPRK", "G7", "MoD", "R&D", "NGOs".
_TOKEN = re.compile(
    r"(?<![A-Za-z0-9&])[A-Z](?=[a-z]{0,2}[A-Z0-9&])[A-Za-z0-9&]{1,9}(?![A-Za-z0-9&])"
)
_TOKEN_BEFORE = re.compile(r"(?<![A-Za-z0-9&])[A-Z][A-Za-z0-9&]{1,9}[ \t]?\Z")
_LINE_BREAK = re.compile("\n")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])")
_WORD = re.compile(r"[^\W_][\w'’&-]*")
_CAPS_WORD = re.compile(r"[A-Z][A-Z0-9&'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_CAMEL = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_UNITS = re.compile(r"[A-Za-z]|[0-9]+")
# Characters no expansion runs across: sentence and clause punctuation, brackets, quotes.
_STOPS = re.compile(r"[.;:!?,()\[\]{}\"“”\n—–]")
_SENTENCE_STOPS = re.compile(r"[.;:!?()\[\]{}\"“”\n—–]")
_APPOSITIVE = re.compile(r",[ \t]+([^,.;:!?()\[\]\n\"“”]{2,100}?)[ \t]*([,.;])")
# A dateline ("SEOUL, Oct 18 (Reuters) -") names a place in capitals, not an acronym.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40}(?:,[^\n—–(]{0,40}?)?[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?"
    r"(?:—|–|--?[ \t]|_[ \t])"
)
_JOINING_WORDS = frozenset(("of", "and", "for", "the", "de", "&"))  # inside a name
_LOOK_BACK = 200  # characters before a bracket searched for an expansion
_EXTRA_WORDS = 5  # words an expansion may have beyond one per letter (Schwartz and Hearst)
_MAX_UNITS = 10
_MAX_DESCRIPTION_WORDS = 8
_MAX_SHORT_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def is_function(self) -> bool:
        return self.text.lower() in FUNCTION_WORDS

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def pieces(self) -> list[str]:
        """The parts that give an initial each: "Co-operation" -> Co, operation;
        "GlaxoSmithKline" -> Glaxo, Smith, Kline; "UN" -> U, N; "People's" -> People."""
        parts: list[str] = []
        for part in _POSSESSIVE.sub("", self.text).split("-"):
            if part.isupper():
                parts.extend(part)
            else:
                parts.extend(_CAMEL.findall(part) or ([part] if part else []))
        return parts

    def is_body_noun(self) -> bool:
        word = _POSSESSIVE.sub("", self.text).lower()
        singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        return word in BODY_NOUNS or singular in BODY_NOUNS or word[:-2] in BODY_NOUNS


# ----- finding the terms ------------------------------------------------------------------


def find_terms(text: str, paragraphs: Iterable[TextSpan] | None = None) -> tuple[ProposedTerm, ...]:
    """Each term once, in text order: where the article explains it, else its first use
    (with an empty expansion). paragraphs: the content paragraphs (default: all text)."""
    spans: Iterable[TextSpan] = paragraphs if paragraphs is not None else [_Whole(len(text))]
    explained: dict[str, ProposedTerm] = {}
    used: dict[str, ProposedTerm] = {}
    for paragraph in spans:
        reader = _Paragraph(text, paragraph.start, paragraph.end)
        # Terms already found are skipped early: a long article repeats its acronyms.
        for term in reader.definitions(explained, used):
            explained.setdefault(term.term, term)
    shouted = _shouted_words(text, used)
    found = {t: u for t, u in used.items() if t not in shouted} | explained  # definitions win
    ordered = sorted(found.values(), key=lambda t: (t.start, t.term))
    return tuple(replace(term, text=text[term.start : term.end]) for term in ordered)


def _shouted_words(text: str, used: dict[str, ProposedTerm]) -> set[str]:
    """Capital words of four letters or more that the article also writes in small letters
    ("the SPEECH" beside "his speech"): English words set in capitals, not acronyms. Short
    ones are left alone: "WHO", "US" and "IT" are acronyms beside "who", "us" and "it"."""
    candidates = {term for term in used if len(term) >= 4 and term.isalpha()}
    if not candidates:
        return set()
    lower_words = set(_LOWER_WORD.findall(text))
    return {term for term in candidates if term.lower() in lower_words}


@dataclass(frozen=True, slots=True)
class _Whole:
    end: int
    start: int = 0


class _Paragraph:
    """One paragraph's terms; lines set in capitals (headlines, banners) are skipped."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._shouting: dict[int, bool] = {}  # by line number
        self._line_ends: list[int] | None = None

    def definitions(
        self, explained_before: dict[str, ProposedTerm], used: dict[str, ProposedTerm]
    ) -> list[ProposedTerm]:
        """The terms explained here (in brackets or by an appositive), in text order; terms
        explained before are not looked at again. Acronyms used here and not before are
        added to used: candidates for terms the article leaves unexplained."""
        here: dict[str, int] = {}  # where each term is explained in this paragraph

        def explained_before_offset(term: str, offset: int) -> bool:
            return term in explained_before or here.get(term, self.end) < offset

        found: list[ProposedTerm] = []
        for match in _PARENTHESIS.finditer(self.text, self.start, self.end):
            if not self._in_shouting_line(match.start()):
                terms = _parenthetical(self.text, match, self.start, explained_before_offset)
                here.update((term.term, term.start) for term in terms)
                found.extend(terms)
        dateline = _DATELINE.match(self.text, self.start, self.end)
        after_dateline = dateline.end() if dateline else self.start
        position = self.start
        while token := _TOKEN.search(self.text, position, self.end):
            position = token.end()
            term = _acronym(token.group())
            if not term:
                continue
            if self._in_shouting_line(token.start()):
                position = self._line_end(token.start())  # skip the rest of a headline
                continue
            if not explained_before_offset(term, token.start()):
                terms = _appositive(self.text, token, term, self.end)
                here.update((term.term, term.start) for term in terms)
                found.extend(terms)
            if term not in used and token.start() >= after_dateline and self._bare_use(token, term):
                used[term] = ProposedTerm(term, "", token.start(), token.start() + len(term))
        return sorted(found, key=lambda t: t.start)

    def _bare_use(self, token: re.Match[str], term: str) -> bool:
        if not _is_bare_term(term) or self._label(token, term):
            return False
        return not self._in_capital_run(token.start(), token.end())

    def _label(self, token: re.Match[str], term: str) -> bool:
        """A speaker's name before a transcript's colon ("PENCE: Well, ..."), or a state's
        code after its town ("Tampa, FL"): capitals that are no acronym to explain."""
        start, text = token.start(), self.text
        opening = start - 1 if start > self.start and text[start - 1] in '"“' else start
        at_line_start = opening == self.start or text[opening - 1] == "\n"
        if at_line_start and text[token.end() : token.end() + 1] == ":":
            return True
        return term in PLACE_CODES and text[max(0, start - 2) : start] == ", "

    def _in_shouting_line(self, offset: int) -> bool:
        """Whether the line holding offset is mostly capitals (counted once per line)."""
        line = bisect_left(self._ends(), offset)
        if line not in self._shouting:
            line_start = self._ends()[line - 1] + 1 if line else self.start
            heading = _is_heading_in_capitals(self.text[line_start : self._ends()[line]])
            self._shouting[line] = heading
        return self._shouting[line]

    def _line_end(self, offset: int) -> int:
        return self._ends()[bisect_left(self._ends(), offset)]

    def _ends(self) -> list[int]:
        """Where the paragraph's lines end, found once: searching back for the line of each
        word would make a long line quadratic."""
        if self._line_ends is None:
            breaks = _LINE_BREAK.finditer(self.text, self.start, self.end)
            self._line_ends = [*(found.start() for found in breaks), self.end]
        return self._line_ends

    def _in_capital_run(self, start: int, end: int) -> bool:
        """Whether the word is one of three or more capital words in a row ("WAR IN
        UKRAINE LIVE"): a heading or label set in capitals, not an acronym."""
        before = self.text[max(self.start, start - 60) : start]
        after = self.text[end : min(self.end, end + 60)]
        run = 1
        if before[-1:] in (" ", "\t"):
            run += _leading_caps(reversed(before.split()[-2:]))
        if after[:1] in (" ", "\t"):
            run += _leading_caps(after.split()[:2])
        return run >= 3


def _is_heading_in_capitals(line: str) -> bool:
    """A line mostly in capitals ("BREAKING NEWS: ..."), or of capital words only ("UP
    NEXT", "TIP-INS"): a headline or label, whose capitals are not acronyms."""
    letters = sum(map(str.isalpha, line))
    capitals = sum(map(str.isupper, line))
    if letters >= 8 and capitals > 0.6 * letters:
        return True
    return capitals == letters > 0 and len(line.replace("-", " ").split()) >= 2


def _leading_caps(words: Iterable[str]) -> int:
    count = 0
    for word in words:
        if not _CAPS_WORD.fullmatch(word):
            break
        count += 1
    return count


# ----- what counts as an acronym ----------------------------------------------------------


@lru_cache(maxsize=4096)  # an article repeats its acronyms
def _acronym(token: str) -> str:
    """token as a glossary term ("NGOs" -> "NGO"), or "" when it is not an acronym: it
    needs two capitals (or a capital and a digit: "G7") and more capitals than small letters
    ("MoD", "PhD", not "McCain")."""
    if len(token) > 2 and token.endswith("s") and token[-2].isupper():
        token = token[:-1]
    capitals = sum(c.isupper() for c in token)
    small = sum(c.islower() for c in token)
    digits = any(c.isdigit() for c in token)
    if capitals <= small or not (capitals >= 2 or digits) or len(_units(token)) > _MAX_UNITS:
        return ""
    return token


def _is_bare_term(term: str) -> bool:
    """Whether an acronym used without explanation is listed: 2 to 6 letters, not a roman
    numeral, a unit or an acronym every reader knows."""
    letters = sum(c.isalpha() for c in term)
    return letters <= 6 and not not_a_glossary_term(term) and not _MODEL_OR_PERIOD.search(term)


def _units(term: str) -> list[str]:
    """What the expansion must spell: each letter, and each run of digits as a number."""
    return [unit.lower() for unit in _UNITS.findall(term)]


# ----- brackets: "the National Intelligence Service (NIS)", "NIS (National ...)" -------


def _parenthetical(
    text: str, match: re.Match[str], floor: int, known: Callable[[str, int], bool]
) -> list[ProposedTerm]:
    """The term a bracket explains or names, if any; known(term, offset) says whether the
    term is explained before offset already (and so need not be matched again)."""
    inside = match.group(1).strip().strip("\"'“”‘’").strip()
    term = _acronym(inside) if _TOKEN.fullmatch(inside) else ""
    if term and known(term, match.start()):
        return []
    words = _words_before(text, match.start(), floor, _STOPS)
    if term:
        return _explained_acronym(text, match, term, words, floor)
    before = _TOKEN_BEFORE.search(text, max(floor, match.start() - 12), match.start())
    if before is not None and _acronym(before.group().rstrip()):
        known_before = known(_acronym(before.group().rstrip()), match.start())
        return [] if known_before else _reversed(text, match, before)
    return _short_name(text, match, inside, words)


def _explained_acronym(
    text: str, match: re.Match[str], term: str, words: list[_Word], floor: int
) -> list[ProposedTerm]:
    """The words before a bracketed acronym that spell it, or the name of a body there;
    a name with a comma in it ("Ministry of Trade, Industry and Energy") is tried last."""
    units = _units(term)
    first = _spelling_start(words, units)
    if first is None:
        first = _body_name_start(words)
    if first is None:
        words = _words_before(text, match.start(), floor, _SENTENCE_STOPS)
        first = _spelling_start(words, units)
    if first is None:
        return []
    start = words[first].start
    return [ProposedTerm(term, _joined(text, start, words[-1].end), start, match.end())]


def _words_before(text: str, position: int, floor: int, stop: re.Pattern[str]) -> list[_Word]:
    """The words just before position, back to the nearest stop (a comma, a full stop)."""
    window_start = max(floor, position - _LOOK_BACK)
    stops = [found.end() for found in stop.finditer(text, window_start, position)]
    start = stops[-1] if stops else window_start
    return [_Word(w.group(), w.start(), w.end()) for w in _WORD.finditer(text, start, position)]


def _spelling_start(words: list[_Word], units: list[str]) -> int | None:
    """Index of the first word of the shortest run of words, ending at the last, whose
    initials spell units; None if none does. Initials are tried first, then letters from
    inside words too ("Strategic Arms Reduction Treaty (START)")."""
    if not words or words[-1].is_function or not _may_end(words[-1], units[-1]):
        return None
    lowest = max(0, len(words) - len(units) - _EXTRA_WORDS)
    for inside_words in (False, True):
        for first in range(len(words) - 1, lowest - 1, -1):
            run = words[first:]
            if not run[0].is_function and _enough(run) and _spells(run, units, inside_words):
                return first
    return None


def _may_end(word: _Word, unit: str) -> bool:
    """Whether the last unit can come from the last word: a cheap test that spares most
    brackets the full matching."""
    if unit.isdigit():
        return NUMBER_WORDS.get(word.text.lower(), word.text) == unit
    return unit in word.text.lower()


def _enough(run: list[_Word]) -> bool:
    # One word is an expansion only when it is made of parts ("GlaxoSmithKline (GSK)").
    return len(run) > 1 or len(run[0].pieces) > 1


def _spells(words: list[_Word], units: list[str], inside_words: bool) -> bool:
    """Whether every unit is matched, in order, by the words: each word that is not a
    function word gives at least one, starting with its initial."""
    memo: dict[tuple[int, int], bool] = {}

    def match(unit: int, word: int) -> bool:
        if word == len(words):
            return unit == len(units)
        if (unit, word) not in memo:
            here = words[word]
            takes = _takes(here, units, unit, inside_words) if unit < len(units) else []
            memo[unit, word] = (here.is_function and match(unit, word + 1)) or any(
                match(unit + taken, word + 1) for taken in takes
            )
        return memo[unit, word]

    return match(0, 0)


def _takes(word: _Word, units: list[str], unit: int, inside_words: bool) -> list[int]:
    """How many units, from unit on, the word can give (none if its initial does not fit)."""
    wanted = units[unit]
    if wanted.isdigit():
        return [1] if NUMBER_WORDS.get(word.text.lower(), word.text) == wanted else []
    pieces = word.pieces
    if not pieces or pieces[0][0].lower() != wanted:
        return []
    count = 1
    if inside_words:
        rest = "".join(pieces).lower()[1:]
        for letter in rest:
            if unit + count < len(units) and letter == units[unit + count]:
                count += 1
    else:
        for piece in pieces[1:]:
            if unit + count < len(units) and piece[0].lower() == units[unit + count]:
                count += 1
            else:
                break
    return list(range(count, 0, -1))


def _body_name_start(words: list[_Word]) -> int | None:
    """Where a name in capitals before the bracket starts, when it names a body ("Russia's
    Federal Security Service (FSB)"): the explanation of a foreign acronym. The longest such
    name is taken, but one that starts with something else ("Officers of the Federal
    Security Service") is cut after its joining word."""
    first = _name_start(words)
    if first is None:
        return None
    starts = [first] + [i + 1 for i in range(first, len(words) - 1) if words[i].is_function]
    for start in starts:
        name = words[start:]
        capitalised = sum(w.is_capitalised for w in name)
        if not name[0].is_function and capitalised >= 2 and _describes_body(name):
            return start
    return None


def _name_start(words: list[_Word]) -> int | None:
    """Start of the run of capitalised words (joined by of/and/for/the) ending the list. A
    possessor begins its name: no joining word is crossed to the left of "Russia's"."""
    first, possessed = len(words), False
    while first > 0:
        word = words[first - 1]
        joining = word.text in _JOINING_WORDS
        if not (word.is_capitalised or joining) or (joining and possessed):
            break
        possessed = possessed or bool(_POSSESSIVE.search(word.text))
        first -= 1
    while first < len(words) and (words[first].is_function or _opens_sentence(words, first)):
        first += 1
    capitalised = sum(w.is_capitalised for w in words[first:])
    if capitalised < 2 or not words[-1].is_capitalised:
        return None
    return first


def _opens_sentence(words: list[_Word], index: int) -> bool:
    return index == 0 and words[0].text.lower() in SENTENCE_OPENERS


def _reversed(text: str, match: re.Match[str], before: re.Match[str]) -> list[ProposedTerm]:
    """ "NIS (National Intelligence Service)" or "FSB (Russia's security service)"."""
    term = _acronym(before.group().rstrip())
    words = [_Word(w.group(), w.start(), w.end()) for w in _WORD.finditer(text, *match.span(1))]
    while words and words[0].text.lower() in DETERMINERS:
        words = words[1:]
    if not words or len(words) > _MAX_DESCRIPTION_WORDS + 2:
        return []
    units = _units(term)
    spelled = _enough(words) and (_spells(words, units, False) or _spells(words, units, True))
    if not spelled and not _describes_body(words):
        return []
    expansion = _joined(text, words[0].start, words[-1].end)
    return [ProposedTerm(term, expansion, before.start(), match.end())]


def _short_name(
    text: str, match: re.Match[str], inside: str, words: list[_Word]
) -> list[ProposedTerm]:
    """ "the Democratic People's Republic of Korea (North Korea)": a short name for a body
    named in full just before, sharing a word with it, or marked ("known as ...")."""
    lowered = inside.lower()
    marker = next((m for m in NAMING_MARKERS if lowered.startswith(m)), "")
    short = inside[len(marker) :].strip().strip("\"'“”‘’").strip()
    short_words = short.split()
    if not short_words or len(short_words) > _MAX_SHORT_NAME_WORDS:
        return []
    if not all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in short_words):
        return []
    first = _body_name_start(words)
    if first is None:
        return []
    full = [_POSSESSIVE.sub("", w.text).lower() for w in words[first:]]
    shares = any(w.lower() in full for w in short_words if w.lower() not in FUNCTION_WORDS)
    if not (marker or shares) or len(short_words) >= len(full) or any(c.isdigit() for c in short):
        return []
    start = words[first].start
    return [ProposedTerm(short, _joined(text, start, words[-1].end), start, match.end())]


# ----- appositives: "NIS, South Korea's spy agency, said" ---------------------------------


def _appositive(text: str, token: re.Match[str], term: str, limit: int) -> list[ProposedTerm]:
    tail = _APPOSITIVE.match(text, token.end(), min(limit, token.end() + 130))
    if tail is None or text[max(0, token.start() - 2) : token.start()] == ", ":
        return []  # "Steve Hurst, CNN, the state department": one of a list of names
    words = [_Word(w.group(), w.start(), w.end()) for w in _WORD.finditer(text, *tail.span(1))]
    if not words or len(words) > _MAX_DESCRIPTION_WORDS or _lists_on(text, tail):
        return []
    opener = words[0].text
    if not (opener.lower() in DETERMINERS or opener[0].isupper() or _POSSESSIVE.search(opener)):
        return []
    if not _describes_body(words) or any(_bare_acronym(w) for w in words):
        return []
    described = words[1:] if opener.lower() in ("the", "a", "an") and len(words) > 1 else words
    expansion = _joined(text, described[0].start, described[-1].end)
    return [ProposedTerm(term, expansion, token.start(), tail.end(1))]


def _describes_body(words: list[_Word]) -> bool:
    """Whether a description names a body: its head noun, the last word or the one before
    its first preposition ("the alliance of Western countries"), is a body noun."""
    head = next((i - 1 for i, w in enumerate(words) if i and w.text in PREPOSITIONS), None)
    head_word = words[head] if head is not None else words[-1]
    if any(w.text.lower() in ("and", "or") for w in words) and not head_word.is_capitalised:
        return False  # a list ("the US and other allies"), not one description
    return head_word.is_body_noun()


def _lists_on(text: str, tail: re.Match[str]) -> bool:
    """Whether the comma after the description goes on with a list ("..., and NATO")."""
    following = text[tail.end() : tail.end() + 5].lstrip()
    return tail.group(2) == "," and following.startswith(("and ", "or "))


def _bare_acronym(word: _Word) -> bool:
    # "the UN's nuclear watchdog" describes with another acronym; "the G7 group" lists it.
    return bool(_acronym(word.text)) and not _POSSESSIVE.search(word.text)


def _joined(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())
