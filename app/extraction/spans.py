"""A light (start, end) pair for the extractor's inner loops, where building validated
pydantic ranges would cost a fifth of the run time."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


def lower_case_copy(text: str) -> str | None:
    """text.lower() when it keeps every offset, else None (a letter such as 'İ' lowers to
    two characters). Long pattern scans run case-sensitively over this copy: a case-blind
    scan costs about twice as much."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def contains_any(text: str, chars: str, start: int, end: int) -> bool:
    """Whether any of chars occurs in text[start:end]: a bisection in an index of where
    they occur, built once per text, so that asking it for many long overlapping ranges
    (every cue of a run-on sentence) costs no scan of each range."""
    positions = _positions_of(text, chars)
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


@lru_cache(maxsize=4)  # the texts being read now; a str caches its hash, so a hit is cheap
def _positions_of(text: str, chars: str) -> array[int]:
    found = re.finditer("[" + re.escape(chars) + "]", text)
    return array("q", (match.start() for match in found))
