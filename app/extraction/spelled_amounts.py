"""Amounts spelled with an article or a fraction: 'a million', 'a dozen', 'half a million',
'a quarter of a billion', 'two and a half years', 'one and a half million dollars'.

The digit-and-number-word grammar of `amounts` reads 'two hundred and fifty'; these forms
join a number word with 'a' or with a fraction word, which that grammar cannot, so they are
found first and the plain grammar skips what they cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from app.extraction.numbers import NUMBER_WORD, parse_whole_number

_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_PARTS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_PART_OF = {
    "half": 0.5,
    "half of": 0.5,
    "a quarter of": 0.25,
    "one quarter of": 0.25,
    "three quarters of": 0.75,
    "three-quarters of": 0.75,
    "a third of": 1 / 3,
    "two thirds of": 2 / 3,
    "two-thirds of": 2 / 3,
}
_SCALE = r"(?P<scale>dozen|hundred|thousand|million|billion|trillion)"


@cache
def _spelled() -> re.Pattern[str]:
    """The full pattern, compiled at its first use (~2 ms): many articles never need it."""
    return re.compile(
        # "half a million", "a quarter of a billion"
        r"\b(?P<part_of>half(?:\s+of)?|(?:a|one)\s+quarter\s+of|three[\s-]quarters\s+of|"
        rf"a\s+third\s+of|two[\s-]thirds\s+of)\s+an?\s+{_SCALE}\b"
        # "two and a half", "1 and a half million", "five-and-a-half years"
        rf"|(?<![\w.,-])(?P<whole>\d{{1,3}}|{NUMBER_WORD})[\s-]+and[\s-]+an?[\s-]+"
        r"(?P<part>half|quarter|third)"
        r"(?:\s+(?P<and_scale>hundred|thousand|million|billion|trillion))?\b"
        # "a million", "a dozen"
        rf"|\b(?P<article>an?)\s+(?P<lone_scale>dozen|hundred|thousand|million|billion|trillion)\b"
        r"(?!\s+and\b)",
        re.IGNORECASE,
    )


# Every spelled amount holds one of these words. Looking for them first (in lower case: a
# case-blind alternation scans ten times slower) and trying the full pattern only around
# them keeps the cost of a paragraph close to one quick scan.
_KEY = re.compile(r"(?:dozen|hundred|thousand|million|billion|trillion|half|quarter|third)\b")
_KEY_ANY_CASE = re.compile(_KEY.pattern, re.IGNORECASE)
_REACH_BEFORE = 32
_REACH_AFTER = 24


def spelled_amounts(
    text: str, start: int, end: int, lowered: str | None = None
) -> Iterator[tuple[int, int, float]]:
    """(start, end, value) of each amount spelled with an article or a fraction; lowered is
    `spans.lower_case_copy(text)` when the caller has it."""
    done = start
    keys = (
        _KEY.finditer(lowered, start, end)
        if lowered is not None
        else _KEY_ANY_CASE.finditer(text, start, end)
    )
    for key in keys:
        key_start, key_end = key.span()
        if key_start < done:
            continue
        position, stop = max(done, key_start - _REACH_BEFORE), min(end, key_end + _REACH_AFTER)
        spelled = _spelled()
        while (match := spelled.search(text, position, stop)) and match.start() <= key_start:
            if match.end() > key_start:
                value = _value(match)
                if value is not None:
                    yield match.start(), match.end(), value
                done = match.end()
                break
            position = match.end()


def _value(match: re.Match[str]) -> float | None:
    if match.group("part_of"):
        part = _PART_OF[re.sub(r"\s+", " ", match.group("part_of").lower())]
        return part * _SCALES[match.group("scale").lower()]
    if match.group("whole"):
        whole = parse_whole_number(match.group("whole"))
        if whole is None:
            return None
        scale = _SCALES[match.group("and_scale").lower()] if match.group("and_scale") else 1
        return (whole + _PARTS[match.group("part").lower()]) * scale
    return float(_SCALES[match.group("lone_scale").lower()])
