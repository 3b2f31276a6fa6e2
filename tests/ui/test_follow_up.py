"""Follow-up briefings in the real window: New Follow-up Briefing, hints on proposals,
Mark Answered By with undo and redo, and the result saved and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from app.models import Question, QuestionStatus, Statement
from app.storage import load_briefing
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow

UPDATE = (
    "Pentagon: troops reached Kursk\n\n"
    "Western officials in the UK and the US confirmed on Monday that North Korean troops "
    "had reached Kursk, the Pentagon said.\n\n"
    "Wheat prices rose by 3% in Chicago."
)


def _briefing_with_questions(window: MainWindow, tmp_path: Path) -> Path:
    """The sample, its questions accepted, one answered and one dropped, saved."""
    window.open_sample()
    window.proposals.accept_all("question")
    window.document.apply("Title", window.briefing.model_copy(update={"title": "NK week 1"}))
    questions = [i for i in window.briefing.items() if isinstance(i, Question)]
    assert len(questions) >= 3
    section = next(s for s in window.briefing.sections if "question" in s.kinds)
    updated = [
        q.model_copy(update={"status": QuestionStatus.ANSWERED})
        if n == 0
        else q.model_copy(update={"status": QuestionStatus.DROPPED})
        if n == 1
        else q
        for n, q in enumerate(section.items)
    ]
    sections = tuple(
        s.model_copy(update={"items": tuple(updated)}) if s.id == section.id else s
        for s in window.briefing.sections
    )
    window.document.apply("Statuses", window.briefing.model_copy(update={"sections": sections}))
    path = tmp_path / "week-1.briefing"
    _save(window, path)
    return path


def _save(window: MainWindow, path: Path) -> None:
    window._ask_save_path = lambda: path  # type: ignore[method-assign]
    assert window.save_as()


def test_a_follow_up_carries_the_open_questions_and_answers_one(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = _briefing_with_questions(window, tmp_path)
    old_open = [
        q.text
        for q in load_briefing(path).items()
        if isinstance(q, Question) and q.status is QuestionStatus.OPEN
    ]
    window.follow_up.today = lambda: dt.date(2024, 10, 24)

    window.follow_up.new_follow_up_action.trigger()

    new = window.briefing
    carried = [q for q in new.items() if isinstance(q, Question)]
    assert [q.text for q in carried] == old_open
    assert all(q.carried == 1 and q.asked_by == "Sky News" for q in carried)
    assert new.previous is not None and new.previous.file_name == "week-1.briefing"
    assert [s.title for s in new.sources] == ["NK week 1"]
    assert window.path is None  # a new file: Save asks for its name
    assert "carried" in window.statusBar().currentMessage()

    # A new article: the proposal about the troops may answer the carried question.
    article = tmp_path / "update.txt"
    article.write_text(UPDATE, encoding="utf-8")
    window.open_path(article, add=True)
    wait_loaded(qtbot, window)
    model = window.proposals.model
    hinted = [r for r in model.shown() if model.may_answer(r.key)]
    assert hinted, "a proposal naming Western officials, the UK and the US should be hinted"
    assert all("Wheat" not in r.proposal.text for r in hinted)
    index = model.index_of_key(hinted[0].key)
    assert "may answer" in model.data(index.siblingAtColumn(1), Qt.ItemDataRole.DisplayRole)

    window.accept_proposals([r for r in hinted if r.kind == "statement"][:1])
    qtbot.waitUntil(lambda: any(isinstance(i, Statement) for i in window.briefing.items()))
    answer = next(i for i in window.briefing.items() if isinstance(i, Statement))
    question = next(
        q
        for q in window.briefing.items()
        if isinstance(q, Question) and q.status is QuestionStatus.OPEN
    )
    window.editor.select_item(question.id)
    assert window.follow_up.mark_answered_action.isEnabled()
    offered: list[list[tuple[str, str]]] = []

    def choose(_question: str, choices: list[tuple[str, str]]) -> str:
        offered.append(choices)
        return next(item_id for _, item_id in choices if item_id == answer.id)

    window.follow_up.ask_answer = choose
    window.follow_up.mark_answered_action.trigger()

    def status() -> QuestionStatus:
        return next(q for q in window.briefing.items() if q.id == question.id).status  # type: ignore[union-attr]

    assert status() is QuestionStatus.ANSWERED
    assert offered and offered[0][0][1] == answer.id  # the hinted item is offered first
    assert offered[0][0][0].startswith("★ may answer")
    assert window.document.undo_stack.undoText() == "Mark Question Answered"
    window.document.undo_stack.undo()
    assert status() is QuestionStatus.OPEN
    window.document.undo_stack.redo()
    assert status() is QuestionStatus.ANSWERED

    saved = tmp_path / "week-2.briefing"
    _save(window, saved)
    reread = next(q for q in load_briefing(saved).items() if q.id == question.id)
    assert isinstance(reread, Question)
    assert (reread.status, reread.answered_by, reread.answered_on) == (
        QuestionStatus.ANSWERED,
        answer.id,
        dt.date(2024, 10, 24),
    )

    window.editor.select_item(question.id)
    window.follow_up.mark_open_action.trigger()
    assert status() is QuestionStatus.OPEN


def test_mark_answered_with_nothing_selected_says_what_to_do(window: MainWindow) -> None:
    window.open_sample()
    window.follow_up.ask_mark_answered()
    assert "Select a question" in window.statusBar().currentMessage()
