"""Figures: numbers in digits and words, with their unit and what they count.

A figure is read in one pass of the paragraph with a single pattern: an optional currency
mark, a number (digits, words, or a vague plural such as 'thousands of'), an optional
multiplier (m, bn, million), an optional percent sign, and an optional second number making
a range. The unit and the counted noun are then read from the words that follow.
"""

from __future__ import annotations

import re

from app.extraction.lexicon import FUNCTION_WORDS, TIME_WORDS
from app.extraction.numbers import (
    DIGITS,
    FRACTIONS,
    MULTIPLIERS,
    NUMBER_WORD,
    VAGUE,
    parse_digits,
    parse_word_number,
    trie_pattern,
)
from app.extraction.types import ProposedFigure
from app.extraction.units import CURRENCY_PREFIXES, per_unit_after, unit_after
from app.models import TextRange

_CURRENCY = trie_pattern(list(CURRENCY_PREFIXES))
_MULT = trie_pattern(list(MULTIPLIERS))
_WORDS = rf"{NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){NUMBER_WORD})*"
_AMOUNT = (
    rf"(?:(?:{_CURRENCY})\s?)?(?:{DIGITS}|(?<![\w-]){_WORDS}(?![\w-]))"
    rf"(?:\s?(?:{_MULT})(?!\.?\w))?(?:\s?(?:%|(?:per\s?cent|percent)(?!age)))?"
)
_FIGURE = re.compile(
    rf"(?<![\w/.,:$£€¥])(?:(?<=minus-)|(?<!\w-))(?P<first>{_AMOUNT})"
    rf"(?:\s?(?P<link>to|-|–|—|and|or)\s?(?P<second>{_AMOUNT}))?",
    re.IGNORECASE,
)
_PARTS = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?(?P<num>{DIGITS}|{_WORDS})(?:\s?(?P<mult>{_MULT})(?!\.?\w))?"
    r"(?:\s?(?P<pct>%|(?:per\s?cent|percent)(?!age)))?",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<num>" + trie_pattern(list(VAGUE)) + r")\s+of\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?:" + trie_pattern(list(FRACTIONS)) + r")\b(?=\s+(?:of|the)\b)",
    re.IGNORECASE,
)
_MINUS = re.compile(r"(?:(?<![\w.])-|−|\bminus[\s-])$", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s*(to|-|–|—|and)\s*", re.IGNORECASE)
_DAILY = re.compile(
    r"\bdaily\b[^.;,]*\b(?:is|was|are|were|of|at|reached|stood at)\s+$", re.IGNORECASE
)
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|stood at|reached|totalled|totaled|hit)\s+$")
_SUBJECT = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
    r"(?=\s+(?:in|of|for|on|at|among|from|during|-|–|is|was|are|were|stood|"
    r"reached|totalled|totaled|hit)\b)"
)
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|latter|other)\s+$",
                             re.IGNORECASE)
_FRACTION_WORDS = ("half", "third", "quarter", "fifth", "tenth")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)\b|^\s*(?:st|nd|rd|th)?\s*{_MONTH}\b|^[:/.]\d|^\s*[ap]\.?m\b|^\s*o'clock",
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|from|of|before|after|during|early|late|mid|"
    r"the|and|or|to|for|between|around|summer|winter|spring|autumn|fall)\s*$",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(?:(?<!^)(?<![.!?]\s)\b[A-Z][\w&]*|[&/(#]|\b(?i:category|game|part|section|chapter|article|"
    r"page|number|no\.|level|phase|stage|round|grade|class|type|version|tier|step|act|scene|"
    r"room|gate|platform|flight|route|highway|model|series|season|episode|volume|vol\.|issue|"
    r"item|clause|rule|paragraph|figure|table|line|bus|channel|district|ward|zone|term))\s?$"
)
_SCORE = re.compile(
    r"\d{1,2}\s?[-–]\s?\d{1,2}\s+(?:win|victory|defeat|loss|lead|draw|"
    r"scoreline|margin|vote|decision|home|away)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"[A-Z][\w’'-]+,\s*$")
_STREET = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|"
    r"Drive|Dr|Blvd|Boulevard|Place|Pl|Court|Ct|Square|Terrace|Close|Crescent)\b"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|(?:rose|risen|rising|rises|fell|fallen|falling|falls|increased?|increasing|"
    r"decreased?|decreasing|grew|grown|growing|dropped|dropping|jumped|climbed|soared|slid|"
    r"slipped|plunged|surged|raised|lowered|cut|up|down|went|moved|changed?)\s+from)"
    r"(?:\s+\S+)?\s*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\s*(?:of\s+)?(?P<noun>(?:[^\W\d][\w’'-]*\s*){1,4})")
_APPROXIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|"
    r"more than|less than|fewer than|up to|at least|an estimated|estimated|"
    r"some \d+|upwards of|as many as|close to)\s*$",
    re.IGNORECASE,
)


def find_figures(text: str, paragraphs: list[TextRange]) -> list[ProposedFigure]:
    """Every figure in the given paragraphs, in text order."""
    found: list[ProposedFigure] = []
    for paragraph in paragraphs:
        found.extend(_figures_in(text, paragraph))
    return sorted(found, key=lambda f: f.start)


def _figures_in(text: str, paragraph: TextRange) -> list[ProposedFigure]:
    found = [
        _vague(text, m, paragraph.end)
        for m in _VAGUE.finditer(text, paragraph.start, paragraph.end)
    ]
    lowered = text[paragraph.start : paragraph.end].lower()
    if any(word in lowered for word in _FRACTION_WORDS):
        for match in _FRACTION.finditer(text, paragraph.start, paragraph.end):
            if _ORDINAL_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "the second half of the game": a period, not a share
            value = FRACTIONS[match.group().lower().replace("-", " ")]
            found.append(_finish(text, match.start(), match.end(), value, None, paragraph.end))
    taken = [(f.start, f.end) for f in found]
    for match in _FIGURE.finditer(text, paragraph.start, paragraph.end):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.extend(_signed(text, f) for f in _amount_figures(text, match, paragraph.end))
    return _join_ranges(text, sorted(found, key=lambda f: f.start))


def _signed(text: str, figure: ProposedFigure) -> ProposedFigure:
    """'minus 130 degrees', '-10C': a sign written before the number."""
    sign = _MINUS.search(text, max(0, figure.start - 7), figure.start)
    if not sign or figure.value is None:
        return figure
    return ProposedFigure(
        sign.start(),
        figure.end,
        text[sign.start() : figure.end],
        -figure.value,
        figure.unit,
        figure.counts,
        figure.approximate,
        -figure.value_high if figure.value_high is not None else None,
    )


def _join_ranges(text: str, figures: list[ProposedFigure]) -> list[ProposedFigure]:
    """'44 mg to 50 mg', 'between $5 and $7': two amounts with one unit make one range."""
    joined: list[ProposedFigure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        if previous and _forms_range(text, previous, figure):
            joined[-1] = ProposedFigure(
                previous.start,
                figure.end,
                text[previous.start : figure.end],
                previous.value,
                figure.unit,
                figure.counts,
                previous.approximate or figure.approximate,
                figure.value,
            )
        else:
            joined.append(figure)
    return joined


def _forms_range(text: str, low: ProposedFigure, high: ProposedFigure) -> bool:
    same_unit = (
        low.unit is not None
        and high.unit is not None
        and (high.unit == low.unit or high.unit.startswith(low.unit + " per "))
    )
    if not same_unit or low.value_high is not None:
        return False
    if low.value is None or high.value is None or high.value < low.value:
        return False
    link = _RANGE_LINK.fullmatch(text, low.end, high.start)
    if not link:
        return False
    before = text[max(0, low.start - 30) : low.start]
    if link.group(1).lower() == "and":
        return bool(re.search(r"\bbetween\s+$", before, re.IGNORECASE))
    return not _CHANGE_BEFORE.search(before)


def _vague(text: str, match: re.Match[str], end: int) -> ProposedFigure:
    value = float(VAGUE[match.group("num").lower()])
    figure = _finish(text, match.start(), match.end(), value, None, end)
    return ProposedFigure(
        figure.start, figure.end, figure.text, value, None, figure.counts, approximate=True
    )


def _amount_figures(text: str, match: re.Match[str], end: int) -> list[ProposedFigure]:
    first = _read_amount(match.group("first"))
    second = _read_amount(match.group("second")) if match.group("second") else None
    rejected = _rejection(text, match, first, second)
    if rejected == "date" or (rejected and second is None):
        return []
    if rejected:  # "in 2019 and 2,000 people": the year goes, the second number stays
        return [f for f in (_second_alone(text, match, second, end),) if f]
    if second is None or not _is_range(text, match, first, second):
        head = _limited(match, "first")
        later = _second_alone(text, match, second, end)
        figure = _figure(text, head, first, None, end)
        if figure and later and figure.unit is None and later.unit and match.group("link") in (
                "and", "or", "to"):
            figure = _with_unit(figure, later.unit)  # "45 and 50 mg": the unit serves both
        return [f for f in (figure, later) if f]
    low = first.with_unit_of(second)
    figure = _figure(text, match, low, second, end)
    return [figure] if figure else []


def _rejection(
    text: str, match: re.Match[str], first: _Amount | None, second: _Amount | None
) -> str | None:
    """Why the first number of match is not a figure ('date', 'other'), or None."""
    if first is None:
        return "other"
    start, stop = match.start(), match.end("first")
    before = text[max(0, start - 14) : start]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(text[stop : stop + 14]):
        return "date"
    span_of_years = second is None or second.looks_like_year or second.value < 100
    if first.looks_like_year and match.group("link") in ("-", "–", "/") and span_of_years:
        return "date"  # "2013-14", "2019-2020": a span of years
    if _SCORE.match(text, start, start + 40):
        return "date"  # "a 3-2 win": a score, neither figure counts anything
    # "2000 - 2500 calories": a larger plain number after a dash makes the first a bound,
    # not a year.
    lower_bound = (second is not None and not second.looks_like_year
                   and second.value > first.value and match.group("link") in ("-", "–", "to"))
    if not lower_bound and _not_a_figure(text, match, first):
        return "other"
    return None


def _with_unit(figure: ProposedFigure, unit: str) -> ProposedFigure:
    return ProposedFigure(figure.start, figure.end, figure.text, figure.value, unit,
                          figure.counts, figure.approximate, figure.value_high)


def _second_alone(
    text: str, match: re.Match[str], second: _Amount | None, end: int
) -> ProposedFigure | None:
    if second is None:
        return None
    span = _limited(match, "second")
    written = match.group("second").strip()
    if _is_year(written, second, text, span.start(), span.end()):
        return None  # "between 2014 and 2017"
    return _figure(text, span, second, None, end)


class _Amount:
    __slots__ = ("currency", "percent", "value")

    def __init__(self, value: float, currency: str | None, percent: bool) -> None:
        self.value, self.currency, self.percent = value, currency, percent

    def with_unit_of(self, other: _Amount) -> _Amount:
        # "5 to 7 million", "$1-2bn": the second number's unit and scale apply to both.
        value = self.value
        if other.value >= 1000 * max(self.value, 1) and self.value < 1000:
            value = self.value * _scale_of(other.value)
        return _Amount(value, self.currency or other.currency, self.percent or other.percent)

    @property
    def looks_like_year(self) -> bool:
        return self.value.is_integer() and 1800 <= self.value <= 2100 and not self.unit

    @property
    def unit(self) -> str | None:
        if self.percent:
            return "percent"
        return CURRENCY_PREFIXES.get(self.currency) if self.currency else None


def _scale_of(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if value >= scale:
            return scale
    return 1.0


def _read_amount(written: str) -> _Amount | None:
    parts = _PARTS.fullmatch(written.strip())
    if parts is None:
        return None
    raw = parts.group("num")
    value = parse_digits(raw) if raw[0].isdigit() or raw[0] == "." else parse_word_number(raw)
    if value is None:
        return None
    if parts.group("mult"):
        value *= MULTIPLIERS[parts.group("mult").lower()]
    currency = parts.group("cur")
    if currency and currency not in CURRENCY_PREFIXES:
        currency = next((c for c in CURRENCY_PREFIXES if c.lower() == currency.lower()), None)
    return _Amount(value, currency, bool(parts.group("pct")))


class _Span:
    """Start and end of the part of a match a figure covers."""

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _limited(match: re.Match[str], group: str) -> _Span:
    return _Span(match.start(group), match.end(group))


def _figure(
    text: str, span: re.Match[str] | _Span, amount: _Amount, high: _Amount | None, end: int
) -> ProposedFigure | None:
    unit, stop = amount.unit, span.end()
    if unit is None:
        after = unit_after(text, stop, end)
        if after:
            unit, stop = after
    else:
        per = per_unit_after(text, stop, end)
        if per:
            unit, stop = f"{unit} {per[0]}", per[1]
    figure = _finish(text, span.start(), stop, amount.value, unit, end)
    approximate = bool(_APPROXIMATE.search(text, max(0, span.start() - 20), span.start()))
    return ProposedFigure(
        figure.start,
        figure.end,
        figure.text,
        amount.value,
        figure.unit,
        figure.counts,
        approximate=approximate,
        value_high=high.value if high else None,
    )


def _finish(
    text: str, start: int, stop: int, value: float, unit: str | None, end: int
) -> ProposedFigure:
    counts = _counted_noun(text, stop, end) or _subject_counted(text, start)
    if unit is None and _DAILY.search(text, max(0, start - 160), start):
        unit = "per day"  # "the daily casualty rate ... is 1,271": a rate per day
    return ProposedFigure(start, stop, text[start:stop], value, unit, counts)


def _counted_noun(text: str, position: int, end: int) -> str | None:
    match = _COUNTED.match(text, position, min(end, position + 60))
    if not match:
        return None
    words: list[str] = []
    upcoming = match.group("noun").split()
    for index, word in enumerate(upcoming):
        bare = word.lower().strip("’'")
        following = upcoming[index + 1].lower() if index + 1 < len(upcoming) else ""
        joins = bare == "and" and 0 < len(words) < 3 and following not in _NOT_NOUNS
        if not joins and _ends_count(bare, words):
            break
        words.append(word)
    while words and words[-1].lower() == "and":
        words.pop()
    return " ".join(words) or None


def _subject_counted(text: str, start: int) -> str | None:
    """'the daily casualty rate in September ... is 1,271': the number counts the subject."""
    window = text[max(0, start - 160) : start]
    if not _COPULA_BEFORE.search(window):
        return None
    clause = re.split(r"[.;:!?]\s|\bthat\b", window)[-1]
    subject = _SUBJECT.search(clause)
    return subject.group(1) if subject else None


def _ends_count(bare: str, words: list[str]) -> bool:
    # The counted noun phrase stops at function words, adverbs, and (after its first word)
    # past-tense verbs: "10,000 soldiers arrived", "people died".
    return (
        bare in FUNCTION_WORDS
        or bare in _COUNT_STOP
        or bare.endswith("ly")
        or (bool(words) and bare.endswith("ed"))
    )


_COUNT_STOP = frozenset("the a an and or to of per about".split())
_NOT_NOUNS = frozenset(VAGUE)  # "people and dozens of vehicles" are two figures


def _not_a_figure(text: str, match: re.Match[str], amount: _Amount) -> bool:
    start, stop = match.start(), match.end("first")
    written = match.group("first").strip()
    before = text[max(0, start - 14) : start]
    after = text[stop : stop + 14]
    if written[0].isalpha() and not _is_word_figure(written, text, start, stop, amount):
        return True
    if _is_year(written, amount, text, start, stop):
        return True
    if text[stop : stop + 1].isalpha() and unit_after(text, stop, stop + 30) is None:
        return True  # "the 80s", "3D", "MP3": letters glued to the number make a name
    if _AGE.search(before) and re.match(r"\s*,", after) and amount.value < 120:
        return True  # "Senard, 65, now faces"
    if (
        amount.unit is None
        and written[0].isdigit()
        and _LABEL_BEFORE.search(before)
        and unit_after(text, stop, stop + 30) is None
    ):
        return True  # "Game 2", "S&P 500", "Boeing 787", "(4)": names and labels
    return bool(_STREET.match(text, stop, stop + 60))  # "9 E 71st St": an address


def _is_word_figure(written: str, text: str, start: int, stop: int, amount: _Amount) -> bool:
    lower = written.lower()
    if lower in MULTIPLIERS or lower in ("hundred", "thousand"):
        return text[max(0, start - 2) : start].lower() == "a "  # "a million", not "hundred"
    if amount.value >= 2:
        return True
    # "one man" counts a man; "one of them", "no one", "one another" do not.
    following = re.match(r"\s+([a-z][\w-]*)", text[stop : stop + 30])
    preceding = text[max(0, start - 4) : start].lower()
    return (
        bool(following)
        and following.group(1) not in FUNCTION_WORDS
        and following.group(1) not in ("of", "another", "day", "time")
        and not preceding.endswith("no ")
    )


def _is_year(written: str, amount: _Amount, text: str, start: int, stop: int) -> bool:
    bare = written.strip()
    if not (bare.isdigit() and len(bare) == 4 and 1800 <= amount.value <= 2100):
        return False
    unit = unit_after(text, stop, stop + 30)
    if unit and unit[0] not in ("year", "day", "month", "week"):
        return False  # "2000 km", "1900 tonnes"
    following = re.match(r"\s+([a-z]+)", text[stop : stop + 20])
    if (
        following
        and following.group(1) not in TIME_WORDS
        and not _YEAR_CONTEXT.search(text[max(0, start - 12) : start])
    ):
        return following.group(1) in FUNCTION_WORDS  # "2000 people" counts; "2019 when" not
    return True


def _is_range(text: str, match: re.Match[str], first: _Amount, second: _Amount) -> bool:
    link = match.group("link").lower()
    before = text[max(0, match.start() - 30) : match.start()]
    # "seven or eight people", "10 to 12 miles": an approximate range either way
    if link == "and":
        return bool(re.search(r"\bbetween\s+$", before, re.IGNORECASE))
    if first.percent != second.percent and first.percent:
        return False  # "up 0.7 percent to 6,327.80": a change and a level
    if first.currency and second.currency and first.currency != second.currency:
        return False
    # "rose by $43.6bn to $419.2bn" or "from 5 to 7": two figures of a change, not a range
    return not _CHANGE_BEFORE.search(before) and second.value >= first.value
