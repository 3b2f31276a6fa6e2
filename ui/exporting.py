"""Export actions of the window: Word straight to a file, PDF through a preview first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.layout import layout
from exporters.common import ExportError, write_atomically
from exporters.export import FORMAT_NAMES, export_briefing
from exporters.pdf import pdf_bytes
from ui.file_dialogs import ask_save_name
from ui.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ExportActions(QObject):
    """Owns the export commands; the dialogs are methods so tests can answer them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview: PdfPreviewDialog | None = None

    def export_word(self) -> Path | None:
        """Ask where, then write the briefing as a .docx; the written path, or None."""
        path = self._ask_export_path("docx")
        if path is None:
            return None
        try:
            with _busy():
                report = export_briefing(self.window.briefing, path, "docx")
        except ExportError as error:
            self._warn(str(error))
            return None
        self._done(path, report.warnings)
        if report.warnings:
            QMessageBox.information(
                self.window, "Exported with warnings", "\n\n".join(report.warnings)
            )
        return path

    def export_pdf(self) -> Path | None:
        """Build the PDF, show it, and save those same bytes when the user chooses Save."""
        try:
            with _busy():
                data, warnings = pdf_bytes(layout(self.window.briefing))
        except ExportError as error:
            self._warn(str(error))
            return None
        if not self._preview_accepted(data, warnings):
            return None
        path = self._ask_export_path("pdf")
        if path is None:
            return None
        try:
            write_atomically(path, data)
        except ExportError as error:
            self._warn(str(error))
            return None
        self._done(path, warnings)
        return path

    def _done(self, path: Path, warnings: list[str]) -> None:
        message = f"Exported {path.name}."
        if warnings:
            message += " " + " ".join(warnings)
        self.window.statusBar().showMessage(message, 10000)

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _preview_accepted(self, data: bytes, warnings: list[str]) -> bool:
        title = self.window.briefing.title or "Untitled briefing"
        self.preview = PdfPreviewDialog(data, title=title, warnings=warnings, parent=self.window)
        try:
            return self.preview.exec() == QDialog.DialogCode.Accepted
        finally:
            self.preview.deleteLater()
            self.preview = None

    def _ask_export_path(self, output_format: str) -> Path | None:
        folder = Path(self.window._last_folder())
        suggested = str(folder / f"{self.window._file_stem()}.{output_format}")
        name = ask_save_name(
            self.window,
            title=f"Export as {FORMAT_NAMES[output_format]}",
            suggested=suggested,
            file_filter=f"{FORMAT_NAMES[output_format]} (*.{output_format})",
            suffix=output_format,
        )
        return self.window._remember_folder(name)

    def _warn(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, "Export failed", message)


class _busy:
    """A wait cursor for the few hundred milliseconds an export takes."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QApplication.restoreOverrideCursor()
