"""Article → Properties… in the real window: every detail edited, saved and read back, undone;
a bad URL refused with a message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app.storage import load_briefing
from ui.main_window import MainWindow
from ui.source_dialog import SourceDialog


def while_open(win: MainWindow, qtbot, fill: Callable[[SourceDialog], None]) -> None:
    """Trigger Article → Properties… and let fill work the dialog as a user would."""
    done: list[bool] = []

    def work() -> None:
        dialog = win.article_properties.dialog
        assert dialog is not None and dialog.isVisible()
        try:
            fill(dialog)
        finally:
            done.append(True)
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, work)
    win.article_properties.action.trigger()
    assert done == [True]


def type_into(qtbot, dialog: SourceDialog, name: str, text: str) -> None:
    field = dialog.fields[name]
    field.setFocus()
    field.selectAll()
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)


def click_ok(qtbot, dialog: SourceDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


NEW_DETAILS = {
    "outlet": "Example News",
    "title": "North Korean troops in Kursk",
    "author": "Jane Reporter",
    "published": "2024-10-17",
    "url": "https://news.example.com/world/korea-123",
    "accessed": "2024-10-18",
}


def test_properties_edit_every_detail_and_undo_restores_them(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    before = window.current_source
    assert before is not None and window.article_properties.action.isEnabled()
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    assert window.article_properties.action in article_menu.actions()

    def fill(dialog: SourceDialog) -> None:
        assert dialog.fields["title"].text() == before.title
        assert dialog.origin.isReadOnly() and dialog.origin.text()
        for name, text in NEW_DETAILS.items():
            type_into(qtbot, dialog, name, text)
        click_ok(qtbot, dialog)

    while_open(window, qtbot, fill)
    after = window.current_source
    assert after is not None and after.id == before.id and after.text == before.text
    assert (after.outlet, after.title, after.author) == (
        "Example News",
        "North Korean troops in Kursk",
        "Jane Reporter",
    )
    assert after.published == dt.date(2024, 10, 17)
    assert after.url == "https://news.example.com/world/korea-123"
    assert after.retrieved is not None and after.retrieved.date() == dt.date(2024, 10, 18)
    assert "North Korean troops in Kursk — Example News" in window.pane.sources.currentText()

    monkeypatch.setattr(window, "_ask_save_path", lambda: tmp_path / "details.briefing")
    assert window.save()
    reread = load_briefing(tmp_path / "details.briefing").sources[0]
    assert (reread.outlet, reread.url, reread.published) == (
        "Example News",
        "https://news.example.com/world/korea-123",
        dt.date(2024, 10, 17),
    )

    assert window.document.undo_stack.undoText() == "Edit article properties"
    window.undo_action.trigger()  # one step puts every detail back
    assert window.current_source == before


def test_emptied_dates_are_kept_empty(window: MainWindow, qtbot) -> None:
    window.open_sample()

    def fill(dialog: SourceDialog) -> None:
        type_into(qtbot, dialog, "published", "")
        type_into(qtbot, dialog, "accessed", "")
        click_ok(qtbot, dialog)

    while_open(window, qtbot, fill)
    source = window.current_source
    assert source is not None and source.published is None and source.retrieved is None


def test_a_bad_url_is_refused_with_a_message(window: MainWindow, qtbot) -> None:
    window.open_sample()
    before = window.briefing

    def fill(dialog: SourceDialog) -> None:
        type_into(qtbot, dialog, "outlet", "Example News")
        type_into(qtbot, dialog, "url", "ftp://files.example.com/story")
        click_ok(qtbot, dialog)
        assert dialog.isVisible()  # still open, with what was typed
        assert dialog.problem.isVisible()
        assert "http:// or https://" in dialog.problem.text()
        assert dialog.focusWidget() is dialog.fields["url"]  # the field to fix, selected
        assert dialog.fields["outlet"].text() == "Example News"
        type_into(qtbot, dialog, "published", "17/10/2024")
        type_into(qtbot, dialog, "url", "")
        click_ok(qtbot, dialog)
        assert dialog.isVisible() and "YYYY-MM-DD" in dialog.problem.text()
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
            Qt.MouseButton.LeftButton,
        )

    while_open(window, qtbot, fill)
    assert window.briefing is before  # nothing changed, nothing to undo
    assert window.document.undo_stack.count() == 0


def test_properties_need_an_article(window: MainWindow) -> None:
    assert window.current_source is None
    assert not window.article_properties.action.isEnabled()
    window.open_sample()
    assert window.article_properties.action.isEnabled()
