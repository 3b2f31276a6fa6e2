"""Start-up of the desktop app: QApplication, error reporting, the first window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

log = logging.getLogger("briefing_builder")


def run_application(*, file: str | None, qt_args: list[str]) -> int:
    """Create the application and the main window, and run the event loop."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import APP_NAME, MainWindow

    app = QApplication.instance() or QApplication(["briefing-builder", *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    _log_to_file()
    window = MainWindow()
    sys.excepthook = lambda *error: _report_unexpected(*error, window=window)
    window.show()
    window.open_initial(file)
    return app.exec()


def _log_to_file() -> None:
    folder = Path(user_log_dir("briefing-builder", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "briefing-builder.log", encoding="utf-8")
    except OSError:
        return  # a read-only home must not stop the app from starting
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _report_unexpected(
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    *,
    window: object = None,
) -> None:
    """Autosave, log the bug, and tell the user in plain words; never show a traceback."""
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
    kept = ""
    try:
        if window is not None and window.autosaver.save_now():
            kept = " Your work was saved automatically and is safe."
    except Exception:  # the report must reach the user even if autosave fails too
        log.exception("Autosave after an unexpected error failed")
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(
        window,
        "Briefing Builder",
        "Something went wrong inside Briefing Builder and the last action did not finish."
        f"{kept}\n\n{kind.__name__}: {error}\n\nThe details are in the log file "
        f"({user_log_dir('briefing-builder', appauthor=False)}).",
    )
