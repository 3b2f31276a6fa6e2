"""A window session run in a child process by the autosave test, then killed mid-work.

It opens the sample, accepts the figures, retitles the briefing, waits until the autosave
copy is on disk, says so on stdout and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app import edits
from ui.main_window import MainWindow


def main(settings_file: str) -> None:
    app = QApplication([])
    window = MainWindow(QSettings(settings_file, QSettings.Format.IniFormat))
    window.show()
    window.open_sample()
    window.proposals.accept_all("figure")
    retitled = edits.set_header(window.briefing, "title", "Killed before saving")
    window.document.apply("Edit title", retitled)
    autosave = Path(window.autosaver.path)
    deadline = time.monotonic() + 20
    while not autosave.exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    print("AUTOSAVED" if autosave.exists() else "NO AUTOSAVE", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(sys.argv[1])
