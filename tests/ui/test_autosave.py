"""Autosave: work survives a killed process and is offered back at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ui.autosave import left_behind
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def run_and_kill_a_session(settings_file: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crashing_session", str(settings_file)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "AUTOSAVED"
    finally:
        child.send_signal(signal.SIGKILL)  # no chance to clean up, as in a crash
        child.wait(timeout=30)


def test_recover_after_the_process_was_killed(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    settings_file = tmp_path / "settings.ini"
    run_and_kill_a_session(settings_file)
    assert len(left_behind()) == 1
    monkeypatch.setattr(
        MainWindow, "_ask_recover", lambda self, found: QMessageBox.StandardButton.Yes
    )
    window = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_initial(None)
    assert window.briefing.title == "Killed before saving"
    assert len(window.briefing.sections[1].items) == 5
    assert window.reader.toPlainText().startswith("Are 10,000 North Korean")
    assert window.isWindowModified()  # recovered work is not saved work
    assert left_behind() == []  # the recovered copy now belongs to this session


def test_declining_keeps_the_copy_for_later_and_discard_removes_it(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    settings_file = tmp_path / "settings.ini"
    run_and_kill_a_session(settings_file)
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    later = MainWindow(settings)
    qtbot.addWidget(later)
    later.open_initial(None)  # the fixture answers "Later"
    assert later.briefing.title != "Killed before saving"
    del later
    assert len(left_behind()) == 1
    monkeypatch.setattr(
        MainWindow, "_ask_recover", lambda self, found: QMessageBox.StandardButton.Discard
    )
    discard = MainWindow(settings)
    qtbot.addWidget(discard)
    discard.open_initial(None)
    assert left_behind() == []


def test_a_clean_close_and_a_save_leave_no_autosave(window: MainWindow, qtbot, tmp_path) -> None:
    window.open_sample()
    window.proposals.accept_all("question")
    assert window.autosaver.save_now()
    assert window.autosaver.path.exists()
    window._ask_save_path = lambda: tmp_path / "kept.briefing"
    window.save_as_action.trigger()
    assert not window.autosaver.path.exists()
    window.proposals.accept_all("figure")
    qtbot.waitUntil(window.autosaver.path.exists, timeout=10_000)  # written by its timer
    window._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    assert window.close()
    assert not window.autosaver.path.exists()
