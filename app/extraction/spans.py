"""A light (start, end) pair for the extractor's inner loops, where building validated
pydantic ranges would cost a fifth of the run time."""

from __future__ import annotations

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
