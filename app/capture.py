"""Manual capture: any selected passage becomes an item, pre-filled where the rules can tell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from app.anchors import make_anchor
from app.extraction import Extraction
from app.extraction.figure_attribution import attribute_found_figures
from app.extraction.figures import find_figures
from app.extraction.roles import introduce_speaker
from app.models import (
    Anchor,
    Figure,
    Item,
    ItemKind,
    Note,
    Question,
    QuestionKind,
    Source,
    Statement,
    TextRange,
)
from app.proposals import item_from_proposal


class _Ranged(Protocol):
    """A proposal's place in the text."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Proposal = TypeVar("_Proposal", bound=_Ranged)
_QUOTE_MARKS = '"“”„«»'


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the white space around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def capture(
    source: Source, extraction: Extraction | None, start: int, end: int, kind: ItemKind
) -> Item:
    """An item of kind for source.text[start:end]; ValueError if the selection is empty."""
    start, end = trimmed(source.text, start, end)
    if start >= end:
        raise ValueError("Select some text in the article first.")
    anchor = make_anchor(source, start, end)
    passage = source.text[start:end]
    if kind == "statement":
        return _statement(anchor, passage, source.text, extraction, (start, end))
    if kind == "figure":
        return _figure(anchor, passage, source, extraction, start, end)
    if kind == "question":
        return _question(anchor, passage, extraction, start, end)
    return Note(anchor=anchor, text=passage)


def _statement(
    anchor: Anchor,
    passage: str,
    text: str,
    extraction: Extraction | None,
    span: tuple[int, int],
) -> Statement:
    start, end = span
    found = _best_overlap(extraction.statements if extraction else (), start, end)
    quoted = passage[0] in _QUOTE_MARKS or (
        start > 0 and anchor.prefix.endswith(tuple(_QUOTE_MARKS))
    )
    # The speaker as the article introduces them, with their role, as for a proposal.
    speaker = introduce_speaker(text, (found.speaker or "") if found else "")
    return Statement(
        anchor=anchor,
        content=passage,
        speaker=speaker.name,
        speaker_role=speaker.role,
        cue=(found.cue or "") if found else "",
        direct=found.direct if found else quoted,
    )


def _figure(
    anchor: Anchor,
    passage: str,
    source: Source,
    extraction: Extraction | None,
    start: int,
    end: int,
) -> Figure:
    # Who asserts it comes from the article's statements, as for a proposed figure.
    found = attribute_found_figures(
        source.text, find_figures(source.text, [TextRange(start=start, end=end)]), extraction
    )
    if not found:
        return Figure(anchor=anchor, text=passage)
    # The same conversion as an accepted proposal, but with the user's own passage.
    figure = item_from_proposal(source, found[0])
    assert isinstance(figure, Figure)  # a proposed figure always becomes one
    return figure.model_copy(update={"anchor": anchor, "text": passage})


def _question(
    anchor: Anchor, passage: str, extraction: Extraction | None, start: int, end: int
) -> Question:
    if passage.rstrip(_QUOTE_MARKS + "'’ )").endswith("?"):
        kind = QuestionKind.EXPLICIT
    else:
        found = _best_overlap(extraction.questions if extraction else (), start, end)
        kind = QuestionKind(found.kind) if found else QuestionKind.UNCERTAINTY
    return Question(anchor=anchor, text=passage, question_kind=kind)


def _best_overlap(proposals: Sequence[_Proposal], start: int, end: int) -> _Proposal | None:
    best, best_overlap = None, 0
    for proposal in proposals:
        overlap = min(end, proposal.end) - max(start, proposal.start)
        if overlap > best_overlap:
            best, best_overlap = proposal, overlap
    return best
