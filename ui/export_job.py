"""An export in a child process (python -m exporters.worker), so the window never freezes.

Layout and the writers are pure Python: in a thread they would still hold the interpreter
lock, so they run in a process of their own, which Cancel kills. The briefing goes to it
as JSON written a slice at a time between events; the document's bytes come back, and the
window writes them where the user chooses. The writers are never imported in the window.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QProcess, QThreadPool, QTimer

from app.models import Briefing
from app.storage import MAX_BRIEFING_BYTES
from ui.loading import BackgroundJob
from ui.steps import StepPump

log = logging.getLogger("briefing_builder")
WORKER_MODULE = "exporters.worker"
MAX_EXPORT_BYTES = MAX_BRIEFING_BYTES  # of JSON: what a .briefing file may hold
ITEMS_PER_SLICE = 200  # items turned into JSON per step between events
_KILL_WAIT_MS = 2_000


def briefing_json_slices(briefing: Briefing) -> Iterator[bytes]:
    """briefing.model_dump_json(), a few hundred items at a time: together the same JSON,
    but no single piece takes long enough to freeze the window."""
    head = briefing.model_dump_json(exclude={"sections"})
    yield head[:-1].encode("utf-8") + b',"sections":['
    for number, section in enumerate(briefing.sections):
        shell = section.model_dump_json(exclude={"items"})
        yield (b"," if number else b"") + shell[:-1].encode("utf-8") + b',"items":['
        items = section.items
        for start in range(0, len(items), ITEMS_PER_SLICE):
            part = ",".join(
                item.model_dump_json() for item in items[start : start + ITEMS_PER_SLICE]
            )
            yield (b"," if start else b"") + part.encode("utf-8")
        yield b"]}"
    yield b"]}"


@dataclass(frozen=True)
class PageSummary:
    """What the export's child said about its pages: a line for a status bar (the count,
    against the template's budget if it sets one) and the budget warning, if any."""

    summary: str
    budget_warning: str | None = None

    @classmethod
    def from_reply(cls, pages: object) -> PageSummary | None:
        if not isinstance(pages, dict) or not isinstance(pages.get("summary"), str):
            return None
        warning = pages.get("warning")
        return cls(pages["summary"], warning if isinstance(warning, str) else None)


class ExportJob(BackgroundJob):
    """Lay out briefing and write it as output_format ('pdf' or 'docx') in a child process;
    finished carries the document's bytes and the warnings for the user."""

    def __init__(self, briefing: Briefing, output_format: str, description: str) -> None:
        super().__init__(description)
        self.output_format = output_format
        self._briefing = briefing
        self._process: QProcess | None = None
        self._pump = StepPump(self)
        self._heard = b""  # stderr not yet read as whole lines
        self._errors = bytearray()  # what the child said on stderr besides progress
        self._reported = False  # finished or failed was emitted: nothing more is
        self.pages: PageSummary | None = None  # the page count, once finished

    def start(self, pool: QThreadPool | None = None) -> None:
        process = QProcess(self)
        process.setProgram(sys.executable)
        # -I: isolated, so a module lying in the current folder is never picked up.
        process.setArguments(["-I", "-m", WORKER_MODULE, self.output_format])
        process.readyReadStandardError.connect(self._read_progress)
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        process.start()
        self._pump.start(self._send())

    def cancel(self) -> None:
        """Kill the child at once; nothing is reported afterwards."""
        self.cancelled = True
        self._pump.start(iter(()))
        self._stop_child()

    def child_pid(self) -> int | None:
        """The child process's id while it runs (for tests and diagnostics)."""
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            return None
        return int(self._process.processId())

    # ----- sending the briefing -----------------------------------------------------------
    def _send(self) -> Iterator[None]:
        sent = 0
        for piece in briefing_json_slices(self._briefing):
            sent += len(piece)
            if sent > MAX_EXPORT_BYTES:
                self._fail(
                    f"This briefing is too large to export (more than "
                    f"{MAX_EXPORT_BYTES // (1024 * 1024)} MB); nothing was written."
                )
                return
            if self._process is None or self.cancelled or self._reported:
                return
            self._process.write(piece)
            yield
        if self._process is not None:
            self._process.closeWriteChannel()

    # ----- hearing back -------------------------------------------------------------------
    def _read_progress(self) -> None:
        if self._process is None:
            return
        self._heard += bytes(self._process.readAllStandardError().data())
        *lines, self._heard = self._heard.split(b"\n")  # the last may be half a line
        for line in lines:
            words = line.split()
            if len(words) == 3 and words[0] == b"progress":
                self.progressed.emit(int(words[1]), int(words[2]))
            else:
                self._errors += line + b"\n"

    def _process_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self.cancelled or self._reported or self._process is None:
            return
        self._read_progress()
        output = bytes(self._process.readAllStandardOutput().data())
        if exit_status != QProcess.ExitStatus.NormalExit or not output:
            self._log_child(f"ended with status {exit_code}")
            self._fail(
                "The export stopped unexpectedly (the exporting process ended before it "
                "finished); nothing was written."
            )
            return
        self._reply(output)

    def _reply(self, output: bytes) -> None:
        line, _, data = output.partition(b"\n")
        try:
            reply = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._log_child("gave a reply that could not be read")
            self._fail("The export failed: the exporting process gave no usable result.")
            return
        if "error" in reply:
            self._log_child("reported an error")
            self._fail(str(reply["error"]))
            return
        warnings = [str(warning) for warning in reply.get("warnings", [])]
        self.pages = PageSummary.from_reply(reply.get("pages"))
        # From a turn of its own, so a slot may open a dialog outside the process's signal.
        QTimer.singleShot(0, self, lambda: self._emit_finished(data, warnings))

    def _emit_finished(self, data: bytes, warnings: list[str]) -> None:
        if not (self.cancelled or self._reported):
            self._reported = True
            self.finished.emit(data, warnings)

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self.cancelled:
            self._fail(
                "The export could not start: Briefing Builder could not run its exporting process."
            )
        # A crash is reported by finished, which follows.

    def _fail(self, message: str) -> None:
        if self.cancelled or self._reported:
            return
        self._reported = True
        self._pump.start(iter(()))
        self._stop_child()
        self.failed.emit(message)

    def _stop_child(self) -> None:
        process = self._process
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(_KILL_WAIT_MS)  # a killed process ends in milliseconds

    def _log_child(self, what: str) -> None:
        details = (self._errors + self._heard).decode("utf-8", "replace").strip()
        log.error("Export child process %s.%s", what, f"\n{details}" if details else "")
