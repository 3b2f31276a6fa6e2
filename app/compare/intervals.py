"""What a figure claims as a range of values, and when two figures cannot both be right.

A figure is read as the interval its wording allows: "about 10,000" covers more than
"10,000", "more than 10,000" has no top, "thousands of" only claims its lower end. Two
figures disagree when their intervals do not meet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# An unmarked figure is still rounded by whoever reports it ("1,270" for 1,271, "10,000" for
# 9,800): one part in forty either side covers that rounding and the slips of relaying,
# while "10,000" and "10,600" still read as different counts.
UNMARKED_TOLERANCE = 0.025
# "about", "around", "some": a reader takes "about 10,000" for 8,500 to 11,500. Wide enough
# for rounding to one or two significant figures, narrow enough that "about 10,000" and
# "12,000" still disagree.
APPROXIMATE_TOLERANCE = 0.15
# "nearly 10,000" and "just over 10,000" lie close to the number on one side only: the same
# width, on that side.
NEAR_TOLERANCE = APPROXIMATE_TOLERANCE

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    # (kind, words at the end of the text before the number)
    (
        "at least",
        r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|exceeding|above|"
        r"no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|north\s+of",
    ),
    ("just over", r"just\s+(?:over|above|more\s+than)|slightly\s+(?:over|more\s+than)"),
    (
        "at most",
        r"up\s+to|as\s+many\s+as|(?:fewer|less)\s+than|under|below|at\s+most|"
        r"no\s+more\s+than|a\s+maximum\s+of|not\s+more\s+than",
    ),
    ("nearly", r"nearly|almost|close\s+to|just\s+(?:under|below|short\s+of)|approaching"),
    (
        "about",
        r"about|around|approximately|roughly|some|an\s+estimated|estimated|circa|c\.|"
        r"~|≈|or\s+so|perhaps|maybe",
    ),
)
_QUALIFIER_PATTERNS = tuple(
    (kind, re.compile(rf"\b(?:{words})\s*$" if words[0].isalpha() else rf"(?:{words})\s*$"))
    for kind, words in _QUALIFIERS
)
# Words as they are shown before a number in the comparison.
QUALIFIER_SHOWN = {
    "at least": "more than",
    "just over": "just over",
    "at most": "up to",
    "nearly": "nearly",
    "about": "about",
}


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float  # math.inf when only the lower end is claimed

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def qualifier_of(before: str, text: str) -> str:
    """The kind of hedge on a number ("about", "at least", ...) from the words before it
    (or inside the figure's own text, as an analyst may write it), else ""."""
    for piece in (before[-40:], _words_before_digits(text)):
        lowered = piece.lower()
        for kind, pattern in _QUALIFIER_PATTERNS:
            if pattern.search(lowered):
                return kind
    return ""


def _words_before_digits(text: str) -> str:
    match = re.match(r"\D*", text)
    return match.group() if match else ""


def figure_interval(
    *,
    value: float | None,
    value_high: float | None,
    vague: bool,
    approximate: bool,
    qualifier: str,
) -> Interval | None:
    """The values a figure allows, None for one without a value."""
    if value is None:
        return None
    if vague:  # "thousands of": at least a thousand, and no claim about the top
        return Interval(value, math.inf)
    if value_high is not None:  # a range as given, each end rounded as a single figure is
        width = APPROXIMATE_TOLERANCE if approximate else UNMARKED_TOLERANCE
        return Interval(_widened(value, -width), _widened(value_high, width))
    return _single(value, qualifier or ("about" if approximate else ""))


def _single(value: float, qualifier: str) -> Interval:
    if qualifier == "at least":
        return Interval(value, math.inf)
    if qualifier == "at most":
        return Interval(min(0.0, value), value)
    if qualifier == "nearly":
        return Interval(_widened(value, -NEAR_TOLERANCE), value)
    if qualifier == "just over":
        return Interval(value, _widened(value, NEAR_TOLERANCE))
    width = APPROXIMATE_TOLERANCE if qualifier == "about" else UNMARKED_TOLERANCE
    return Interval(_widened(value, -width), _widened(value, width))


def _widened(value: float, share: float) -> float:
    return value + abs(value) * share


@dataclass(frozen=True, slots=True)
class Bounded:
    """A figure's interval with the article it comes from."""

    index: int  # its place in the caller's list
    source_id: str
    interval: Interval


def disagreeing_pair(figures: Sequence[Bounded]) -> tuple[Bounded, Bounded] | None:
    """Two figures from different articles whose intervals do not meet (the lower first),
    or None. Linear: only the lowest tops and the highest bottoms can fail to meet."""
    lowest_tops = _two_from_different_sources(figures, key=lambda b: b.interval.high)
    highest_bottoms = _two_from_different_sources(figures, key=lambda b: -b.interval.low)
    for low in lowest_tops:
        for high in highest_bottoms:
            if low.source_id != high.source_id and low.interval.high < high.interval.low:
                return low, high
    return None


def _two_from_different_sources(
    figures: Sequence[Bounded], *, key: Callable[[Bounded], float]
) -> list[Bounded]:
    """The first figure by key, and the first from another article."""
    ordered = sorted(figures, key=key)
    if not ordered:
        return []
    first = ordered[0]
    other = next((b for b in ordered if b.source_id != first.source_id), None)
    return [first] if other is None else [first, other]
