"""The review of one article: its proposals as plain rows, and what the user made of each.

A ReviewSession is the one owner of everything about an article under review that is not
in the briefing itself: the file it was read from and the extractor's proposals. Whether a
proposal is accepted or rejected is read from the briefing (its items and its rejected
keys), so undo and redo never leave the review out of step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.extraction import Extraction, ProposedFigure, ProposedQuestion, ProposedStatement
from app.layout.wording import value_range
from app.models import Briefing, Item, Source
from app.proposals import Proposal, item_from_proposal, proposal_key

PROPOSAL_KINDS = ("statement", "figure", "question")
GROUP_TITLES = {
    "statement": "Key statements",
    "figure": "Figures",
    "question": "Open questions",
}


class ReviewState(StrEnum):
    OPEN = "to review"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """One proposal as the review lists it: its key, kind and what it says."""

    key: str
    kind: str
    proposal: Proposal
    start: int
    end: int

    def describe(self) -> tuple[str, str]:
        return describe(self.proposal)


@dataclass
class ReviewSession:
    """One article under review: where it came from and what the extractor proposed."""

    source_id: str
    path: Path | None = None  # the file the article was read from (None: pasted, sample)
    extraction: Extraction | None = None  # None until the extractor has run
    rows: dict[str, tuple[ProposalRow, ...]] = field(default_factory=dict)
    text: str = ""  # the text the proposals were found in (undo may bring back another)

    # Derived once per extraction, so states() after each decision costs set operations.
    _all_open: dict[str, ReviewState] = field(default_factory=dict, repr=False)
    _by_passage: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)

    def set_extraction(self, source: Source, extraction: Extraction) -> None:
        self.extraction = extraction
        self.rows = proposal_rows(source, extraction)
        self.text = source.text
        every = [row for rows in self.rows.values() for row in rows]
        self._all_open = dict.fromkeys((row.key for row in every), ReviewState.OPEN)
        self._by_passage = {(row.kind, row.start, row.end): row.key for row in every}

    def is_extracted(self, source: Source) -> bool:
        """True when the proposals held are those of source's text as it is now."""
        return self.extraction is not None and self.text == source.text

    def states(self, briefing: Briefing) -> dict[str, ReviewState]:
        """Each proposal's state in briefing: accepted when an item of its kind sits on its
        passage, else rejected when the user rejected it, else open."""
        states = self._all_open.copy()
        _mark_decisions(states, self._by_passage, self.source_id, briefing)
        return states

    def row(self, key: str) -> ProposalRow | None:
        return next((r for rows in self.rows.values() for r in rows if r.key == key), None)


def proposal_rows(source: Source, extraction: Extraction) -> dict[str, tuple[ProposalRow, ...]]:
    """Every proposal of extraction as a row, grouped by kind in the extractor's order."""
    lists: dict[str, Sequence[Proposal]] = {
        "statement": extraction.statements,
        "figure": extraction.figures,
        "question": extraction.questions,
    }
    return {
        kind: tuple(ProposalRow(proposal_key(source, p), kind, p, p.start, p.end) for p in found)
        for kind, found in lists.items()
    }


def _mark_decisions(
    states: dict[str, ReviewState],
    by_passage: Mapping[tuple[str, int, int], str],
    source_id: str,
    briefing: Briefing,
) -> None:
    # Set operations, not a loop per row: an article can have tens of thousands of
    # proposals, and this runs after every decision.
    states.update(dict.fromkeys(set(briefing.rejected).intersection(states), ReviewState.REJECTED))
    taken = taken_passages(source_id, briefing)
    accepted = (by_passage[span] for span in taken.intersection(by_passage))
    states.update(dict.fromkeys(accepted, ReviewState.ACCEPTED))


def taken_passages(source_id: str, briefing: Briefing) -> set[tuple[str, int, int]]:
    """(kind, start, end) of every item anchored in the article source_id."""
    return {
        (item.kind, anchor.start, anchor.end)
        for section in briefing.sections
        for item in section.items
        if (anchor := item.anchor) is not None and anchor.source_id == source_id
    }


def shown_rows(
    rows: Sequence[ProposalRow], states: Mapping[str, ReviewState], *, show_rejected: bool
) -> list[ProposalRow]:
    """The rows a review lists: rejected ones only when asked for."""
    if show_rejected:
        return list(rows)
    return [r for r in rows if states.get(r.key) is not ReviewState.REJECTED]


def group_title(kind: str, shown: Sequence[ProposalRow], states: Mapping[str, ReviewState]) -> str:
    """'Figures (3 to review, 10 shown)'."""
    waiting = sum(1 for r in shown if states.get(r.key, ReviewState.OPEN) is ReviewState.OPEN)
    return f"{GROUP_TITLES[kind]} ({waiting} to review, {len(shown)} shown)"


def open_rows(rows: Iterable[ProposalRow], states: Mapping[str, ReviewState]) -> list[ProposalRow]:
    """The rows still waiting for a decision."""
    return [r for r in rows if states.get(r.key, ReviewState.OPEN) is ReviewState.OPEN]


def narrowest_at(rows: Iterable[ProposalRow], offset: int) -> ProposalRow | None:
    """The row whose passage holds offset and is shortest (a figure inside a quote)."""
    holding = [r for r in rows if r.start <= offset < r.end]
    return min(holding, key=lambda r: r.end - r.start) if holding else None


def items_from_rows(source: Source, rows: Iterable[ProposalRow]) -> list[Item]:
    """The briefing items accepted rows become, anchored to their passages."""
    return [item_from_proposal(source, row.proposal) for row in rows]


def describe(proposal: Proposal) -> tuple[str, str]:
    """(the passage on one line, its fields) as the review lists a proposal."""
    if isinstance(proposal, ProposedStatement):
        who = proposal.speaker or "unattributed"
        how = "direct" if proposal.direct else "reported"
        details = f"{who} · {proposal.cue} ({how})" if proposal.cue else f"{who} · {how}"
        return one_line(proposal.text), details
    if isinstance(proposal, ProposedFigure):
        # Written as the exports write it ("≈ 1,000–10,000"), so review shows what prints.
        value = value_range(proposal.value, proposal.value_high, approximate=proposal.approximate)
        parts = [value or "?", proposal.unit or "", proposal.counts or ""]
        return proposal.text, " · ".join(p for p in parts if p)
    assert isinstance(proposal, ProposedQuestion)
    return one_line(proposal.text), proposal.kind


def one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
