"""Figures whose unit or counted noun is left unsaid because a neighbour already said it.

English drops the repeated head of a coordinated or contrasted amount: "6 million homes,
including 1.5 million in the region", "rose 2 percent while the Nasdaq fell 1", "a 7- or
8-inch screen". A bare number in such a frame takes its unit and counted noun from the
amount that supplies them. The search stays inside one sentence and never crosses from a
percentage change to the level it leads to ("up 0.7% to 6,327": the level is not a percent).
"""

from __future__ import annotations

import dataclasses
import re

from app.extraction.types import ProposedFigure

_SENTENCE_BREAK = re.compile(r"[.!?;]\s|[.!?;]$")
_CHANGE_TO_LEVEL = re.compile(r"\s*(?:,\s*)?(?:to|at)\b", re.IGNORECASE)
_SUSPENDED = re.compile(r"^-?\s*(?:or|and|to)\s+$", re.IGNORECASE)
_MAX_GAP = 160
_PERCENTAGES = ("percent", "percentage point", "basis point")
# "level at 2-2": the same number twice is a tied score, never a range that lacks its unit.
_TIED_SCORE = re.compile(r"(\d{1,3})\s?[-–]\s?\1")


def carry_units(text: str, figures: list[ProposedFigure]) -> list[ProposedFigure]:
    """figures of one paragraph in text order, bare amounts completed from their neighbours."""
    completed = list(figures)
    donors_end = -1  # the furthest end of a figure so far that says its unit or noun
    for index, figure in enumerate(completed):
        if figure.unit is not None or figure.counts is not None or figure.value is None:
            donors_end = max(donors_end, figure.end) if _says_what(figure) else donors_end
            continue
        if _TIED_SCORE.fullmatch(figure.text):
            continue
        donor = _suspended_donor(text, completed, index)
        if donor is None and donors_end >= figure.start - _MAX_GAP:
            # (with no donor in reach, the walk back could only end empty: a table of bare
            # numbers skips it, instead of walking back over its last hundred numbers each)
            donor = _earlier_donor(text, completed, index)
        if donor is not None:
            completed[index] = dataclasses.replace(figure, unit=donor.unit, counts=donor.counts)
            donors_end = max(donors_end, figure.end) if _says_what(donor) else donors_end
    return completed


def _says_what(figure: ProposedFigure) -> bool:
    return figure.unit is not None or figure.counts is not None


def _suspended_donor(text: str, figures: list[ProposedFigure], index: int) -> ProposedFigure | None:
    """'7- or 8-inch', '10 or 12 miles': the unit written once, on the later number."""
    if index + 1 >= len(figures):
        return None
    figure, following = figures[index], figures[index + 1]
    if following.unit is None or not _SUSPENDED.match(text[figure.end : following.start]):
        return None
    return following


def _earlier_donor(text: str, figures: list[ProposedFigure], index: int) -> ProposedFigure | None:
    figure = figures[index]
    window = max(0, figure.start - _MAX_GAP)
    # The last sentence break before the figure, found once: no donor lies before it.
    boundary = max(
        (m.start() for m in _SENTENCE_BREAK.finditer(text, window, figure.start)), default=-1
    )
    for back in range(index - 1, -1, -1):  # no slice: a copy per figure would be quadratic
        earlier = figures[back]
        if earlier.end < window or earlier.end <= boundary:
            return None
        if earlier.unit is None and earlier.counts is None:
            continue
        if earlier.unit in _PERCENTAGES and _CHANGE_TO_LEVEL.match(text, earlier.end, figure.start):
            continue  # "climbed 0.1% to 1,333": look further back for the level's unit
        return earlier
    return None
