"""Files dropped onto the real window: articles are added (several at once, each undoable),
a .briefing opens (asking about unsaved work first), anything else gets a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.models import Briefing, default_sections
from app.storage import save_briefing
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow

ARTICLE = """{title}

By Jane Doe, Defence Reporter
12 March 2025

The ministry said on Tuesday that {count} engineers had arrived at the northern port to
repair the damaged harbour wall, a week after the storm closed it to shipping.

"We expect the first ferries to sail again within ten days," a spokesperson said, adding
that the cost of the repairs was not yet known.

Local officials warned that fishing boats would have to use the southern quay until the
work was finished.
"""


def write_article(folder: Path, name: str, title: str, count: int) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(title=title, count=count), encoding="utf-8")
    return path


def drop(target: QWidget, paths: list[Path | str]) -> bool:
    """Drag paths over target and drop them, as a file manager does; True if taken."""
    mime = QMimeData()
    mime.setUrls([QUrl(p) if isinstance(p, str) else QUrl.fromLocalFile(str(p)) for p in paths])
    point = target.rect().center()
    buttons, no_keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, mime, buttons, no_keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(QPoint(point)), actions, mime, buttons, no_keys)
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()


def wait_for_drops(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.writing.drops.pending() == 0 and not window.is_loading(), timeout=30_000
    )
    wait_loaded(qtbot, window)


def test_several_dropped_articles_are_added_one_undo_step_each(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    first = write_article(tmp_path, "harbour.txt", "Harbour wall to be repaired", 40)
    second = write_article(tmp_path, "ferries.md", "Ferries to sail again soon", 55)
    assert window.acceptDrops()
    assert drop(window.proposals, [first, second])  # over any pane: the window takes it
    qtbot.waitUntil(lambda: len(window.briefing.sources) == 2, timeout=30_000)
    wait_for_drops(qtbot, window)
    titles = sorted(source.title for source in window.briefing.sources)
    assert titles == ["Ferries to sail again soon", "Harbour wall to be repaired"]
    window.undo_action.trigger()
    assert [s.title for s in window.briefing.sources] == ["Harbour wall to be repaired"]


def test_dropped_articles_join_a_briefing_already_in_work(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    window.open_sample()
    before = len(window.briefing.sources)
    article = write_article(tmp_path, "harbour.txt", "Harbour wall to be repaired", 40)
    assert drop(window, [article])
    qtbot.waitUntil(lambda: len(window.briefing.sources) == before + 1, timeout=30_000)
    assert window.document.undo_stack.undoText() == "Add article"


def test_a_folder_or_unsupported_file_gets_a_clear_message(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    folder = tmp_path / "clippings"
    folder.mkdir()
    odd = tmp_path / "photo.jpeg"
    odd.write_bytes(b"\xff\xd8\xff")
    article = write_article(tmp_path, "harbour.txt", "Harbour wall to be repaired", 40)
    assert drop(window, [folder, odd, article, "https://example.org/story"])
    qtbot.waitUntil(lambda: messages != [])
    title, text = messages[0]
    assert title == "Some dropped files cannot be used"
    assert "clippings (a folder: drop the files inside it)" in text
    assert "photo.jpeg (not a type Briefing Builder reads)" in text
    assert "https://example.org/story (not a file on this computer)" in text
    assert ".docx" in text and ".briefing" in text  # what can be dropped
    qtbot.waitUntil(lambda: len(window.briefing.sources) == 1, timeout=30_000)  # the rest
    assert window.briefing.sources[0].title == "Harbour wall to be repaired"


def test_a_dropped_briefing_opens_after_asking_about_unsaved_work(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "monday.briefing"
    save_briefing(Briefing(title="Monday brief", sections=default_sections()), saved)
    window.editor.header.title.setFocus()
    qtbot.keyClicks(window.editor.header.title, "Unsaved work")
    asked: list[bool] = []

    def answer(button: QMessageBox.StandardButton):
        def ask(_self: MainWindow) -> QMessageBox.StandardButton:
            asked.append(True)
            return button

        return ask

    monkeypatch.setattr(MainWindow, "_ask_save_changes", answer(QMessageBox.StandardButton.Cancel))
    assert drop(window, [saved])
    qtbot.waitUntil(lambda: asked == [True])
    assert window.briefing.title == "Unsaved work" and window.path is None
    monkeypatch.setattr(MainWindow, "_ask_save_changes", answer(QMessageBox.StandardButton.Discard))
    assert drop(window, [saved])
    qtbot.waitUntil(lambda: window.path == saved)
    assert window.briefing.title == "Monday brief" and asked == [True, True]


def test_a_briefing_cannot_be_dropped_together_with_articles(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    saved = tmp_path / "monday.briefing"
    save_briefing(Briefing(title="Monday brief", sections=default_sections()), saved)
    article = write_article(tmp_path, "harbour.txt", "Harbour wall to be repaired", 40)
    assert drop(window, [saved, article])
    qtbot.waitUntil(lambda: messages != [])
    assert "Drop one briefing on its own" in messages[0][1]
    assert window.path is None and window.briefing.sources == ()


def test_text_dragged_without_files_is_left_to_the_fields(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
