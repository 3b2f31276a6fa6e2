"""Files dropped onto the window: articles are added to the briefing, a .briefing opens.

The window accepts the drop wherever no child wants it (a text field still takes dropped
text). Articles are read one after another through the window's own Add Article path,
each an undo step; what cannot be added (a folder, an unsupported type, a web address)
is named in one message. A dropped .briefing opens as File → Open would, asking first
about unsaved changes; it cannot be mixed with articles in one drop.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from app.importing import SUPPORTED_SUFFIXES
from app.storage import BRIEFING_SUFFIX
from ui.context import WindowContext

_NEXT_FILE_POLL_MS = 50  # how often a queued drop looks whether the last file is read


class DropHost(Protocol):
    """What dropping uses of the window."""

    context: WindowContext

    def open_path(self, path: Path, *, encoding: str | None = None, add: bool = False) -> bool: ...
    def is_loading(self) -> bool: ...


@dataclass
class DroppedFiles:
    """A drop sorted: articles to add, briefings to open, and what cannot be used, why."""

    articles: list[Path] = field(default_factory=list)
    briefings: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def sort_drop(mime: QMimeData) -> DroppedFiles:
    dropped = DroppedFiles()
    for url in mime.urls():
        if not url.isLocalFile():
            dropped.refused.append(f"{url.toString()} (not a file on this computer)")
            continue
        path = Path(url.toLocalFile())
        suffix = path.suffix.lower()
        if path.is_dir():
            dropped.refused.append(f"{path.name} (a folder: drop the files inside it)")
        elif not path.is_file():
            dropped.refused.append(f"{path.name} (not found)")
        elif suffix == BRIEFING_SUFFIX:
            dropped.briefings.append(path)
        elif suffix in SUPPORTED_SUFFIXES:
            dropped.articles.append(path)
        else:
            dropped.refused.append(f"{path.name} (not a type Briefing Builder reads)")
    return dropped


class FileDrops(QObject):
    """Installed on the window: takes drags of files and acts on the drop."""

    def __init__(self, host: DropHost, window: QWidget) -> None:
        super().__init__(window)
        self._host = host
        self._queue: deque[Path] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(_NEXT_FILE_POLL_MS)
        self._timer.timeout.connect(self._next_article)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent) and event.mimeData().hasUrls():
            event.acceptProposedAction()
            # After the drop returns: the file manager must not wait on our dialogs.
            dropped = sort_drop(event.mimeData())
            QTimer.singleShot(0, self, lambda: self.take(dropped))
            return True
        return False

    def pending(self) -> int:
        """Dropped articles not yet started."""
        return len(self._queue)

    def take(self, dropped: DroppedFiles) -> None:
        """Act on a sorted drop: open the briefing, or add the articles one by one."""
        messages = self._host.context.messages
        if dropped.briefings and (dropped.articles or len(dropped.briefings) > 1):
            messages.warn(
                "Cannot open dropped files",
                "Drop one briefing on its own to open it, or only articles to add them.",
            )
            return
        if dropped.refused:
            usable = "The rest will be added. " if dropped.articles or dropped.briefings else ""
            messages.warn(
                "Some dropped files cannot be used",
                f"{usable}Not added: {'; '.join(dropped.refused)}.\n\nBriefing Builder "
                f"reads articles saved as {', '.join(SUPPORTED_SUFFIXES)} and opens "
                f"{BRIEFING_SUFFIX} files.",
            )
        if dropped.briefings:
            if self._host.context.may_discard_changes():
                self._host.open_path(dropped.briefings[0])
            return
        self._queue.extend(dropped.articles)
        if dropped.articles:
            if len(dropped.articles) > 1:
                messages.say(f"Adding {len(dropped.articles)} articles…", 4000)
            self._next_article()

    def _next_article(self) -> None:
        # The window reads one document at a time (a new one cancels the one before), so
        # each article starts when the last is in.
        if self._host.is_loading():
            self._timer.start()
            return
        if not self._queue:
            self._timer.stop()
            return
        self._host.open_path(self._queue.popleft(), add=True)
        self._timer.start()
