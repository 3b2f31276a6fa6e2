"""Reviewing proposals and capturing passages by hand, in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models import Figure, Note, Question, Statement
from tests.ui.proposals_view import details, row_count, row_index
from ui.main_window import MainWindow
from ui.proposals_model import ROW_ROLE


def section_items(win: MainWindow, title: str) -> list:
    return next(s.items for s in win.briefing.sections if s.title == title)


def test_accept_one_of_each_kind_with_the_keyboard(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    tree.setFocus()
    for index in range(3):  # statements, figures, questions
        tree.setCurrentIndex(row_index(window, index, 0))
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    statement = section_items(window, "Key statements")[0]
    figure = section_items(window, "Key figures")[0]
    question = section_items(window, "Open questions")[0]
    assert isinstance(statement, Statement) and statement.speaker == "Volodymyr Zelenskyy"
    assert isinstance(figure, Figure) and figure.value == 10_000
    assert isinstance(question, Question) and question.text.endswith("Ukraine?")
    assert row_index(window, 0, 0).data().startswith("✓")
    assert window.isWindowModified()
    assert window.document.undo_stack.count() == 3


def test_accepting_moves_on_to_the_next_proposal(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    tree.setFocus()
    first, second = row_index(window, 1, 0), row_index(window, 1, 1)
    second_passage = second.data(ROW_ROLE).proposal
    tree.setCurrentIndex(first)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert tree.currentIndex().data(ROW_ROLE).proposal == second_passage


def test_reject_hides_and_restore_brings_back(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    count = row_count(window, 2)
    tree.setFocus()
    tree.setCurrentIndex(row_index(window, 2, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert row_count(window, 2) == count - 1
    assert len(window.briefing.rejected) == 1
    window.proposals.show_rejected.setChecked(True)
    assert row_count(window, 2) == count
    rejected = row_index(window, 2, 0)
    assert rejected.data().startswith("✗") and rejected.data(Qt.ItemDataRole.FontRole).strikeOut()
    tree.setCurrentIndex(rejected)
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    assert window.briefing.rejected == ()
    window.undo_action.trigger()  # undo the restore: rejected again
    assert len(window.briefing.rejected) == 1


def test_accept_all_of_one_kind(window: MainWindow) -> None:
    window.open_sample()
    extraction = window.reviews.extraction(window.current_source.id)
    window.proposals.accept_all_actions["question"].trigger()
    assert len(section_items(window, "Open questions")) == len(extraction.questions)
    assert section_items(window, "Key statements") == ()
    window.proposals.accept_all_actions["question"].trigger()  # nothing left to accept
    assert len(section_items(window, "Open questions")) == len(extraction.questions)
    assert window.document.undo_stack.count() == 1


def test_clicking_a_highlight_selects_its_proposal(window: MainWindow, qtbot) -> None:
    window.open_sample()
    text = window.current_source.text
    offset = text.index("1,271")
    cursor = window.reader.textCursor()
    cursor.setPosition(offset + 2)
    rect = window.reader.cursorRect(cursor)
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.proposals.tree.currentIndex()
    assert current.data(ROW_ROLE).proposal.text == "1,271"


def select_in_reader(win: MainWindow, passage: str) -> None:
    start = win.current_source.text.index(passage)
    win.reader.select_range(start, start + len(passage))


def test_add_a_selection_by_hand_with_shortcuts(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.reader.setFocus()
    select_in_reader(window, "large amounts of ammunition")
    qtbot.keyClick(window.reader, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    note = section_items(window, "Notes")[0]
    assert isinstance(note, Note) and note.text == "large amounts of ammunition"
    select_in_reader(window, "I think that's a really interesting point,")
    qtbot.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    statement = section_items(window, "Key statements")[0]
    assert statement.speaker and statement.cue == "said" and statement.direct
    select_in_reader(window, "1,271")
    qtbot.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    figure = section_items(window, "Key figures")[0]
    assert (figure.value, figure.unit) == (1271.0, "per day")
    assert window.editor.current_item_id() == figure.id  # ready to edit at once


def test_capture_without_a_selection_explains_itself(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.briefing.items() == ()
    assert "Select some text" in window.statusBar().currentMessage()


def test_find_in_the_article(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.find_action.trigger()
    field = window.pane.find_bar.field
    assert window.pane.find_bar.isVisible() and field.hasFocus()
    qtbot.keyClicks(field, "Rutte")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.textCursor().selectedText() == "Rutte"
    qtbot.keyClicks(field, "xyz")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.pane.find_bar.result.text() == "Not found"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not window.pane.find_bar.isVisible()


def test_a_vague_figure_is_reviewed_and_accepted_as_a_range(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    vague = next(
        row_index(window, 1, i)
        for i in range(row_count(window, 1))
        if row_index(window, 1, i).data().startswith("thousands of")
    )
    assert details(vague).startswith("≈\u00a01,000–10,000 · ")
    tree.setFocus()
    tree.setCurrentIndex(vague)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    figure = section_items(window, "Key figures")[0]
    assert (figure.value, figure.value_high, figure.approximate) == (1000, 10_000, True)
    # The briefing tree lists it as the exports print it.
    model = window.editor.tree.model()
    figures_row = model.index(1, 0)  # the "Key figures" section
    label = model.index(0, 0, figures_row).data()
    assert label.startswith("≈\u00a01,000–10,000 — North Korean troops")
