"""Start-up of the desktop app: QApplication, error reporting, the first window."""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from platformdirs import user_log_dir

if TYPE_CHECKING:  # imported at run time only once Qt is wanted
    from PySide6.QtCore import QSettings

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
    start(file=file, qt_args=qt_args)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()  # made by start()
    return app.exec() if app is not None else 1


def start(*, file: str | None, qt_args: list[str], settings: QSettings | None = None) -> MainWindow:
    """Everything a start does before the event loop runs: the application, the log, the
    clean-up of what killed saves left, and the first window showing its first briefing."""
    for module in WINDOW_DOMAIN_MODULES:
        import_module(module)
    from PySide6.QtWidgets import QApplication

    from ui.main_window import APP_NAME, MainWindow

    app = QApplication.instance() or QApplication(["briefing-builder", *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    _log_to_file()
    window = MainWindow(settings)
    sys.excepthook = lambda *error: _report_unexpected(*error, window=window)
    remove_interrupted_saves_at_start(window, file)
    window.show()
    window.open_initial(file)
    return window


def remove_interrupted_saves_at_start(window: MainWindow, file: str | None) -> int:
    """Remove temporary files that saves killed mid-write left behind, each as large as
    its briefing, in the folders this app saves to: the autosave folder, the folders of
    recent files and of the file being opened. Only this app's own, unused ones go."""
    from app.storage import BRIEFING_SUFFIX, remove_interrupted_saves
    from app.templates import TEMPLATE_SUFFIX
    from ui.autosave import autosave_dir

    removed = 0
    for folder in dict.fromkeys([window.autosaver.folder, autosave_dir()]):
        removed += remove_interrupted_saves(folder)  # the app's own folder: all of them
    # The user's folders hold other programs' files too: only leftovers of what this app
    # saves there (briefings, templates, exports) are removed.
    ours = (BRIEFING_SUFFIX, TEMPLATE_SUFFIX, ".docx", ".pdf")
    for folder in dict.fromkeys(_user_folders(window, file)):
        removed += remove_interrupted_saves(folder, suffixes=ours)
    if removed:
        log.info("Removed %d temporary files of interrupted saves", removed)
    return removed


def _user_folders(window: MainWindow, file: str | None) -> list[Path]:
    """Where the user saves: the file dialogs' last folder, those of recent files and of
    the file being opened."""
    folders = [Path(window.folders.last_folder())]
    with contextlib.suppress(OSError):  # a hostile settings file must not stop a start
        folders += [path.parent for path in window.recent.paths()]
    if file:
        folders.append(Path(file).parent)
    return folders


def _log_to_file() -> None:
    folder = Path(user_log_dir("briefing-builder", appauthor=False))
    target = folder / "briefing-builder.log"
    if any(getattr(h, "baseFilename", None) == str(target) for h in log.handlers):
        return  # a second start in one process (tests) logs once
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(target, encoding="utf-8")
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
    """Autosave, log the bug, and tell the user in plain words; never show a traceback,
    nor the error's class or its text: those are for the log, not the user."""
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
        f"{kept}\n\nThe details are in the log file "
        f"({user_log_dir('briefing-builder', appauthor=False)}).",
    )
