"""Help → Keyboard Shortcuts in the real window: every menu command that has keys is listed,
with the keys as the platform writes them, and the list can be searched."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui import shortcuts
from ui.main_window import MainWindow
from ui.shortcut_list import ShortcutListDialog


def menu_actions_with_keys(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if isinstance(action.menu(), QMenu):
            found += menu_actions_with_keys(action.menu())  # type: ignore[arg-type]
        elif not action.shortcut().isEmpty():
            found.append(action)
    return found


def native(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def open_list(window: MainWindow, qtbot) -> ShortcutListDialog:
    action = window.writing.shortcut_list_action
    action.trigger()
    dialog = window.writing.shortcut_list
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_every_menu_command_with_keys_is_listed(window: MainWindow, qtbot) -> None:
    dialog = open_list(window, qtbot)
    rows = dialog.shown_rows()
    listed = {(command, keys) for command, keys, _where in rows}
    expected: list[tuple[str, str]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu_actions_with_keys(menu):
            name = action.text().replace("&", "").rstrip(".…")
            expected.append((name, ", ".join(native(k) for k in action.shortcuts())))
    assert len(expected) >= 20
    assert [pair for pair in expected if pair not in listed] == []
    for command, keys in [("Print", "Ctrl+P"), ("Copy", "Ctrl+C"), ("Export as PDF", "Ctrl+E")]:
        assert (command, keys) in listed
    assert ("Find Next", native(QKeySequence(shortcuts.FIND_NEXT))) in listed


def test_the_list_is_searched_by_command_or_key(window: MainWindow, qtbot) -> None:
    dialog = open_list(window, qtbot)
    everything = len(dialog.shown_rows())
    qtbot.keyClicks(dialog.search, "export")
    assert {row[0] for row in dialog.shown_rows()} == {"Export as PDF", "Export as Word"}
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ctrl+shift+e")
    assert [row[0] for row in dialog.shown_rows()] == ["Export as Word"]
    dialog.search.clear()
    assert len(dialog.shown_rows()) == everything


def test_the_list_opens_with_ctrl_slash_or_f1(window: MainWindow) -> None:
    action = window.writing.shortcut_list_action
    keys = [native(key) for key in action.shortcuts()]
    assert keys[0] == "Ctrl+/"
    assert all(native(key) in keys for key in QKeySequence.keyBindings(shortcuts.HELP))
    taken = [
        a
        for a in window.findChildren(QAction)
        if a is not action and any(k in action.shortcuts() for k in a.shortcuts())
    ]
    assert taken == []  # no other command has these keys


def test_undo_is_listed_as_undo_whatever_step_it_would_undo(window: MainWindow, qtbot) -> None:
    window.editor.header.title.setFocus()
    qtbot.keyClicks(window.editor.header.title, "Brief")
    assert window.undo_action.text() == "&Undo Edit title"  # the menu names the step
    commands = {command for command, _keys, _where in open_list(window, qtbot).shown_rows()}
    assert {"Undo", "Redo"} <= commands
    assert not any(command.startswith("Undo ") for command in commands)
