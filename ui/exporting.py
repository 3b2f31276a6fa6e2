"""Export actions of the window: Word straight to a file, PDF through a preview first.

The document is built in a child process (ui/export_job.py) while the window stays free,
with the busy indicator's progress and Cancel; the writers (python-docx, reportlab) and
the preview's PDF renderer load only at the first export, never at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from app.storage import StorageError, atomic_write_bytes
from ui.context import WindowContext, file_stem
from ui.export_job import ExportJob, PageSummary
from ui.file_dialogs import ask_save_name
from ui.loading import JobRunner

if TYPE_CHECKING:
    from ui.pdf_preview import PdfPreviewDialog

FORMAT_NAMES = {"docx": "Word document", "pdf": "PDF"}
_WORK = {"docx": "Writing the Word document", "pdf": "Building the PDF"}


class ExportActions(QObject):
    """Owns the export commands; the dialogs are methods so tests can answer them."""

    exported = Signal(object)  # the Path written

    def __init__(self, context: WindowContext, jobs: JobRunner) -> None:
        super().__init__(context.parent)
        self._context = context
        self._jobs = jobs
        self.preview: PdfPreviewDialog | None = None

    def export_word(self) -> ExportJob | None:
        """Ask where, then write the briefing there as a .docx in the background; the
        started job, or None when the user chose no file."""
        path = self._ask_export_path("docx")
        if path is None or not self._folder_writable(path):
            return None
        job = self._start("docx")
        job.finished.connect(lambda data, warnings: self._save(path, data, warnings))
        return job

    def export_pdf(self) -> ExportJob:
        """Build the PDF in the background, show it, and save those same bytes when the
        user chooses Save; the started job."""
        job = self._start("pdf")
        job.finished.connect(lambda data, warnings: self._pdf_built(data, warnings, job.pages))
        return job

    def running(self) -> bool:
        """True while an export is being built."""
        return isinstance(self._jobs.current(), ExportJob)

    def _start(self, output_format: str) -> ExportJob:
        job = ExportJob(self._context.document.briefing, output_format, _WORK[output_format])
        self._jobs.start(job, on_failure=self._warn)
        return job

    def _pdf_built(self, data: bytes, warnings: list[str], pages: PageSummary | None) -> None:
        if not self._preview_accepted(data, warnings, pages):
            return
        path = self._ask_export_path("pdf")
        if path is not None:
            self._save(path, data, warnings)

    def _save(self, path: Path, data: bytes, warnings: list[str]) -> None:
        from exporters.common import target_problem  # light, but never loaded at start-up

        problem = target_problem(path)  # a pipe or device there would block the write
        if problem:
            self._warn(problem)
            return
        try:
            atomic_write_bytes(path, data)  # a failure leaves any earlier file as it was
        except StorageError as error:
            self._warn(str(error))
            return
        except (OSError, ValueError):  # a last guard: a sentence, never a traceback
            self._warn(f"Could not write {path.name}; nothing was written. Choose another name.")
            return
        message = f"Exported {path.name}."
        if warnings:
            message += " " + " ".join(warnings)
        self._context.messages.say(message, 10000)
        if warnings and path.suffix.lower() == ".docx":
            self._context.messages.inform("Exported with warnings", "\n\n".join(warnings))
        self.exported.emit(path)

    def _folder_writable(self, path: Path) -> bool:
        """Say at once when the file cannot be written there (a missing or read-only folder,
        a name too long, a folder or a pipe in its place), not after the work is done."""
        from exporters.common import target_problem

        problem = target_problem(path)
        if problem is None:
            return True
        self._warn(problem)
        return False

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _preview_accepted(
        self, data: bytes, warnings: list[str], pages: PageSummary | None = None
    ) -> bool:
        from ui.pdf_preview import PdfPreviewDialog  # the PDF renderer loads at first use

        title = self._context.document.briefing.title or "Untitled briefing"
        parent = self._context.parent
        self.preview = PdfPreviewDialog(
            data,
            title=title,
            warnings=warnings,
            parent=parent,
            page_summary=pages.summary if pages else None,
            budget_warning=pages.budget_warning if pages else None,
        )
        try:
            return self.preview.exec() == QDialog.DialogCode.Accepted
        finally:
            self.preview.deleteLater()
            self.preview = None

    def _ask_export_path(self, output_format: str) -> Path | None:
        folders = self._context.folders
        stem = file_stem(self._context.document.briefing)
        name = ask_save_name(
            self._context.parent,
            title=f"Export as {FORMAT_NAMES[output_format]}",
            suggested=str(Path(folders.last_folder()) / f"{stem}.{output_format}"),
            file_filter=f"{FORMAT_NAMES[output_format]} (*.{output_format})",
            suffix=output_format,
        )
        return folders.remember(name)

    def _warn(self, message: str) -> None:
        self._context.messages.warn("Export failed", message)
