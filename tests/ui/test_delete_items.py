"""Deleting items taken from proposals: they stay out until the analyst brings them back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def figures_in(window: MainWindow) -> list[str]:
    return [i.id for i in window.briefing.items() if i.kind == "figure"]


def accept_all_figures(window: MainWindow, qtbot) -> None:
    window.proposals.accept_all_actions["figure"].trigger()
    qtbot.waitUntil(lambda: bool(figures_in(window)), timeout=10_000)


def test_deleted_items_are_not_brought_back_by_accept_all(window: MainWindow, qtbot) -> None:
    window.open_sample()
    accept_all_figures(window, qtbot)
    taken = figures_in(window)
    assert len(taken) >= 3
    before = window.briefing
    window.editor.select_item(taken[0])
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert taken[0] not in figures_in(window)
    assert len(window.briefing.rejected) == len(before.rejected) + 1  # set aside, not lost

    window.proposals.accept_all_actions["figure"].trigger()
    qtbot.wait(200)
    assert len(figures_in(window)) == len(taken) - 1

    window.document.undo_stack.undo()  # one step: the item and its proposal come back
    assert window.briefing == before
