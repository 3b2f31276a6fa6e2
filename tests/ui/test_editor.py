"""The briefing editor in the real window: reorder, edit, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ui.briefing_model import UNFAITHFUL_ROLE, BriefingModel
from ui.main_window import MainWindow


def sample_with_figures(win: MainWindow) -> list[str]:
    win.open_sample()
    win.proposals.accept_all("figure")
    return [i.text for i in win.briefing.sections[1].items]


def figure_texts(win: MainWindow) -> list[str]:
    return [i.text + str(i.value) for i in win.briefing.sections[1].items]


def test_the_model_passes_qt_model_checks(window: MainWindow, qtmodeltester) -> None:
    sample_with_figures(window)
    window.proposals.accept_all("statement")
    qtmodeltester.check(BriefingModel(window.document), force_py=True)


def test_reorder_with_the_keyboard(window: MainWindow, qtbot) -> None:
    sample_with_figures(window)
    before = figure_texts(window)
    tree = window.editor.tree
    tree.setFocus()
    window.editor.select_item(window.briefing.sections[1].items[0].id)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert figure_texts(window) == [before[1], before[0], *before[2:]]
    qtbot.wait(10)  # the selection follows the moved item after the model reset
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert figure_texts(window) == [before[1], before[2], before[0], *before[3:]]
    qtbot.wait(10)
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert figure_texts(window) == [before[1], before[0], *before[2:]]


def test_move_to_another_section(window: MainWindow, monkeypatch) -> None:
    sample_with_figures(window)
    moved = window.briefing.sections[1].items[4]
    notes = window.briefing.sections[3]
    window.editor.select_item(moved.id)
    monkeypatch.setattr(window.editor, "_ask_section", lambda: notes.id)
    window.editor.move_to_action.trigger()
    assert window.briefing.sections[3].items == (moved,)
    assert len(window.briefing.sections[1].items) == 4


def drop(win: MainWindow, item_ids: list[str], target_row_rect_point: QPoint) -> None:
    """Deliver a drop to the tree's viewport as Qt's drag machinery would."""
    model = win.editor.model
    indexes = [model.index_of_item(i) for i in item_ids]
    mime: QMimeData = model.mimeData(indexes)
    viewport = win.editor.tree.viewport()
    for kind in (QDragEnterEvent, QDragMoveEvent):
        arguments = (
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        try:  # Qt 6.12 takes a QPointF (and deprecates QPoint); earlier releases a QPoint
            event = kind(target_row_rect_point.toPointF(), *arguments)
        except TypeError:
            event = kind(target_row_rect_point, *arguments)
        QApplication.sendEvent(viewport, event)
    event = QDropEvent(
        target_row_rect_point.toPointF(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def test_reorder_by_drag_and_drop(window: MainWindow, qtbot) -> None:
    sample_with_figures(window)
    before = figure_texts(window)
    items = window.briefing.sections[1].items
    tree = window.editor.tree
    target = tree.visualRect(window.editor.model.index_of_item(items[1].id))
    # Drop the last figure onto the upper part of the second: it lands before it.
    drop(window, [items[4].id], QPoint(target.center().x(), target.top() + 2))
    assert figure_texts(window) == [before[0], before[4], before[1], before[2], before[3]]
    # Drop the first figure on the 'Open questions' heading: it joins that section.
    heading = tree.visualRect(window.editor.model.index(2, 0))
    drop(window, [items[0].id], heading.center())
    assert window.briefing.sections[2].items[-1].id == items[0].id
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert figure_texts(window) == before


def test_edit_fields_typing_is_one_undo_step(window: MainWindow, qtbot) -> None:
    sample_with_figures(window)
    figure = window.briefing.sections[1].items[3]  # 1,271 per day
    window.editor.select_item(figure.id)
    unit = window.editor.item_editor.editors["unit"]
    counts = window.editor.item_editor.editors["counts"]
    unit.setFocus()
    unit.selectAll()
    qtbot.keyClicks(unit, "deaths per day")
    counts.setFocus()
    counts.selectAll()
    qtbot.keyClicks(counts, "Russian casualties")
    edited = window.briefing.sections[1].items[3]
    assert (edited.unit, edited.counts) == ("deaths per day", "Russian casualties")
    steps = window.document.undo_stack.count()
    window.undo_action.trigger()
    assert window.briefing.sections[1].items[3].unit == "deaths per day"
    assert window.briefing.sections[1].items[3].counts == figure.counts
    window.undo_action.trigger()
    assert window.briefing.sections[1].items[3] == figure
    assert unit.text() == figure.unit  # the editor shows the undone value
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.briefing.sections[1].items[3] == edited
    assert window.document.undo_stack.count() == steps


def test_a_bad_number_is_refused_with_a_message(window: MainWindow, qtbot) -> None:
    sample_with_figures(window)
    figure = window.briefing.sections[1].items[0]
    window.editor.select_item(figure.id)
    value = window.editor.item_editor.editors["value"]
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "lots")
    assert window.briefing.sections[1].items[0].value == figure.value
    assert "not a number" in window.editor.item_editor._message.text()


def test_paraphrased_quote_is_flagged(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    direct = next(i for i in window.briefing.sections[0].items if i.direct)
    window.editor.select_item(direct.id)
    index = window.editor.model.index_of_item(direct.id)
    assert index.data(UNFAITHFUL_ROLE) is False
    content = window.editor.item_editor.editors["content"]
    content.setFocus()
    content.selectAll()
    qtbot.keyClicks(content, "We have heard something like that")
    index = window.editor.model.index_of_item(direct.id)
    assert index.data(UNFAITHFUL_ROLE) is True
    assert index.data().startswith("⚠")
    assert "no longer matches" in window.editor.item_editor._message.text()
    verification = window.editor.item_editor.editors["verification"]
    verification.setCurrentText("disputed")
    assert window.briefing.sections[0].items[0].verification == "disputed"


def test_header_fields_and_undo_across_everything(window: MainWindow, qtbot) -> None:
    window.open_sample()
    start = window.briefing
    header = window.editor.header
    header.marking.setCurrentText("OFFICIAL-SENSITIVE")
    header.bottom_line.setFocus()
    qtbot.keyClicks(header.bottom_line, "Deployment is likely but unconfirmed.")
    header.date.setFocus()
    qtbot.keyClicks(header.date, "2024-10-17")
    header.title.setFocus()  # leaving the date field commits it
    window.proposals.accept_all("question")
    window.editor.select_item(window.briefing.sections[2].items[0].id)
    window.editor.delete_action.trigger()
    end = window.briefing
    assert (end.marking, end.date.isoformat()) == ("OFFICIAL-SENSITIVE", "2024-10-17")
    assert end.bottom_line == "Deployment is likely but unconfirmed."
    steps = window.document.undo_stack.count()
    assert steps == 5  # marking, bottom line (typed: one step), date, accept all, delete
    for _ in range(steps):
        window.undo_action.trigger()
    assert window.briefing == start and not window.isWindowModified()
    assert header.bottom_line.toPlainText() == ""
    for _ in range(steps):
        window.redo_action.trigger()
    assert window.briefing == end
