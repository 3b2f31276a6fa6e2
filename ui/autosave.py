"""Autosave and crash recovery.

Each running window keeps a copy of its unsaved briefing in the per-user data folder,
written a couple of seconds after each change (and at least every few seconds while changes
keep coming), so a crash or a kill loses at most those seconds. A lock file marks the copy
as in use; a copy whose lock is stale (its process is gone) is offered for recovery at the
next start. A clean close or a save removes the copy.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from app.models import Briefing
from app.paths import data_dir
from app.storage import StorageError, atomic_write_bytes, load_briefing, save_briefing
from ui.document import BriefingDocument

QUIET_MS = 1500  # write this long after the last change...
LONGEST_WAIT_MS = 5000  # ...but never later than this after the first unsaved one


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass(frozen=True)
class Recoverable:
    """An autosaved briefing left behind by a session that did not close."""

    briefing_path: Path
    original: Path | None  # the file the user had open, if it had been saved before
    saved_at: float
    lock: QLockFile

    def load(self) -> Briefing:
        return load_briefing(self.briefing_path)

    def discard(self) -> None:
        for suffix in (".briefing", ".json"):
            self.briefing_path.with_suffix(suffix).unlink(missing_ok=True)
        self.lock.unlock()
        self.briefing_path.with_suffix(".lock").unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes the document's briefing to this session's autosave file after changes."""

    # The reason autosave cannot write ("" once it works again), so the window can show it
    # for as long as the work is unprotected, not for a passing moment.
    problem_changed = Signal(str)

    def __init__(self, document: BriefingDocument, folder: Path | None = None) -> None:
        super().__init__(document)
        self._document = document
        self._folder = folder or autosave_dir()
        session = uuid.uuid4().hex
        self.path = self._folder / f"{session}.briefing"
        self._lock: QLockFile | None = None
        self._quiet = _single_shot(self, QUIET_MS, self.save_now)
        self._deadline = _single_shot(self, LONGEST_WAIT_MS, self.save_now)
        self.last_error: str | None = None
        document.changed.connect(self._on_changed)
        document.modified_changed.connect(self._on_changed)

    def save_now(self) -> bool:
        """Write the autosave copy at once if there is unsaved work; True when written."""
        self._quiet.stop()
        self._deadline.stop()
        if not self._document.is_modified():
            self.remove()
            return False
        try:
            self._hold_lock()
            save_briefing(self._document.briefing, self.path)
            meta = {"original": str(self._document.path) if self._document.path else None}
            atomic_write_bytes(self.path.with_suffix(".json"), json.dumps(meta).encode())
        except (OSError, StorageError) as error:
            self._set_problem(str(error))  # the work stays in memory; the window says so
            return False
        self._set_problem(None)
        return True

    def _set_problem(self, problem: str | None) -> None:
        if problem != self.last_error:
            self.last_error = problem
            self.problem_changed.emit(problem or "")

    def remove(self) -> None:
        """Drop this session's copy (after a save, or at a clean close)."""
        for suffix in (".briefing", ".json"):
            with contextlib.suppress(OSError):  # an unusable folder holds no copy to remove
                self.path.with_suffix(suffix).unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_changed(self, _change: object = None) -> None:
        if not self._document.is_modified():
            self._quiet.stop()
            self._deadline.stop()
            self.remove()
            return
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _hold_lock(self) -> None:
        if self._lock is None:
            self._folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self.path.with_suffix(".lock")))
            lock.setStaleLockTime(0)  # only a dead process makes it stale, never age
            if not lock.tryLock(0):
                raise OSError("the autosave lock is held by another process")
            self._lock = lock


def left_behind(folder: Path | None = None) -> list[Recoverable]:
    """Autosaved briefings of sessions that ended without closing, newest first."""
    folder = folder or autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for briefing_path in folder.glob("*.briefing"):
        lock = QLockFile(str(briefing_path.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        found.append(
            Recoverable(briefing_path, _original(briefing_path), _mtime(briefing_path), lock)
        )
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _original(briefing_path: Path) -> Path | None:
    try:
        meta = json.loads(briefing_path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    original = meta.get("original") if isinstance(meta, dict) else None
    return Path(original) if isinstance(original, str) else None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _single_shot(parent: QObject, interval: int, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer


def ask_recover(parent: QWidget, found: Recoverable, app_name: str) -> QMessageBox.StandardButton:
    """Recover (Yes), Discard, or Later (Ignore) for work a crashed session left behind."""
    when = datetime.fromtimestamp(found.saved_at).strftime("%d %b %Y %H:%M:%S")
    name = found.original.name if found.original else "an unsaved briefing"
    box = QMessageBox(QMessageBox.Icon.Question, app_name, "", parent=parent)
    box.setText(f"{app_name} did not close properly. Recover {name}?")
    box.setInformativeText(f"Unsaved work was kept automatically at {when}.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Ignore
    )
    box.button(QMessageBox.StandardButton.Yes).setText("&Recover")
    box.button(QMessageBox.StandardButton.Ignore).setText("&Later")
    return QMessageBox.StandardButton(box.exec())


def autosave_problem_label(status_bar: QStatusBar) -> QLabel:
    """A lasting red marker in the status bar, shown while autosave cannot write."""
    label = QLabel("⚠ Autosave is failing: save your work", status_bar)
    label.setObjectName("autosave_problem")
    label.setStyleSheet("color: #b91c1c; font-weight: bold; padding: 0 6px")
    label.setAccessibleName("Autosave problem")
    label.hide()
    status_bar.addPermanentWidget(label)
    return label
