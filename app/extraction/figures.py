"""Figures: numbers in digits and words, with their unit and what they count.

A figure is read in one pass of the paragraph with a single pattern: an optional currency
mark, a number (digits, words, or a vague plural such as 'thousands of'), an optional
multiplier (m, bn, million), an optional percent sign, and an optional second number making
a range. The unit and the counted noun are then read from the words that follow.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from app.extraction.amounts import FIGURE_IN_LOWER_CASE, Amount, figure_any_case, read_amount
from app.extraction.counted import DAILY, counted_noun, subject_counted
from app.extraction.ellipsis import carry_units
from app.extraction.not_figures import DATE_AFTER, DATE_BEFORE, SCORE, is_year, not_a_figure
from app.extraction.numbers import FRACTIONS, VAGUE, trie_pattern
from app.extraction.proportions import proportions
from app.extraction.spans import Span
from app.extraction.spelled_amounts import spelled_amounts
from app.extraction.types import ProposedFigure
from app.extraction.units import per_unit_after, unit_after
from app.models import TextRange

# "thousands of people", and "thousands fled" with the noun left out ('scores' needs its
# 'of': "test scores" count nothing).
_VAGUE = re.compile(
    r"\b(?P<num>" + trie_pattern(list(VAGUE)) + r")(?:\s+of\b|(?<!scores)(?![\w-]))",
    re.IGNORECASE,
)
# Words every vague plural ends with: a cheap substring test before the pattern runs.
_VAGUE_PLURALS = frozenset(plural.split()[-1] for plural in VAGUE)
# "several hundred", "a few thousand", "a couple of hundred", "several hundred thousand":
# as vague as the plural ("hundreds") and read the same way, as the order of magnitude named.
_FEW = re.compile(
    r"\b(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+"
    r"(?P<scales>(?:dozen|hundred|thousand|million|billion)"
    r"(?:\s+(?:thousand|million|billion))?)(?:\s+of\b)?(?![\w-])"
    # not a span of time ("for several hundred years": a manner of speaking), nor the low
    # end of a pair ("several hundred or even 1,000 megawatts": the number says it)
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\b)"
    r"(?!\s+(?:or|to)\s+(?:even\s+|perhaps\s+|maybe\s+)?\d)",
    re.IGNORECASE,
)
_FEW_WORDS = ("several", "few", "couple")
_SCALE_VALUES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}
_FRACTION = re.compile(
    r"\b(?:" + trie_pattern(list(FRACTIONS)) + r")\b(?=\s+(?:of|the)\b)",
    re.IGNORECASE,
)
_MINUS = re.compile(r"(?:(?<![\w.])-|−|\bminus[\s-])$", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s*(to|-|–|—|and)\s*", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|latter|other)\s+$", re.IGNORECASE
)
_FRACTION_WORDS = ("half", "third", "quarter", "fifth", "tenth")
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|(?:rose|risen|rising|rises|fell|fallen|falling|falls|increased?|increasing|"
    r"decreased?|decreasing|grew|grown|growing|dropped|dropping|jumped|climbed|soared|slid|"
    r"slipped|plunged|surged|raised|lowered|cut|up|down|went|moved|changed?)\s+from)"
    r"(?:\s+\S+)?\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?\s+of|ages)\s+$", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"(?:\s+years?(?:\s+old)?\b)?", re.IGNORECASE)
_APPROXIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|"
    r"more than|less than|fewer than|up to|at least|an estimated|estimated|"
    r"some \d+|upwards of|as many as|close to)\s*$",
    re.IGNORECASE,
)


def find_figures(
    text: str, paragraphs: list[TextRange], lowered: str | None = None
) -> list[ProposedFigure]:
    """Every figure in the given paragraphs, in text order. lowered is
    `spans.lower_case_copy(text)` when the caller has it: the amounts are then matched in
    it (their groups come out in lower case, which the readers of amounts accept). A small
    range, such as a hand-made selection, is matched case-blind rather than lowering the
    whole document for it."""
    found: list[ProposedFigure] = []
    for paragraph in paragraphs:
        found.extend(_figures_in(text, paragraph, lowered))
    return sorted(found, key=lambda f: f.start)


def _figures_in(text: str, paragraph: TextRange, lowered: str | None) -> list[ProposedFigure]:
    start, end = paragraph.start, paragraph.end
    plain = lowered[start:end] if lowered is not None else text[start:end].lower()
    found: list[ProposedFigure] = []
    taken = _Taken()
    if any(plural in plain for plural in _VAGUE_PLURALS):
        for match in _VAGUE.finditer(text, start, end):
            _keep(found, taken, _vague(text, match, end))
    if any(word in plain for word in _FEW_WORDS):
        for match in _FEW.finditer(text, start, end):
            if not taken.overlaps(match.start(), match.end()):
                _keep(found, taken, _few(text, match, end))
    # Longer spellings first, so that 'a quarter of a million' is one figure, not two.
    for begin, stop, value in spelled_amounts(text, start, end, lowered):
        _add_amount(text, found, taken, Span(begin, stop), value, end)
    if any(word in plain for word in _FRACTION_WORDS):
        for match in _FRACTION.finditer(text, start, end):
            if _ORDINAL_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "the second half of the game": a period, not a share
            if taken.overlaps(match.start(), match.end()):
                continue
            value = FRACTIONS[match.group().lower().replace("-", " ")]
            figure = _finish(text, match.start(), match.end(), value, None, end)
            _keep(found, taken, figure)
    for begin, stop, value in proportions(text, start, end):
        _add_amount(text, found, taken, Span(begin, stop), value, end)
    if lowered is not None:
        pattern, scanned = FIGURE_IN_LOWER_CASE, lowered
    else:
        pattern, scanned = figure_any_case(), text
    for match in pattern.finditer(scanned, start, end):
        if not taken.overlaps(match.start(), match.end()):
            found.extend(_signed(text, f) for f in _amount_figures(text, match, end))
    return carry_units(text, _join_ranges(text, sorted(found, key=lambda f: f.start)))


class _Taken:
    """Spans already read, kept sorted and disjoint, so that each overlap test is one
    bisection: a paragraph of thousands of numbers (a table pasted as one line) stays
    linear in cost."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint sorted spans end in order too: only the last one opening before end
        # can reach past start.
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def _keep(found: list[ProposedFigure], taken: _Taken, figure: ProposedFigure) -> None:
    found.append(figure)
    taken.add(figure.start, figure.end)


def _add_amount(
    text: str, found: list[ProposedFigure], taken: _Taken, span: Span, value: float, end: int
) -> None:
    """A figure for an amount read by one of the special grammars, unless already taken."""
    if taken.overlaps(span.start, span.end):
        return
    figure = _figure(text, span, Amount(value, None, False), None, end)
    if figure:
        _keep(found, taken, figure)


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
    low, high = VAGUE[match.group("num").lower()]
    figure = _finish(text, match.start(), match.end(), float(low), None, end)
    # Without its 'of' the plural stands alone ("thousands fled"): the next word is no noun.
    counts = figure.counts if match.group().lower().endswith("of") else None
    return dataclasses.replace(
        figure, unit=None, counts=counts, approximate=True, value_high=float(high), vague=True
    )


def _few(text: str, match: re.Match[str], end: int) -> ProposedFigure:
    """'several hundred' -> 100 to 1,000, the range of 'hundreds', kept in the article's
    words; 'several hundred thousand' -> the range of 'hundreds of thousands'; 'a couple of
    hundred' -> about 200."""
    scales = match.group("scales").lower().split()
    plural = " of ".join(word + "s" for word in scales)
    low = 1
    for word in scales:
        low *= _SCALE_VALUES[word]
    figure = _finish(text, match.start(), match.end(), float(low), None, end)
    if "couple" in match.group().lower():  # "a couple of hundred": about two hundred
        return dataclasses.replace(figure, value=2.0 * low, unit=None, approximate=True)
    low, high = VAGUE.get(plural, (low, low * 10))
    return dataclasses.replace(
        figure, value=float(low), unit=None, approximate=True, value_high=float(high), vague=True
    )


def _amount_figures(text: str, match: re.Match[str], end: int) -> list[ProposedFigure]:
    first = read_amount(match.group("first"))
    second = read_amount(match.group("second")) if match.group("second") else None
    rejected = _rejection(text, match, first, second)
    if rejected == "date" or (rejected and second is None):
        return []
    if rejected or first is None:  # (no first number is always rejected; said for mypy)
        # "in 2019 and 2,000 people": the year goes, the second number stays
        return [f for f in (_second_alone(text, match, second, end),) if f]
    if second is None or not _is_range(text, match, first, second):
        head = _limited(match, "first")
        later = _second_alone(text, match, second, end)
        figure = _figure(text, head, first, None, end)
        if (
            figure
            and later
            and figure.unit is None
            and later.unit
            and match.group("link") in ("and", "or", "to")
        ):
            figure = _with_unit(figure, later.unit)  # "45 and 50 mg": the unit serves both
        return [f for f in (figure, later) if f]
    low = first.with_unit_of(second)
    figure = _figure(text, Span(match.start(), match.end()), low, second, end)
    return [figure] if figure else []


def _rejection(
    text: str, match: re.Match[str], first: Amount | None, second: Amount | None
) -> str | None:
    """Why the first number of match is not a figure ('date', 'other'), or None."""
    if first is None:
        return "other"
    start, stop = match.start(), match.end("first")
    before = text[max(0, start - 14) : start]
    if DATE_BEFORE.search(before) or DATE_AFTER.match(text[stop : stop + 14]):
        return "date"
    span_of_years = second is None or second.looks_like_year or second.value < 100
    if first.looks_like_year and match.group("link") in ("-", "–", "/") and span_of_years:
        return "date"  # "2013-14", "2019-2020": a span of years
    if SCORE.match(text, start, start + 40):
        return "date"  # "a 3-2 win": a score, neither figure counts anything
    # "2000 - 2500 calories": a larger plain number after a dash makes the first a bound,
    # not a year.
    lower_bound = (
        second is not None
        and not second.looks_like_year
        and second.value > first.value
        and match.group("link") in ("-", "–", "to")
    )
    if not lower_bound and not_a_figure(text, match, first):
        return "other"
    return None


def _with_unit(figure: ProposedFigure, unit: str) -> ProposedFigure:
    return ProposedFigure(
        figure.start,
        figure.end,
        figure.text,
        figure.value,
        unit,
        figure.counts,
        figure.approximate,
        figure.value_high,
    )


def _second_alone(
    text: str, match: re.Match[str], second: Amount | None, end: int
) -> ProposedFigure | None:
    if second is None:
        return None
    span = _limited(match, "second")
    written = match.group("second").strip()
    if is_year(written, second, text, span.start, span.end):
        return None  # "between 2014 and 2017"
    return _figure(text, span, second, None, end)


def _limited(match: re.Match[str], group: str) -> Span:
    return Span(match.start(group), match.end(group))


def _figure(
    text: str, span: Span, amount: Amount, high: Amount | None, end: int
) -> ProposedFigure | None:
    unit, stop = amount.unit, span.end
    age = _AGE_BEFORE.search(text, max(0, span.start - 16), span.start)
    if unit is None and age:
        unit = "year of age"  # "over the age of 21", "aged 45 years": an age, not a count
        years = _YEARS_AFTER.match(text, stop, end)  # matches, perhaps nothing, everywhere
        stop = years.end() if years else stop
        figure = ProposedFigure(span.start, stop, text[span.start : stop], amount.value, unit)
        return dataclasses.replace(figure, value_high=high.value if high else None)
    if unit is None:
        after = unit_after(text, stop, end)
        if after:
            unit, stop = after
    else:
        per = per_unit_after(text, stop, end)
        if per:
            unit, stop = f"{unit} {per[0]}", per[1]
    figure = _finish(text, span.start, stop, amount.value, unit, end)
    approximate = bool(_APPROXIMATE.search(text, max(0, span.start - 20), span.start))
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
    counts = counted_noun(text, stop, end) or subject_counted(text, start)
    if unit is None and DAILY.search(text, max(0, start - 160), start):
        unit = "per day"  # "the daily casualty rate ... is 1,271": a rate per day
    return ProposedFigure(start, stop, text[start:stop], value, unit, counts)


def _is_range(text: str, match: re.Match[str], first: Amount, second: Amount) -> bool:
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
