"""Turning the extractor's proposals into briefing items, and naming them for rejection."""

from __future__ import annotations

from typing import Any

from app.anchors import make_anchor
from app.extraction import Extraction, ProposedFigure, ProposedQuestion, ProposedStatement
from app.extraction.roles import introduce_speaker
from app.models import (
    Briefing,
    Figure,
    Item,
    Question,
    QuestionKind,
    Source,
    Statement,
    VerificationStatus,
    default_sections,
    passage_key,
)

Proposal = ProposedStatement | ProposedFigure | ProposedQuestion

_KINDS = {ProposedStatement: "statement", ProposedFigure: "figure", ProposedQuestion: "question"}


def proposal_kind(proposal: Proposal) -> str:
    return _KINDS[type(proposal)]


def proposal_key(source: Source, proposal: Proposal) -> str:
    """A stable name for a proposal: the same article and passage give the same key."""
    return passage_key(proposal_kind(proposal), source.id, proposal.start, proposal.end)


def item_from_proposal(source: Source, proposal: Proposal) -> Item:
    """The briefing item an accepted proposal becomes, anchored to its passage."""
    anchor = make_anchor(source, proposal.start, proposal.end)
    if isinstance(proposal, ProposedStatement):
        # The briefing names the speaker as the article introduces them: with the role the
        # article gives ("the Ukrainian president") and "the" before a body ("the Pentagon").
        # The extraction itself keeps the bare name its contract asks for.
        speaker = introduce_speaker(source.text, proposal.speaker or "")
        return Statement(
            anchor=anchor,
            content=proposal.text,
            speaker=speaker.name,
            speaker_role=speaker.role,
            cue=proposal.cue or "",
            direct=proposal.direct,
            verification=VerificationStatus.CLAIMED,
            hedged=proposal.hedged,
        )
    if isinstance(proposal, ProposedFigure):
        return figure_from_proposal(proposal, anchor=anchor)
    return Question(
        anchor=anchor,
        text=proposal.text,
        question_kind=QuestionKind(proposal.kind),
    )


def figure_from_proposal(proposal: ProposedFigure, **fields: Any) -> Figure:
    """The Figure a proposed figure becomes, with fields (anchor, id) added."""
    return Figure(
        text=proposal.text,
        value=proposal.value,
        value_high=proposal.value_high,
        unit=proposal.unit or "",
        counts=proposal.counts or "",
        approximate=proposal.approximate,
        asserted_by=proposal.asserted_by or "",
        hedged=proposal.hedged,
        verification=(
            VerificationStatus.UNCONFIRMED if proposal.unconfirmed else VerificationStatus.CLAIMED
        ),
        **fields,
    )


def accepted_keys(source: Source, items: tuple[Item, ...], proposals: list[Proposal]) -> set[str]:
    """Keys of proposals already in the briefing (same kind and passage), so they show as taken."""
    taken = {
        (item.kind, item.anchor.start, item.anchor.end)
        for item in items
        if item.anchor is not None and item.anchor.source_id == source.id
    }
    return {
        proposal_key(source, p) for p in proposals if (proposal_kind(p), p.start, p.end) in taken
    }


def all_proposals(extraction: Extraction) -> list[Proposal]:
    """Every proposal of an extraction: statements, then figures, then questions."""
    return [*extraction.statements, *extraction.figures, *extraction.questions]


def briefing_from_article(source: Source, extraction: Extraction) -> Briefing:
    """The briefing a first-time user gets by accepting every proposal of one article."""
    sections = default_sections()
    items = [item_from_proposal(source, p) for p in all_proposals(extraction)]
    filled = tuple(
        section.model_copy(update={"items": tuple(i for i in items if i.kind in section.kinds)})
        for section in sections
    )
    return Briefing(title=source.title, sections=filled, sources=(source,))
