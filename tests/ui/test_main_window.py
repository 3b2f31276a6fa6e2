"""The real main window: opening, saving and the messages a user sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.storage import load_briefing
from tests.ui.conftest import wait_loaded
from tests.ui.proposals_view import group_texts, passage, row_index
from ui.main_window import MainWindow


def test_first_start_opens_the_sample_and_later_starts_do_not(
    qtbot, settings: QSettings, messages: list
) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_initial(None)
    assert first.reader.toPlainText().startswith("Are 10,000 North Korean troops")
    rows = group_texts(first)
    assert len(rows["Key statements"]) >= 8 and len(rows["Open questions"]) >= 8
    assert "proposed" in first.statusBar().currentMessage()
    assert not first.isWindowModified()  # the sample is not work the user could lose
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.open_initial(None)
    assert second.reader.toPlainText() == ""
    assert messages == []


def test_clicking_a_proposal_selects_its_passage(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    index = row_index(window, 2, 0)  # the first open question
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.textCursor().selectedText() == passage(index)


def test_open_article_through_the_menu(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "report.txt"
    article.write_text(
        "Border report 😀\n“We are ready,” the general said. Is it over?", encoding="utf-8"
    )
    monkeypatch.setattr(window, "_ask_open_path", lambda **_: article)
    window.open_action.trigger()
    wait_loaded(qtbot, window)
    assert window.reader.toPlainText() == article.read_text(encoding="utf-8")
    assert window.briefing.title == "Border report 😀"
    assert "Border report" in window.windowTitle()
    # the passage after an emoji is still found exactly (UTF-16 positions in Qt)
    window.proposals.tree.setCurrentIndex(row_index(window, 2, 0))
    assert window.reader.textCursor().selectedText() == "Is it over?"
    assert window.recent.paths() == [article.resolve()]


def test_save_close_and_reopen_the_same_briefing(
    window: MainWindow, qtbot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    window.editor.header.title.setFocus()
    qtbot.keyClicks(window.editor.header.title, " - for Monday")
    assert window.isWindowModified()
    target = tmp_path / "monday"
    monkeypatch.setattr(window, "_ask_save_path", lambda: target)
    window.save_as_action.trigger()
    saved = tmp_path / "monday.briefing"
    assert saved.exists() and window.path == saved and not window.isWindowModified()
    assert load_briefing(saved) == window.briefing
    assert window.windowTitle().startswith("monday.briefing")
    assert window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    recent = again.recent.paths()
    assert recent[0] == saved.resolve()
    assert again.open_path(recent[0])
    assert again.briefing == window.briefing
    assert again.briefing.title.endswith("- for Monday")
    assert len(again.briefing.sections[1].items) == 5
    assert again.reader.toPlainText() == window.reader.toPlainText()
    assert again.editor.header.title.text() == again.briefing.title


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
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    window.open_path(junk)
    wait_loaded(qtbot, window)
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


def test_several_articles_in_one_briefing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    second = tmp_path / "second.md"
    second.write_text("# Second report\n\nThe envoy said that talks would resume.\n")
    monkeypatch.setattr(window, "_ask_open_path", lambda **_: second)
    window.add_article_action.trigger()
    wait_loaded(qtbot, window)
    assert [s.title for s in window.briefing.sources][1] == "Second report"
    assert window.pane.sources.count() == 2
    assert window.reader.toPlainText().startswith("Second report")
    window.proposals.accept_all("statement")
    item = window.briefing.sections[0].items[0]
    window.pane.sources.activated.emit(0)  # the user picks the sample again
    assert window.reader.toPlainText().startswith("Are 10,000")
    window.editor.select_item(item.id)  # selecting the item brings its article back
    assert window.reader.toPlainText().startswith("Second report")
    assert window.reader.textCursor().selectedText() == item.content
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()  # the article is removed again
    qtbot.waitUntil(lambda: window.pane.sources.count() == 1)
    assert window.reader.toPlainText().startswith("Are 10,000")


def test_empty_clipboard_is_a_clear_message(window: MainWindow, messages: list) -> None:
    QGuiApplication.clipboard().setText("   ")
    window.paste_action.trigger()
    assert messages and "empty" in messages[0][1]


def test_reopen_with_another_encoding(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "cyr.txt"
    article.write_bytes("Министр сказал, что переговоры продолжатся.".encode("koi8-r"))
    window.open_path(article)
    wait_loaded(qtbot, window)
    monkeypatch.setattr("ui.file_dialogs.QInputDialog.getItem", lambda *args: ("koi8-r", True))
    window.reencode_action.trigger()
    wait_loaded(qtbot, window)
    assert window.reader.toPlainText() == "Министр сказал, что переговоры продолжатся."


def test_window_layout_is_remembered(qtbot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(1200, 800)
    first.splitter.setSizes([500, 300, 400])
    sizes = first.splitter.sizes()
    assert first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    # The offscreen test screen is small, so Qt clamps the restored size; the saved
    # geometry and the panes' proportions are what can be checked here.
    assert settings.value("window/geometry") == first.saveGeometry()
    assert settings.value("window/splitter") == first.splitter.saveState()
    assert second.splitter.sizes()[1:] == sizes[1:]  # the reader gave way to the small screen


ENTRY_POINT_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["briefing-builder"])

def look_and_quit():
    from ui.main_window import MainWindow
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    print("SEEN", shown[0].reader.toPlainText()[:20] if shown else None, flush=True)
    for window in shown:
        window.close()
    app.quit()

QTimer.singleShot(1500, look_and_quit)
from cli.main import main
sys.exit(main([sys.argv[1]]))
"""


def test_entry_point_opens_the_window_on_a_file(tmp_path: Path) -> None:
    # In a child process: the entry point runs the application's event loop, which a
    # process can run only once.
    root = Path(__file__).resolve().parents[2]
    sample = root / "resources" / "sample-article.txt"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(root),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT_CHILD, str(sample)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "SEEN Are 10,000 North Kor" in out.stdout
