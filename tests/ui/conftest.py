"""Fixtures for driving the real window: private settings, recorded message boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow


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
    return shown


@pytest.fixture
def window(qtbot, settings: QSettings, messages: list) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win
