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
from collections.abc import Iterator

from app.extraction.amounts import FIGURE_IN_LOWER_CASE, Amount, figure_any_case, read_amount
from app.extraction.counted import DAILY, counted_noun, subject_counted
from app.extraction.ellipsis import carry_units
from app.extraction.not_figures import (
    DATE_AFTER,
    DATE_BEFORE,
    MODEL_AFTER,
    SCORE,
    is_age_bound,
    is_year,
    not_a_figure,
)
from app.extraction.numbers import (
    FRACTIONS,
    NUMBER_WORD,
    SCALES,
    UNITS_WORDS,
    VAGUE,
    parse_word_number,
    trie_pattern,
)
from app.extraction.proportions import proportions
from app.extraction.spans import Span
from app.extraction.spelled_amounts import spelled_amounts
from app.extraction.types import ProposedFigure
from app.extraction.units import UNIT_WORDS, per_unit_after, unit_after
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
    r"\b(?:" + trie_pattern(list(FRACTIONS)) + r")\b"
    r"(?=\s+(?:of|the|its|their|his|her|our|all|these|those|this|that)\b)",
    re.IGNORECASE,
)
# "a half century", "a quarter-point cut", "half an hour": a part of a named unit.
_PART_OF_UNIT = re.compile(
    r"\b(?P<part>half|quarter)(?:\s+an?)?[\s-](?P<whole>century|percentage[\s-]point|point|"
    r"hour|day|mile|inch)\b",
    re.IGNORECASE,
)
_PART_VALUES = {"half": 0.5, "quarter": 0.25}
# "half" with no noun after it: "more than half voted", "cut by half", "split in half".
_HALF_ALONE = re.compile(
    r"\b(?:more\s+than|less\s+than|nearly|almost|about|roughly|over|under|just|by|in)\s+"
    r"(?P<half>half)\b(?![\s-]+(?:of|the|an?|century|point|hour|day|mile|inch|time)\b)(?!-)",
    re.IGNORECASE,
)
# Stat lines: "20-of-24 passing", "went 2-for-4": two counts.
_TALLY = re.compile(r"(?<![\w.,-])(?P<made>\d{1,3})-(?:of|for)-(?P<tried>\d{1,3})(?![\w-])")
# A number word joined to its noun by a hyphen: "a three-hour meeting", "a two-day summit",
# "a one-game suspension", "the four-time winner", "a ten-year-old".
_WORD_COMPOUND = re.compile(
    rf"(?<![\w-])(?<!\d\s)(?P<num>{NUMBER_WORD}(?:-{NUMBER_WORD})?)-(?P<head>[a-z]+)"
    r"(?P<old>-(?:old|long))?(?![\w-])",
    re.IGNORECASE,
)
# Heads that make the compound no count: ordinals and fractions ("twenty-first",
# "two-thirds"), engine and instrument designations ("four-cylinder"), and set phrases
# ("one-time" meaning former, "one-off", "two-way").
_NOT_COMPOUND_HEADS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth twelfth twentieth "
    "thirtieth half halves thirds quarter quarters fifths tenths cylinder cylinders way "
    "off on sided liner stop dimensional speed".split()
)
_NOT_ONE_HEADS = frozenset("time shot piece size man woman party note hit".split())
_UNITLESS_HEADS = frozenset({"time"})  # "four-time winner": a count of times, no unit
# Instruments named by their term: "10-year notes", "three-month copper", "52-week high".
_INSTRUMENT_AFTER = re.compile(
    r"\s+(?:notes?|bonds?|yields?|treasur\w*|bills?|gilts?|bunds?|copper|alumin\w*|nickel|"
    r"zinc|libor|high|low|contracts?|futures?|swaps?|paper|debt|rate)\b",
    re.IGNORECASE,
)
# Stretches that hold numbers but no figure: web addresses, percent-escapes ("%E2%80%99"),
# link markers ("[1]"), numbered headings ("2. Next steps"), sports records in brackets
# ("(2-8, 0-7)"), and the 0-60 mph benchmark with its metric twin.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}")
_LINK_MARKER = re.compile(r"\[\d{1,3}\]")
_HEADING_NUMBER = re.compile(r"^[ \t]*\d{1,2}[.)](?=[ \t]+\S)", re.MULTILINE)
_RECORD = re.compile(
    r"\(\d{1,2}[-–]\d{1,2}(?:[-–]\d{1,2})?(?:,\s?\d{1,2}[-–]\d{1,2}(?:[-–]\d{1,2})?)*"
    r"(?:,\s?[^\W\d]{1,20})?\)"
)
_BENCHMARK = re.compile(
    r"\b(?:zero|0)\s?(?:to|-|–)\s?(?:60|62|100)\s?(?:mph|kph|km/h)"
    r"(?:\s?\(\d{2,3}\s?(?:kph|km/h|mph)\))?",
    re.IGNORECASE,
)
_CLOCK_LEFT = re.compile(
    r"\bwith\s+\d{1,2}\s+(?:seconds?|minutes?)\s+(?:left|remaining|to\s+play|to\s+go)\b",
    re.IGNORECASE,
)
# A measure naming a product ("the 13-inch MacBook Pro") or an engine ("a 2-liter
# four-cylinder"): a designation, not a quantity the article reports.
_NAMED_AFTER = re.compile(r"\s+[A-Z]")
_ENGINE_AFTER = re.compile(r"[\s-]+(?:[\w]+-cylinder|[Vv]\d|turbo\w*|engine|inline)", re.I)
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
# "from 2.1% to 2.7%" states a change: two figures, never a range with their mean; but
# "ranging from 1% to 1.5%" is a range.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.IGNORECASE)
_RANGE_FROM = re.compile(
    r"\b(?:ranges?|ranged|ranging|vary|varies|varied|varying|anywhere|spanning)\s+from\b",
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
    _mark_no_figures(text, start, end, plain, taken)
    if any(plural in plain for plural in _VAGUE_PLURALS):
        for match in _VAGUE.finditer(text, start, end):
            if not taken.overlaps(match.start(), match.end()):
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
    if "half" in plain or "quarter" in plain:
        for match in _PART_OF_UNIT.finditer(text, start, end):
            if not taken.overlaps(match.start(), match.end()):
                _keep(found, taken, _part_of_unit(text, match, end))
        for match in _HALF_ALONE.finditer(text, start, end):
            _add_amount(text, found, taken, Span(match.start("half"), match.end("half")), 0.5, end)
    if "-of-" in plain or "-for-" in plain:
        for match in _TALLY.finditer(text, start, end):
            for group in ("made", "tried"):
                number = Span(match.start(group), match.end(group))
                _add_amount(text, found, taken, number, float(match.group(group)), end)
    for begin, stop, value in proportions(text, start, end):
        _add_amount(text, found, taken, Span(begin, stop), value, end)
    if "-" in plain:
        for match in _word_compound_matches(text, start, end):
            if not taken.overlaps(match.start(), match.end()):
                compound = _word_compound(text, match, end)
                if compound:
                    _keep(found, taken, compound)
    if lowered is not None:
        pattern, scanned = FIGURE_IN_LOWER_CASE, lowered
    else:
        pattern, scanned = figure_any_case(), text
    for match in pattern.finditer(scanned, start, end):
        if not taken.overlaps(match.start(), match.end()):
            found.extend(
                _signed(text, f)
                for f in _amount_figures(text, match, end)
                if not _designation(text, f)
            )
    ordered = sorted(found, key=lambda f: f.start)
    return carry_units(text, _join_ranges(text, [_settled_unit(text, f) for f in ordered]))


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


def _mark_no_figures(text: str, start: int, end: int, plain: str, taken: _Taken) -> None:
    """Mark the stretches of a paragraph whose numbers are no figures (see _URL ...)."""
    patterns: list[re.Pattern[str]] = [_HEADING_NUMBER]
    if "://" in plain or "www." in plain:
        patterns.append(_URL)
    if "[" in plain:
        patterns.append(_LINK_MARKER)
    if "(" in plain:
        patterns.append(_RECORD)
    if "mph" in plain or "kph" in plain or "km/h" in plain:
        patterns.append(_BENCHMARK)
    if "left" in plain or "remaining" in plain or "to play" in plain or "to go" in plain:
        patterns.append(_CLOCK_LEFT)
    for pattern in patterns:
        for match in pattern.finditer(text, start, end):
            if not taken.overlaps(match.start(), match.end()):
                taken.add(match.start(), match.end())
    if "%" in plain:
        for match in _ESCAPES.finditer(text, start, end):
            # the whole token: "story-123%E2%80%99s-page" holds no figure at all
            left = max(text.rfind(" ", max(start, match.start() - 200), match.start()) + 1, start)
            right = text.find(" ", match.end(), min(end, match.end() + 200))
            right = end if right < 0 else right
            if not taken.overlaps(left, right):
                taken.add(left, right)


# Market indexes, whose levels and moves are in points: "the Sensex closed at 40,816.38".
_INDEX_BEFORE = re.compile(
    r"\b(?:index|indices|sensex|nifty|dow|nasdaq|s&p|ftse|dax|cac|nikkei|hang\s+seng|kospi|"
    r"stoxx|composite|industrial\s+average|benchmark)\b(?:[^.;!?]|\.\d){0,100}$",
    re.IGNORECASE,
)
# Moves of a quantity, which keep "points" a unit ("rose 20.72 points"); elsewhere points are
# a tally that counts: "scored 25 points".
_MOVE_BEFORE = re.compile(
    r"\b(?:rose|rising|fell|falling|gained|gaining|lost|losing|dropped|jumped|climbed|slid|"
    r"slipped|surged|tumbled|plunged|shed|added|up|down|by|of|a|an|the)\s+"
    r"(?:about\s+|nearly\s+|more\s+than\s+|some\s+|almost\s+)?$",
    re.IGNORECASE,
)
_MOVE_VERB_BEFORE = re.compile(
    r"\b(?:rose|fell|gained|lost|dropped|jumped|climbed|slid|slipped|surged|tumbled|plunged|"
    r"shed|added|declined|advanced|rallied|sank|up|down)\s+$",
    re.IGNORECASE,
)
# "four times higher", "three times as many": a ratio; "scored four times": a count.
_RATIO_AFTER = re.compile(
    r"\s+(?:as\b|the\b|that\b|more\b|less\b|fewer\b|over\b|\w+er\b)", re.IGNORECASE
)


def _settled_unit(text: str, figure: ProposedFigure) -> ProposedFigure:
    """The unit the context gives: index levels in points, tallies of points and times as
    plain counts."""
    before = text[max(0, figure.start - 140) : figure.start]
    if figure.unit is None and figure.counts is None and figure.value is not None:
        level = not figure.value.is_integer() or figure.value >= 1000
        if level and not figure.vague and _INDEX_BEFORE.search(before):
            return dataclasses.replace(figure, unit="point")
        return figure
    if (
        figure.unit == "point"
        and not _INDEX_BEFORE.search(before)
        and not _MOVE_BEFORE.search(before[-30:])
    ):
        return dataclasses.replace(figure, unit=None, counts=figure.counts or "points")
    if figure.unit == "point per game":
        return dataclasses.replace(figure, unit="per game", counts=figure.counts or "points")
    if figure.unit == "time" and not _RATIO_AFTER.match(text, figure.end, figure.end + 12):
        return dataclasses.replace(figure, unit=None, counts=figure.counts or "times")
    return figure


def _designation(text: str, figure: ProposedFigure) -> bool:
    """'the 13-inch MacBook Pro', 'a 2-liter four-cylinder', '10-year notes': a measure that
    names a product, an engine or an instrument."""
    if "-" not in figure.text:
        return False
    if figure.unit == "litre" and _ENGINE_AFTER.match(text, figure.end, figure.end + 20):
        return True
    if figure.unit in ("year", "month", "week", "day") and _INSTRUMENT_AFTER.match(
        text, figure.end, figure.end + 20
    ):
        return True
    return figure.unit == "inch" and bool(_NAMED_AFTER.match(text, figure.end, figure.end + 3))


def _part_of_unit(text: str, match: re.Match[str], end: int) -> ProposedFigure:
    """'a half century' -> 50 years, 'a quarter-point' -> 0.25 percentage point."""
    part = _PART_VALUES[match.group("part").lower()]
    whole = re.sub(r"[\s-]+", " ", match.group("whole").lower())
    if whole == "century":
        value, unit = part * 100, "year"
    elif whole.endswith("point"):
        value, unit = part, "percentage point"
    else:
        value, unit = part, UNIT_WORDS[whole]
    figure = _finish(text, match.start(), match.end(), value, unit, end)
    approximate = bool(_APPROXIMATE.search(text, max(0, match.start() - 20), match.start()))
    return dataclasses.replace(figure, approximate=approximate)


# A word and its hyphen: where a compound of a number word can start.
_HYPHENED_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)-")
_NUMBER_WORDS = frozenset([*UNITS_WORDS, *SCALES])


def _word_compound_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """_WORD_COMPOUND matches, tried only where a number word meets a hyphen: a plain scan of
    words with hyphens, then a set look-up, is far cheaper than the full pattern everywhere."""
    for hyphened in _HYPHENED_WORD.finditer(text, start, end):
        if hyphened.group(1).lower() in _NUMBER_WORDS:
            match = _WORD_COMPOUND.match(text, hyphened.start(), end)
            if match:
                yield match


def _word_compound(text: str, match: re.Match[str], end: int) -> ProposedFigure | None:
    """'three-hour' -> 3 hours, 'one-game' -> 1, 'ten-year-old' -> an age of 10 years."""
    head = match.group("head").lower()
    value = parse_word_number(match.group("num"))
    if value is None or parse_word_number(head) is not None or head in _NOT_COMPOUND_HEADS:
        return None
    if match.group("num").lower() in ("hundred", "thousand", "million", "billion", "trillion"):
        return None  # "million-year-old" after a number the main grammar reads
    if value == 1 and head in _NOT_ONE_HEADS:
        return None
    if value == 0 or _INSTRUMENT_AFTER.match(text, match.end(), match.end() + 20):
        return None
    unit = None if head in _UNITLESS_HEADS else UNIT_WORDS.get(head)
    figure = _finish(text, match.start(), match.end(), value, unit, end)
    approximate = bool(_APPROXIMATE.search(text, max(0, match.start() - 20), match.start()))
    return dataclasses.replace(figure, approximate=approximate)


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
    # "rose 64.06 points to 4,577.10": a move and the level it reached
    change = _is_change(before, link.group(1))
    return not change and not _MOVE_VERB_BEFORE.search(before)


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


# "400 737 Max jets": a count, then a model number, not four hundred thousand.
_COUNT_THEN_MODEL = re.compile(r"(\d{1,3}) \d{3}$")


def _amount_figures(text: str, match: re.Match[str], end: int) -> list[ProposedFigure]:
    split = _COUNT_THEN_MODEL.fullmatch(match.group("first"))
    if split and match.group("second") is None and MODEL_AFTER.match(text, match.end()):
        count = read_amount(split.group(1))
        figure = count and _figure(
            text, Span(match.start(), match.start(1) + len(split.group(1))), count, None, end
        )
        return [figure] if figure else []
    first = read_amount(match.group("first"))
    second = read_amount(match.group("second")) if match.group("second") else None
    rejected = _rejection(text, match, first, second)
    if rejected == "date" or (rejected and second is None):
        return []
    if rejected and match.group("link") in ("-", "–") and second and second.unit is None:
        return []  # "Boeing 787-9 jets": the dash joins the parts of one designation
    if rejected or first is None:  # (no first number is always rejected; said for mypy)
        # "in 2019 and 2,000 people": the year goes, the second number stays
        return [f for f in (_second_alone(text, match, second, end),) if f]
    if second is None or not _is_range(text, match, first, second):
        head = _limited(match, "first")
        later = _second_alone(text, match, second, end, first)
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
    if is_age_bound(text, start, stop, match.end(), second is not None):
        return "date"  # "aged 18 to 25", "children under 5": who, not how many
    if second is not None and DATE_AFTER.match(text[match.end() : match.end() + 14]):
        return "date"  # "on 8 and 13 October", "the 8-13 October talks": a list of days
    span_of_years = second is None or second.looks_like_year or second.value < 100
    if first.looks_like_year and match.group("link") in ("-", "–", "/") and span_of_years:
        return "date"  # "2013-14", "2019-2020": a span of years
    if SCORE.match(text, start, start + 40) or _bare_pair(text, match, first, second):
        return "date"  # "a 3-2 win", "won 4-3 in overtime": a score, neither figure counts
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


_VOTE_BEFORE = re.compile(
    r"\b(?:votes?|voted|voting|tally|ballots?|passed|approved|rejected)\b[^.;!?]{0,30}$",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")


def _bare_pair(text: str, match: re.Match[str], first: Amount, second: Amount | None) -> bool:
    """'won 4-3', 'improved to 12-8', 'it was 1-1': two small whole numbers joined by a dash
    with no unit and no counted noun are a score or a record, not a range (a range says
    what it counts: '10-15 people', '10-15 minutes')."""
    if second is None or first.unit or second.unit or not _PAIR.fullmatch(match.group()):
        return False
    if _VOTE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return False  # "the vote was 52-48": a tally, two counts
    stop = match.end()
    return unit_after(text, stop, stop + 30) is None and counted_noun(text, stop, stop + 40) is None


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
    text: str, match: re.Match[str], second: Amount | None, end: int, first: Amount | None = None
) -> ProposedFigure | None:
    if second is None:
        return None
    span = _limited(match, "second")
    written = match.group("second").strip()
    # "from 1000 to 2000 hires": the end of a change from a plain number is no year either
    plain_pair = first is not None and not first.looks_like_year and match.group("link") == "to"
    if not plain_pair and is_year(written, second, text, span.start, span.end):
        return None  # "between 2014 and 2017"
    if second.unit is None and MODEL_AFTER.match(text, span.end):
        return None  # "the iPhone 11 and 11 Pro": a model name
    return _figure(text, span, second, None, end)


def _limited(match: re.Match[str], group: str) -> Span:
    return Span(match.start(group), match.end(group))


def _figure(
    text: str, span: Span, amount: Amount, high: Amount | None, end: int
) -> ProposedFigure | None:
    unit, stop = amount.unit, span.end
    age = _age_before(text, span.start)
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


def _age_before(text: str, start: int) -> bool:
    """'aged 45', 'over the age of 21': cheap tests first (white space, then the word before
    it), since a table of numbers asks this of each of its many numbers."""
    low = max(0, start - 16)
    if start == low or not text[start - 1].isspace():
        return False
    if not text[low:start].rstrip().lower().endswith(("aged", "of", "ages")):
        return False
    return _AGE_BEFORE.search(text, low, start) is not None


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
    return not _is_change(before, link) and second.value >= first.value


def _is_change(before: str, link: str) -> bool:
    """Whether the words before 'X to Y' make it a change from X to Y."""
    if _CHANGE_BEFORE.search(before):
        return True
    from_x = link.lower() == "to" and _FROM_BEFORE.search(before)
    return bool(from_x) and not _RANGE_FROM.search(before)
