"""Long work off the GUI thread, so the window never freezes: one job at a time per window,
shown by the status bar's busy indicator and stopped by its Cancel.

A load job (import and extraction) runs in Qt's thread pool and reports back through
queued signals. Cancel kills the child process the PDF reader runs in at once; other pure
Python work cannot be stopped half-way, so a cancelled job finishes in the background and
its result is dropped; the window is free at once. An export job (ui/export_job.py) runs
in a child process of its own, which Cancel kills.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.child_process import Cancelled, CancelScope
from app.extraction import extract
from app.fetching import fetch
from app.importing import ImportFailure, import_file
from app.importing.web import import_fetched
from app.models import Source
from app.versions.reread import read_again
from ui.context import as_shown
from ui.status import BusyIndicator

Loader = Callable[[], Source]
log = logging.getLogger("briefing_builder")


class BackgroundJob(QObject):
    """What the JobRunner runs: work that ends in finished or failed (never both, and
    neither once cancelled), reporting progressed (done, total; total 0 if unknown)."""

    finished = Signal(object, object)
    failed = Signal(str)
    progressed = Signal(int, int)

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description
        self.cancelled = False

    def start(self, pool: QThreadPool) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        self.cancelled = True


class LoadJob(BackgroundJob):
    """Produce a Source (by importing) and its proposals, away from the GUI thread;
    finished carries the Source and its Extraction."""

    def __init__(self, load: Loader, description: str) -> None:
        super().__init__(description)
        self._load = load
        self._scope = CancelScope()
        self.warnings: list[str] = []  # the import's, shown once the article is open

    def start(self, pool: QThreadPool) -> None:
        pool.start(_Runner(self))

    def cancel(self) -> None:
        self.cancelled = True
        self._scope.cancel()  # kills the PDF reader's child process, if one runs

    def _run(self) -> None:
        try:
            with self._scope:
                source = self._load()
            extraction = extract(source)
        except Cancelled:
            return
        except ImportFailure as error:
            self._report_failure(str(error))
            return
        except MemoryError:
            self._report_failure("There is not enough memory to read this document.")
            return
        except Exception:  # a bug must reach the user as a message, not kill the thread
            log.exception("Loading failed: %s", self.description)
            self._report_failure(
                f"{self.description} failed because of an error inside Briefing Builder. "
                "The details are in the log file."
            )
            return
        if not self.cancelled:
            self.finished.emit(source, extraction)

    def _report_failure(self, message: str) -> None:
        if not self.cancelled:
            self.failed.emit(message)


class _Runner(QRunnable):
    def __init__(self, job: LoadJob) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def import_job(path: Path, encoding: str | None = None) -> LoadJob:
    warnings: list[str] = []
    job = LoadJob(
        lambda: import_file(path, encoding=encoding, warnings=warnings), f"Reading {path.name}"
    )
    job.warnings = warnings
    return job


class FetchJob(LoadJob):
    """An article fetched from its address and read: Cancel also stops the download."""

    def __init__(self, url: str) -> None:
        self._stop = threading.Event()
        warnings: list[str] = []
        super().__init__(
            lambda: import_fetched(fetch(url, cancelled=self._stop), warnings),
            f"Opening {url[:80]}",
        )
        self.warnings = warnings

    def cancel(self) -> None:
        self._stop.set()
        super().cancel()


class ReadAgainJob(LoadJob):
    """An article of the briefing read again from its address or file (Check for Updates);
    Cancel stops a download too."""

    def __init__(self, source: Source, beside: Path | None) -> None:
        self._stop = threading.Event()
        super().__init__(
            lambda: read_again(source, beside, cancelled=self._stop),
            f"Checking {source.title or source.origin or 'the article'} for updates"[:100],
        )

    def cancel(self) -> None:
        self._stop.set()
        super().cancel()


def extract_job(source: Source) -> LoadJob:
    return LoadJob(lambda: source, f"Finding proposals in {source.title or source.origin}")


class JobRunner(QObject):
    """Runs one load job at a time for a window, with the busy indicator showing it.

    Starting a job cancels the one before; the pool is the window's own, so it lives exactly
    as long as the window does.
    """

    failed = Signal(str)

    def __init__(self, busy: BusyIndicator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = busy
        self._pool = QThreadPool(self)
        self._job: BackgroundJob | None = None

    def start(self, job: BackgroundJob, *, on_failure: Callable[[str], None] | None = None) -> None:
        """Run job, cancelling the one before. Its failure goes to on_failure when given
        (an export says so in its own words), else to this runner's failed signal."""
        if self._job is not None:
            self._job.cancel()
        self._job = job
        job.finished.connect(lambda *_: self._finished(job))
        job.failed.connect(lambda message: self._failed(job, message, on_failure))
        job.progressed.connect(lambda done, total: self._progressed(job, done, total))
        self._busy.start(job.description)
        job.start(self._pool)

    def current(self) -> BackgroundJob | None:
        """The job running now, if any."""
        return self._job

    def cancel(self) -> bool:
        """Drop the running job, if any; True when there was one."""
        if self._job is None:
            return False
        self._job.cancel()
        self._job = None
        self._busy.stop()
        return True

    def running(self) -> bool:
        return self._job is not None

    def _done(self, job: BackgroundJob) -> None:
        if job is self._job:
            self._job = None
            self._busy.stop()

    def _finished(self, job: BackgroundJob) -> None:
        """After the window has taken the article in: the import's warnings, if any."""
        self._done(job)
        warnings = getattr(job, "warnings", None)
        if warnings and not job.cancelled:
            parent = self.parent()
            QMessageBox.warning(
                parent if isinstance(parent, QWidget) else None,
                "Article may be incomplete",
                as_shown("\n\n".join(warnings)),
            )

    def _progressed(self, job: BackgroundJob, done: int, total: int) -> None:
        if job is self._job:
            self._busy.progress(done, total)

    def _failed(
        self, job: BackgroundJob, message: str, on_failure: Callable[[str], None] | None
    ) -> None:
        self._done(job)
        if on_failure is not None:
            on_failure(message)
        else:
            self.failed.emit(message)
