"""Fixtures for driving the real window: private settings and data folder, recorded boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.paths import DATA_DIR_VARIABLE
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-test data folder, so autosaves never touch the user's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the window showed, as (title, text); the boxes themselves never block."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "critical", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that leaves work unsaved must not hang on the 'Save changes?' question when
    pytest-qt closes its windows; a test that cares replaces the answer itself."""
    monkeypatch.setattr(
        MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard
    )
    monkeypatch.setattr(
        MainWindow, "_ask_recover", lambda self, found: QMessageBox.StandardButton.Ignore
    )
    # An information box (say, "Exported with warnings") would wait forever for a click
    # offscreen; tests that read them use the `messages` fixture.
    monkeypatch.setattr(
        QMessageBox, "information", lambda *_args, **_kwargs: QMessageBox.StandardButton.Ok
    )


@pytest.fixture
def window(qtbot, settings: QSettings, messages: list) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


def wait_loaded(qtbot, win: MainWindow) -> None:
    """Wait until the window has finished reading a document off the GUI thread."""
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=30_000)
