"""The narrow seam between the window and its command helpers (export, templates, menus).

Helpers get this small context, not the whole main window: the document, the settings,
a way to speak to the user, the folder memory and the 'discard unsaved work?' question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from app.models import Briefing
from ui.document import BriefingDocument

LAST_FOLDER_KEY = "paths/last_folder"


def as_shown(text: str) -> str:
    """text for a message box or label, shown as written even when a file or section name
    in it looks like markup (Qt would render "<b>" in a name as bold, or worse)."""
    if "<" not in text and "&" not in text:
        return text
    return f"<p style='white-space: pre-wrap'>{escape(text)}</p>"


class Messages:
    """Speaks to the user: a status-bar line for news, a box for what must be read."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        self._parent = parent
        self._status_bar = status_bar

    def say(self, message: str, milliseconds: int = 8000) -> None:
        self._status_bar.showMessage(message, milliseconds)

    def warn(self, title: str, message: str) -> None:
        self.say(message, 10000)
        QMessageBox.warning(self._parent, title, as_shown(message))

    def inform(self, title: str, message: str) -> None:
        QMessageBox.information(self._parent, title, as_shown(message))


class FolderMemory:
    """The folder the file dialogs open in: the last one the user chose."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def last_folder(self) -> str:
        return str(self._settings.value(LAST_FOLDER_KEY, str(Path.home())))

    def remember(self, name: str) -> Path | None:
        """The chosen file as a Path (None when the dialog was cancelled), its folder kept."""
        if not name:
            return None
        self._settings.setValue(LAST_FOLDER_KEY, str(Path(name).parent))
        return Path(name)


def file_stem(briefing: Briefing) -> str:
    """A file name (without suffix) suggested for briefing: its title, made safe."""
    title = briefing.title or "Untitled briefing"
    return "".join(ch for ch in title if ch.isalnum() or ch in " -_").strip()[:80] or "briefing"


@dataclass(frozen=True)
class WindowContext:
    """What a command helper may use of the window."""

    parent: QWidget  # for dialogs
    document: BriefingDocument
    settings: QSettings
    messages: Messages
    folders: FolderMemory
    may_discard_changes: Callable[[], bool]  # asks to save unsaved work; False on Cancel
    start_briefing: Callable[[Briefing], None]  # replaces the open briefing (no undo)
