"""What changed since the briefing this one follows: figures new or changed, questions
answered, and how many remain open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.compare import counted_key
from app.follow_up.answers import carried_questions
from app.models import Briefing, Figure, Item, Question, QuestionStatus


@dataclass(frozen=True, slots=True)
class SinceLast:
    previous_title: str = ""
    previous_date: dt.date | None = None
    new_figures: tuple[Figure, ...] = ()
    changed_figures: tuple[tuple[Figure, Figure], ...] = ()  # (before, now)
    answered: tuple[tuple[Question, Item | None], ...] = ()
    still_open: int = 0
    new_questions: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.new_figures or self.changed_figures or self.answered or self.still_open)


def changes_since_last(briefing: Briefing) -> SinceLast:
    """The difference between this follow-up and the briefing before it (empty for a
    briefing that follows none)."""
    previous = briefing.previous
    if previous is None:
        return SinceLast()
    before: dict[str, list[Figure]] = {}
    for figure in previous.figures:
        before.setdefault(_key(figure), []).append(figure)
    new, changed = [], []
    for figure in (i for i in briefing.items() if isinstance(i, Figure)):
        if figure.anchor is None or figure.anchor.source_id == previous.source_id:
            continue
        olds = before.get(_key(figure))
        if not olds:
            new.append(figure)
        elif all(_value(old) != _value(figure) for old in olds):
            # Changed only when no figure of the same count had this value before: the
            # last briefing may have given both "thousands" and "10,000".
            changed.append((olds[0], figure))
    items = {item.id: item for item in briefing.items()}
    carried_ids = set(previous.question_ids)
    questions = [i for i in briefing.items() if isinstance(i, Question)]
    answered = tuple(
        (q, items.get(q.answered_by))
        for q in questions
        if (q.id in carried_ids or q.carried) and q.status is QuestionStatus.ANSWERED
    )
    return SinceLast(
        previous_title=previous.title,
        previous_date=previous.date,
        new_figures=tuple(new),
        changed_figures=tuple(changed),
        answered=answered,
        still_open=len(carried_questions(briefing)),
        new_questions=sum(1 for q in questions if q.id not in carried_ids and not q.carried),
    )


def _value(figure: Figure) -> tuple[float | None, float | None]:
    return figure.value, figure.value_high


def _key(figure: Figure) -> str:
    return counted_key(figure.counts, figure.unit) or f"text:{figure.text.lower()}"
