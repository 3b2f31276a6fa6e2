"""Marking a carried question answered, and spotting what may answer it.

A passage may answer a question when it is about the same things: the same people,
places and organisations (capitalised names, acronyms) and the same figures. Two shared
names, or a name and a number, is the bar: one shared name ("Russia") is every article of
a story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from app import edits
from app.extraction import Extraction
from app.models import Briefing, Item, Question, QuestionStatus, Source
from app.proposals import all_proposals, proposal_key

_NAME = re.compile(r"\b[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)*|\b\d[\d,.]*\d|\b\d\b")
# Capitalised words that start sentences or questions rather than name anything.
_NOT_NAMES = frozenset(
    "A An The This That These Those It Its He She They We I You What Who Whom Whose Which "
    "When Where Why How Is Are Was Were Will Would Can Could Should Do Does Did Has Have Had "
    "If In On At For From But And Or Not No Yes Mr Mrs Ms Dr".split()
)


def mark_answered(briefing: Briefing, question_id: str, item_id: str, on: dt.date) -> Briefing:
    """The question answered by the item: status, the answering item and the date."""
    question = edits.find_item(briefing, question_id)
    if not isinstance(question, Question):
        raise edits.EditError("Only a question can be marked answered.")
    if item_id == question_id:
        raise edits.EditError("A question cannot answer itself.")
    edits.find_item(briefing, item_id)  # EditError when the item is gone
    return edits.update_item(
        briefing,
        question_id,
        status=QuestionStatus.ANSWERED,
        answered_by=item_id,
        answered_on=on,
    )


def mark_open(briefing: Briefing, question_id: str) -> Briefing:
    """The question open again, its answer forgotten."""
    question = edits.find_item(briefing, question_id)
    if not isinstance(question, Question):
        raise edits.EditError("Only a question can be opened again.")
    return edits.update_item(
        briefing, question_id, status=QuestionStatus.OPEN, answered_by="", answered_on=None
    )


def carried_questions(briefing: Briefing) -> list[Question]:
    """The open questions a follow-up carried from the briefing before."""
    carried_ids = set(briefing.previous.question_ids) if briefing.previous else set()
    return [
        item
        for item in briefing.items()
        if isinstance(item, Question)
        and item.status is QuestionStatus.OPEN
        and (item.carried > 0 or item.id in carried_ids)
    ]


def answer_hints(
    briefing: Briefing, source: Source, extraction: Extraction
) -> dict[str, tuple[str, ...]]:
    """For each proposal of a new article, the carried open questions it may answer."""
    if briefing.previous and source.id == briefing.previous.source_id:
        return {}  # the previous briefing's own digest restates the questions
    index = _QuestionIndex(carried_questions(briefing))
    if not index.questions:
        return {}
    hints = {}
    for proposal in all_proposals(extraction):
        found = index.answered_by(source.text[proposal.start : proposal.end])
        if found:
            hints[proposal_key(source, proposal)] = found
    return hints


def hints_for_item(briefing: Briefing, item: Item) -> tuple[str, ...]:
    """The carried open questions an item of the briefing may answer."""
    if isinstance(item, Question):
        return ()
    return _QuestionIndex(carried_questions(briefing)).answered_by(_item_text(item))


def _item_text(item: Item) -> str:
    parts = [getattr(item, name, "") for name in ("content", "speaker", "text", "counts")]
    return " ".join(p for p in parts if isinstance(p, str))


def names(text: str) -> set[str]:
    """The names and numbers a passage mentions, normalised for matching."""
    found = set()
    for match in _NAME.finditer(text):
        words = [w for w in match.group().split() if w not in _NOT_NAMES]
        name = " ".join(words).replace("’", "'").removesuffix("'s").replace(",", "")
        if name and (len(name) > 1 or name.isdigit()):
            found.add(name.lower())
            found.update(w.lower() for w in words if len(words) > 1 and len(w) > 3)
    return found


class _QuestionIndex:
    """The questions' names, indexed once so each passage is matched in one pass."""

    def __init__(self, questions: Iterable[Question]) -> None:
        self.questions = list(questions)
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._numbers: dict[str, set[str]] = {}
        for question in self.questions:
            mentioned = names(question.text)
            self._numbers[question.id] = {n for n in mentioned if n[0].isdigit()}
            for name in mentioned:
                self._by_name[name].append(question.id)

    def answered_by(self, passage: str) -> tuple[str, ...]:
        shared: dict[str, set[str]] = defaultdict(set)
        for name in names(passage):
            for question_id in self._by_name.get(name, ()):
                shared[question_id].add(name)
        return tuple(q for q, common in shared.items() if _enough(common))


def _enough(common: set[str]) -> bool:
    """Two shared names, or a name and a number."""
    numbers = sum(1 for name in common if name[0].isdigit())
    words = len(common) - numbers
    return words >= 2 or (words >= 1 and numbers >= 1)
