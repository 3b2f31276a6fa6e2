"""Autosave and crash recovery.

Each running window keeps a copy of its unsaved briefing in the per-user data folder,
written a moment after changes stop, and while they keep coming (continuous typing) within
2 s of the first unprotected change and then at least every 5 s, so a crash or a kill
loses at most those seconds. A lock file marks the copy
as in use; a copy whose lock is stale (its process is gone) is offered for recovery at the
next start. A clean close or a save removes the copy.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from app.models import Briefing
from app.paths import data_dir
from app.storage import (
    StorageError,
    atomic_write_bytes,
    load_briefing,
    plain_os_error,
    read_bounded,
    save_briefing,
)
from ui.document import BriefingDocument

QUIET_MS = 1500  # write this long after the last change...
FIRST_WAIT_MS = 2000  # ...but no later than this after a change while no copy protects it
LONGEST_WAIT_MS = 5000  # ...nor this after the first change the copy does not hold yet
_MAX_META_BYTES = 64 * 1024  # a copy's note of the file it belongs to: one path


@dataclass(frozen=True)
class AutosaveTiming:
    """When autosave writes: a debounce (quiet) with a longest wait, in milliseconds."""

    quiet_ms: int = QUIET_MS
    first_wait_ms: int = FIRST_WAIT_MS
    longest_wait_ms: int = LONGEST_WAIT_MS


class AutosaveSchedule:
    """When the next autosave is due, from the times of changes and writes.

    A debounce alone never fires while typing goes on, and a fixed deadline after the
    first change let the first copy of a session wait the full 5 s: work not yet in any
    copy (the first of a session, or since the last save) is written within first_wait_ms,
    later changes within longest_wait_ms, and either a quiet moment after typing stops.
    """

    def __init__(self, timing: AutosaveTiming, clock: Callable[[], float]) -> None:
        self._timing = timing
        self._clock = clock
        self._pending_since: float | None = None  # first change the copy does not hold
        self._copy_written = False

    def changed(self) -> int:
        """A change was made now: milliseconds until the copy should be written."""
        now = self._clock()
        if self._pending_since is None:
            self._pending_since = now
        wait = self._timing.longest_wait_ms if self._copy_written else self._timing.first_wait_ms
        due = min(now + self._timing.quiet_ms / 1000, self._pending_since + wait / 1000)
        return max(0, round((due - now) * 1000))

    def written(self) -> None:
        self._pending_since, self._copy_written = None, True

    def failed(self) -> None:
        """A write failed: the next try waits for the next change's full interval, so a
        full disk is not written to again at every keystroke."""
        self._pending_since = None

    def removed(self) -> None:
        """No copy holds the work any more (saved, or nothing unsaved)."""
        self._pending_since, self._copy_written = None, False


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

    def __init__(
        self,
        document: BriefingDocument,
        folder: Path | None = None,
        *,
        timing: AutosaveTiming | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(document)
        self._document = document
        self._folder = folder or autosave_dir()
        session = uuid.uuid4().hex
        self.path = self._folder / f"{session}.briefing"
        self._lock: QLockFile | None = None
        self.schedule = AutosaveSchedule(timing or AutosaveTiming(), clock)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may fire 5% late: 2 s would become 2.1 s.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.save_now)
        self.last_error: str | None = None
        document.changed.connect(self._on_changed)
        document.modified_changed.connect(self._on_changed)

    def save_now(self) -> bool:
        """Write the autosave copy at once if there is unsaved work; True when written."""
        self._timer.stop()
        if not self._document.is_modified():
            self.remove()
            return False
        try:
            self._hold_lock()
            save_briefing(self._document.briefing, self.path)
            meta = {"original": str(self._document.path) if self._document.path else None}
            atomic_write_bytes(self.path.with_suffix(".json"), json.dumps(meta).encode())
        except StorageError as error:
            self.schedule.failed()
            self._set_problem(str(error))  # the work stays in memory; the window says so
            return False
        except OSError as error:  # the folder or its lock: said in words, not "[Errno 13]"
            self.schedule.failed()
            self._set_problem(
                f"The autosave folder {self._folder} cannot be used: {plain_os_error(error)}."
            )
            return False
        self.schedule.written()
        self._set_problem(None)
        return True

    @property
    def folder(self) -> Path:
        """Where this session's copy goes."""
        return self._folder

    def due_in(self) -> int | None:
        """Milliseconds until the next write, None when none is planned."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def _set_problem(self, problem: str | None) -> None:
        if problem != self.last_error:
            self.last_error = problem
            self.problem_changed.emit(problem or "")

    def remove(self) -> None:
        """Drop this session's copy (after a save, or at a clean close)."""
        self.schedule.removed()
        for suffix in (".briefing", ".json"):
            with contextlib.suppress(OSError):  # an unusable folder holds no copy to remove
                self.path.with_suffix(suffix).unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_changed(self, _change: object = None) -> None:
        if not self._document.is_modified():
            self._timer.stop()
            self.remove()
            return
        self._timer.start(self.schedule.changed())

    def _hold_lock(self) -> None:
        if self._lock is None:
            self._folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self.path.with_suffix(".lock")))
            lock.setStaleLockTime(0)  # only a dead process makes it stale, never age
            if not lock.tryLock(0):
                raise StorageError(
                    "Another running Briefing Builder holds this window's autosave copy."
                )
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
    try:  # read_bounded: a pipe or a huge file in its place must not stall the start
        meta = json.loads(
            read_bounded(briefing_path.with_suffix(".json"), _MAX_META_BYTES, what="")
        )
    except (StorageError, ValueError):
        return None
    original = meta.get("original") if isinstance(meta, dict) else None
    return Path(original) if isinstance(original, str) else None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


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
