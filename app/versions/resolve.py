"""The analyst's answer to a flagged item: take the newer wording, or keep the version
the item cites. Both are plain edits of the briefing (undoable like any other)."""

from __future__ import annotations

from typing import Any

from app import edits
from app.anchors import make_anchor
from app.capture import capture
from app.extraction import Extraction
from app.models import Briefing, Figure, Item, Note, Question, Statement
from app.proposals import Proposal, item_from_proposal

# What an item takes from its passage; the analyst's own fields (note, grades,
# verification, figure groups, question status) stay as they are.
_FROM_PASSAGE: dict[type, tuple[str, ...]] = {
    Statement: ("content", "speaker", "speaker_role", "cue", "direct", "hedged"),
    Figure: (
        "text",
        "value",
        "value_high",
        "unit",
        "counts",
        "approximate",
        "as_of",
        "asserted_by",
        "hedged",
    ),
    Question: ("text", "question_kind"),
    Note: ("text",),
}


def keep_cited_version(briefing: Briefing, item_id: str) -> Briefing:
    """The item keeps citing the version it was taken from; its flag goes."""
    return edits.update_item(briefing, item_id, passage_change=None)


def use_new_wording(
    briefing: Briefing, item_id: str, extraction: Extraction | None = None
) -> Briefing:
    """The item cites its passage in the newer version, its words read again from there
    (as a proposal of the newer text, when extraction of it is given and one covers the
    passage). EditError if the item has no changed passage to take."""
    item = edits.find_item(briefing, item_id)
    change = item.passage_change
    source = briefing.source(item.anchor.source_id) if item.anchor else None
    if change is None or change.status != "changed" or source is None:
        raise edits.EditError("the item has no new wording to take")
    if change.version != source.version or change.end > len(source.text):
        raise edits.EditError("the article has changed again since; check for updates again")
    fresh = _read_again(item, source, extraction, change.start, change.end)
    update: dict[str, Any] = {
        name: getattr(fresh, name)
        for name in _FROM_PASSAGE[type(item)]
        if getattr(fresh, name) not in ("", None) or name in ("direct", "hedged", "approximate")
    }
    update |= {"anchor": make_anchor(source, change.start, change.end), "passage_change": None}
    if isinstance(item, Statement):
        update["wording"] = ""  # the analyst's sentence was written from the old words
    return edits.update_item(briefing, item_id, **update)


def _read_again(
    item: Item, source: Any, extraction: Extraction | None, start: int, end: int
) -> Item:
    """The item as the newer passage gives it."""
    proposal = _covering_proposal(item, extraction, start, end)
    if proposal is not None:
        return item_from_proposal(source, proposal)
    try:
        return capture(source, extraction, start, end, item.kind)
    except ValueError:
        return item


def _covering_proposal(
    item: Item, extraction: Extraction | None, start: int, end: int
) -> Proposal | None:
    """The newer text's proposal of the item's kind that covers most of the passage (at
    least half of it), if any."""
    if extraction is None or isinstance(item, Note):
        return None
    proposals: tuple[Proposal, ...]
    if isinstance(item, Statement):
        proposals = tuple(extraction.statements)
    elif isinstance(item, Figure):
        proposals = tuple(extraction.figures)
    else:
        proposals = tuple(extraction.questions)
    best, best_overlap = None, 0
    for proposal in proposals:
        overlap = min(end, proposal.end) - max(start, proposal.start)
        if overlap > best_overlap:
            best, best_overlap = proposal, overlap
    return best if best is not None and 2 * best_overlap >= max(1, end - start) else None
