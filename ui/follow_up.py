"""Follow-up briefings in the window: File → New Follow-up Briefing, and marking a carried
question answered by an item of the briefing (undoable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from app import edits
from app.follow_up import hints_for_item, mark_answered, mark_open, start_follow_up
from app.layout.citation import item_sentence
from app.models import Briefing, Question, QuestionStatus
from ui.briefing_editor import BriefingEditor
from ui.context import WindowContext

Today = Callable[[], dt.date]
# (label shown, item id) choices, hinted ones first -> the chosen id, or None on Cancel
AskAnswer = Callable[[str, list[tuple[str, str]]], str | None]
_LABEL_CHARS = 110


class FollowUpActions(QObject):
    """The commands of a series of briefings."""

    def __init__(
        self,
        context: WindowContext,
        editor: BriefingEditor,
        *,
        today: Today = dt.date.today,
    ) -> None:
        super().__init__(context.parent)
        self.context = context
        self.editor = editor
        self.today = today
        self.ask_answer: AskAnswer = self._ask_answer
        self.new_follow_up_action = self._action(
            "New &Follow-up Briefing…",
            "Start the next briefing of this series: same sections, marking and look, with "
            "the open questions carried over",
            self.new_follow_up,
        )
        self.mark_answered_action = self._action(
            "Mark &Answered By…",
            "Record which item of the briefing answers the selected question",
            self.ask_mark_answered,
        )
        self.mark_open_action = self._action(
            "Mark &Open Again", "The selected question is open again", self.mark_selected_open
        )
        for action in (self.mark_answered_action, self.mark_open_action):
            editor.tree.addAction(action)
        editor.item_selected.connect(lambda _id: self._update_enabled())
        context.document.changed.connect(lambda *_: self._update_enabled())
        self._update_enabled()

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.context.parent)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # ----- a new follow-up ----------------------------------------------------------------
    def new_follow_up(self) -> None:
        old = self.context.document.briefing
        if not self.context.may_discard_changes():
            return
        path = self.context.document.path
        name = path.name if path else "an unsaved briefing"
        new = start_follow_up(old, file_name=name, today=self.today())
        self.context.start_briefing(new)
        carried = len(new.previous.question_ids) if new.previous else 0
        noun = "question" if carried == 1 else "questions"
        title = old.title or "the briefing"
        self.context.messages.say(
            f"Follow-up of {title}: carried {carried} open {noun}. Add this week's articles.",
            8000,
        )

    # ----- answered questions -------------------------------------------------------------
    def _selected_question(self) -> Question | None:
        item_id = self.editor.current_item_id()
        if item_id is None:
            return None
        try:
            item = edits.find_item(self.context.document.briefing, item_id)
        except edits.EditError:
            return None
        return item if isinstance(item, Question) else None

    def _update_enabled(self) -> None:
        question = self._selected_question()
        self.mark_answered_action.setEnabled(question is not None)
        self.mark_open_action.setEnabled(
            question is not None and question.status is not QuestionStatus.OPEN
        )

    def ask_mark_answered(self) -> None:
        question = self._selected_question()
        if question is None:
            self.context.messages.say("Select a question in the briefing first.", 5000)
            return
        briefing = self.context.document.briefing
        choices = answer_choices(briefing, question)
        if not choices:
            self.context.messages.say(
                "The briefing holds no item that could answer it yet: accept or write one.",
                6000,
            )
            return
        item_id = self.ask_answer(question.text, choices)
        if item_id is None:
            return
        self.context.document.apply(
            "Mark Question Answered", mark_answered(briefing, question.id, item_id, self.today())
        )
        self.context.messages.say("Marked answered.", 4000)

    def mark_selected_open(self) -> None:
        question = self._selected_question()
        if question is None or question.status is QuestionStatus.OPEN:
            return
        briefing = self.context.document.briefing
        self.context.document.apply("Mark Question Open", mark_open(briefing, question.id))

    def _ask_answer(self, question: str, choices: list[tuple[str, str]]) -> str | None:
        labels = [label for label, _ in choices]
        label, ok = QInputDialog.getItem(
            self.context.parent,
            "Mark Answered By",
            f"Which item answers:\n{_short(question)}",
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return dict(choices).get(label)


def answer_choices(briefing: Briefing, question: Question) -> list[tuple[str, str]]:
    """The items that could answer the question, those that may (same names and figures)
    first and marked so."""
    choices: list[tuple[bool, str, str]] = []
    for item in briefing.items():
        if item.id == question.id or isinstance(item, Question):
            continue
        hinted = question.id in hints_for_item(briefing, item)
        label = ("★ may answer — " if hinted else "") + _short(item_sentence(item, briefing))
        choices.append((not hinted, label, item.id))
    choices.sort(key=lambda c: c[0])  # stable: hinted first, the briefing's order kept
    seen: set[str] = set()
    unique = []
    for _, label, item_id in choices:
        while label in seen:  # two identical sentences stay two choices
            label += " "
        seen.add(label)
        unique.append((label, item_id))
    return unique


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
