"""A light (start, end) pair for the extractor's inner loops, where building validated
pydantic ranges would cost a fifth of the run time."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end
