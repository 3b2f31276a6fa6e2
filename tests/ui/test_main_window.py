"""The real main window, driven as a user drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.storage import load_briefing
from ui.main_window import MainWindow


def proposal_rows(win: MainWindow) -> dict[str, list[str]]:
    rows = {}
    for index in range(win.proposals.topLevelItemCount()):
        group = win.proposals.topLevelItem(index)
        rows[group.text(0).split(" (")[0]] = [
            group.child(i).text(0) for i in range(group.childCount())
        ]
    return rows


def test_first_start_opens_the_sample_and_later_starts_do_not(
    qtbot, settings: QSettings, messages: list
) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_initial(None)
    assert first.reader.toPlainText().startswith("Are 10,000 North Korean troops")
    rows = proposal_rows(first)
    assert len(rows["Key statements"]) >= 8 and len(rows["Open questions"]) >= 8
    assert "Sample" in first.statusBar().currentMessage() or "sample" in (
        first.statusBar().currentMessage()
    )
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.open_initial(None)
    assert second.reader.toPlainText() == ""
    assert messages == []


def test_clicking_a_proposal_selects_its_passage(window: MainWindow, qtbot) -> None:
    window.open_sample()
    group = window.proposals.topLevelItem(2)  # open questions
    item = group.child(0)
    rect = window.proposals.visualItemRect(item)
    qtbot.mouseClick(window.proposals.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.textCursor().selectedText() == item.text(0)


def test_open_article_through_the_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "report.txt"
    article.write_text(
        "Border report 😀\n“We are ready,” the general said. Is it over?", encoding="utf-8"
    )
    monkeypatch.setattr(window, "_ask_open_path", lambda: article)
    window.open_action.trigger()
    assert window.reader.toPlainText() == article.read_text(encoding="utf-8")
    assert window.briefing.title == "Border report 😀"
    assert "Border report" in window.windowTitle()
    # the passage after an emoji is still found exactly (UTF-16 positions in Qt)
    questions = window.proposals.topLevelItem(2)
    window.proposals.setCurrentItem(questions.child(0))
    assert window.reader.textCursor().selectedText() == "Is it over?"


def test_save_and_reopen_the_same_briefing(
    window: MainWindow, qtbot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    target = tmp_path / "monday"
    monkeypatch.setattr(window, "_ask_save_path", lambda: target)
    window.save_as_action.trigger()
    saved = tmp_path / "monday.briefing"
    assert saved.exists() and window.path == saved
    assert load_briefing(saved) == window.briefing
    assert window.windowTitle().startswith("monday.briefing")
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.open_path(saved)
    assert again.briefing == window.briefing
    assert again.reader.toPlainText() == window.reader.toPlainText()


def test_damaged_briefing_gets_a_message_and_is_untouched(
    window: MainWindow, tmp_path: Path, messages: list
) -> None:
    window.open_sample()
    before = window.briefing
    damaged = tmp_path / "bad.briefing"
    damaged.write_bytes(b'{"format": "briefing-builder/briefing", "schema_version": 99}')
    assert not window.open_path(damaged)
    assert messages and "newer version" in messages[0][1]
    assert damaged.read_bytes().endswith(b"99}")
    assert window.briefing is before


def test_unreadable_article_gets_a_message(
    window: MainWindow, tmp_path: Path, messages: list
) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    assert not window.open_path(junk)
    assert messages and "junk.pdf" in messages[0][1]
    assert "Traceback" not in messages[0][1]


def test_paste_article_and_closing_asks_before_losing_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    QGuiApplication.clipboard().setText("Pasted headline\nThe mayor said that roads were shut.")
    window.paste_action.trigger()
    assert window.reader.toPlainText().startswith("Pasted headline")
    assert window.isWindowModified()
    asked: list[bool] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(window, "_ask_save_changes", cancel)
    assert not window.close()
    assert asked and window.isVisible()


def test_empty_clipboard_is_a_clear_message(window: MainWindow, messages: list) -> None:
    QGuiApplication.clipboard().setText("   ")
    window.paste_action.trigger()
    assert messages and "empty" in messages[0][1]


def test_reopen_with_another_encoding(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "cyr.txt"
    article.write_bytes("Министр сказал, что переговоры продолжатся.".encode("koi8-r"))
    window.open_path(article)
    monkeypatch.setattr("ui.main_window.QInputDialog.getItem", lambda *args: ("koi8-r", True))
    window.reencode_action.trigger()
    assert window.reader.toPlainText() == "Министр сказал, что переговоры продолжатся."


def test_entry_point_opens_the_window_on_a_file(qtbot) -> None:
    from cli.main import main

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample-article.txt"
    seen: list[str] = []

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.reader.toPlainText()[:20] for w in windows if w.isVisible())
        for w in windows:
            w.close()
        QApplication.quit()

    QTimer.singleShot(300, look_and_quit)
    assert main([str(sample)]) == 0
    assert "Are 10,000 North Kor" in seen
