"""What a comparison of several articles finds: figure groups, discrepancies, corroborations.

Plain value objects, made by app.compare and read by the window, the export and the
command line. Each figure or claim keeps the key of what it came from (an item's id in a
briefing, a proposal's passage key for bare articles) and its offsets, so every value
links back to its passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ClaimKind = Literal["statement", "figure", "question"]
Confirmation = Literal["", "confirmed", "denied"]


@dataclass(frozen=True, slots=True)
class FigureRef:
    """One figure taking part in a comparison."""

    key: str  # the item's id, or the proposal's passage key
    source_id: str
    source_name: str  # the article as a reader knows it: "Sky News, 17 Oct"
    text: str  # as written: "about 10,000"
    value: float | None
    value_high: float | None
    unit: str
    counts: str
    approximate: bool
    vague: bool  # "thousands of": only its lower end is claimed
    asserted_by: str  # who gives the figure in the article; "" for the article itself
    origin: str  # the independent origin: whom asserted_by cites, else asserted_by, else outlet
    start: int
    end: int
    group: str = ""  # the analyst's grouping ("" for the automatic one)


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures that count the same thing, from one or more articles."""

    key: str  # stable while the figures stay: what merge and split refer to
    label: str  # what they count, as a reader says it: "North Korean troops"
    unit: str
    figures: tuple[FigureRef, ...]
    discrepancy: bool  # the values disagree beyond their own vagueness
    discrepancy_note: str  # "10,000 and 12,000 differ by more than their rounding", or ""
    source_count: int  # articles the group's figures come from
    origin_count: int  # independent origins among them


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A statement, figure or unconfirmed claim taking part in a corroboration."""

    key: str
    source_id: str
    source_name: str
    kind: ClaimKind
    text: str
    origin: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Corroboration:
    """One claim as several articles carry it."""

    claims: tuple[ClaimRef, ...]
    independent: int  # distinct origins: "Reuters, citing the NIS" counts as the NIS
    of_sources: int  # articles compared in all
    confirmation: Confirmation = ""  # for an unconfirmed claim another article settles

    @property
    def label(self) -> str:
        """ "reported by 2 of 3 sources" """
        noun = "source" if self.of_sources == 1 else "sources"
        return f"reported by {self.independent} of {self.of_sources} {noun}"


@dataclass(frozen=True, slots=True)
class Comparison:
    groups: tuple[FigureGroup, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    source_count: int = 0

    @property
    def discrepancies(self) -> tuple[FigureGroup, ...]:
        return tuple(group for group in self.groups if group.discrepancy)

    def corroboration_of(self, key: str) -> Corroboration | None:
        """The corroboration an item or proposal takes part in, if any."""
        return next(
            (c for c in self.corroborations if any(claim.key == key for claim in c.claims)),
            None,
        )
