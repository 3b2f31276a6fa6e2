"""Proportions written as fractions or ratios: '1/2 pound', '2½ miles', 'one in five adults'.

A slash fraction counts only when it reads as a part of a whole: the numerator is smaller
than a denominator that names parts (halves to sixteenths), and no further slash or digit
follows, so dates ('9/11', '1/2/2024') and round-the-clock hours ('24/7') stay out. A ratio
('one in five', 'nine out of 10') is read as the share it states, 0.2 or 0.9: that is the
number a meeting compares.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.extraction.numbers import NUMBER_WORD, parse_whole_number

VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}

_SLASH = re.compile(
    r"(?<![\w/.,$£€¥-])(?:(?P<whole>\d{1,4})(?:\s+|-))?(?P<num>\d{1,2})/(?P<den>\d{1,2})"
    r"(?![\w/]|[.,]\d)"
)
# Denominators that name parts of a whole in prose (halves to sixteenths); '9/11' is a date.
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16})
_VULGAR = re.compile("[" + "".join(VULGAR) + "]")
_WHOLE_BEFORE = re.compile(r"(?<![\w.,])(\d{1,4})\s?$")
_SMALL = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
# Found from its 'in' or 'out of', which are rarer starting points than any number.
_RATIO = re.compile(
    rf"\s(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>{_SMALL})"
    r"(?=\s+(?:of\s+)?[^\W\d])(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b)",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(rf"(?<![\w.,-])(?P<part>{_SMALL})$", re.IGNORECASE)


def proportions(text: str, start: int, end: int) -> Iterator[tuple[int, int, float]]:
    """(start, end, value) of each fraction or ratio in text[start:end]."""
    if text.find("/", start, end) != -1:
        yield from _slash_fractions(text, start, end)
    for match in _VULGAR.finditer(text, start, end):
        whole = _WHOLE_BEFORE.search(text, max(start, match.start() - 6), match.start())
        begin = whole.start() if whole else match.start()
        yield begin, match.end(), int(whole.group(1) if whole else 0) + VULGAR[match.group()]
    for match in _RATIO.finditer(text, start, end):
        part = _PART_BEFORE.search(text, max(start, match.start() - 12), match.start())
        if part is None:
            continue
        numerator = parse_whole_number(part.group("part"))
        denominator = parse_whole_number(match.group("whole"))
        if numerator is not None and denominator and numerator < denominator:
            yield part.start(), match.end(), numerator / denominator


def _slash_fractions(text: str, start: int, end: int) -> Iterator[tuple[int, int, float]]:
    for match in _SLASH.finditer(text, start, end):
        numerator, denominator = int(match.group("num")), int(match.group("den"))
        if 0 < numerator < denominator and denominator in _DENOMINATORS:
            whole = int(match.group("whole") or 0)
            yield match.start(), match.end(), whole + numerator / denominator
