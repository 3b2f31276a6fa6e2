"""A question's history across a series of briefings, in words."""

from __future__ import annotations

from app import edits
from app.layout.citation import item_sentence
from app.models import Briefing, Question, QuestionStatus

_ANSWER_CHARS = 110


def question_history(question: Question, briefing: Briefing) -> str:
    """'asked 17 Oct 2024 in North Korea and Ukraine by Sky News, carried twice; answered
    24 Oct 2024 by: ...' (empty for a question with no history)."""
    parts = []
    if question.asked_on or question.asked_by:
        asked = "asked"
        if question.asked_on:
            asked += f" {question.asked_on.day} {question.asked_on:%b %Y}"
        if question.asked_by:
            asked += f" by {question.asked_by}"
        parts.append(asked)
    if question.carried:
        parts.append(
            "carried " + ("once" if question.carried == 1 else f"{question.carried} times")
        )
    if question.status is QuestionStatus.ANSWERED:
        answer = ""
        try:
            answer = _shortened(
                item_sentence(edits.find_item(briefing, question.answered_by), briefing)
            )
        except edits.EditError:
            answer = "an item no longer in the briefing"
        when = (
            f" {question.answered_on.day} {question.answered_on:%b %Y}"
            if question.answered_on
            else ""
        )
        parts.append(f"answered{when} by: {answer}")
    return "; ".join(parts)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _ANSWER_CHARS else text[: _ANSWER_CHARS - 1].rstrip() + "…"
