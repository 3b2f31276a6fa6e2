"""Start-up of the desktop app: QApplication, error reporting, the first window."""

from __future__ import annotations

import logging
import sys
import traceback
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from platformdirs import user_log_dir

if TYPE_CHECKING:  # imported at run time only once Qt is wanted
    from ui.main_window import MainWindow

log = logging.getLogger("briefing_builder")
# The pure-Python modules the first window needs, imported before Qt. PySide6 reads the
# source of every module imported after it (to learn which use its __feature__ switches),
# ~0.2 ms a module and more for pydantic's, whose module __getattr__ answers every look:
# importing these first saves ~40 ms of a start. One left off this list only costs that time.
WINDOW_DOMAIN_MODULES = (
    "app.edits",
    "app.extraction",
    "app.importing",
    "app.layout",
    "app.sample",
    "app.storage",
    "app.template_library",
)


def run_application(*, file: str | None, qt_args: list[str]) -> int:
    """Create the application and the main window, and run the event loop."""
    for module in WINDOW_DOMAIN_MODULES:
        import_module(module)
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
    window: MainWindow | None = None,
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
