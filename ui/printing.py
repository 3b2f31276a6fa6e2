"""File → Print: the briefing printed exactly as it exports to PDF.

The PDF is built by the export's child process (ui/export_job.py), so the window stays
free and printing shows what Export as PDF would save. Each page is then rendered with
PDFium (the preview's renderer; QtPdf is not available, see docs/decisions/005) at the
printer's resolution, up to 300 dpi, and painted on the printer's paper, honouring the
print dialog's page range, copies, collation, page order and colour mode.

Printing to a PDF file (Qt's "Print to File") writes the export's own pages instead, so
the file keeps its text, links and sharpness rather than pictures of them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.storage import StorageError, atomic_write_bytes
from ui.context import WindowContext
from ui.export_job import ExportJob
from ui.loading import JobRunner

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

MAX_PRINT_DPI = 300  # sharp on paper; more only makes the job bigger and slower


class PrintError(Exception):
    """Printing could not be done; the message is for the user."""


def chosen_pages(printer: QPrinter, page_count: int) -> list[int]:
    """Indexes (0-based) of the pages the print dialog asked for, in printing order."""
    pages = list(range(page_count))
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [index for index in pages if ranges.contains(index + 1)]
        else:
            first, last = printer.fromPage(), printer.toPage()
            if first > 0:
                pages = [i for i in pages if first - 1 <= i <= (last or page_count) - 1]
    elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
        pages = pages[:1]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def printing_order(printer: QPrinter, pages: list[int]) -> list[int]:
    """pages repeated for the copies the application must make itself (a real printer
    driver usually makes them), collated (1 2 3 1 2 3) or not (1 1 2 2 3 3)."""
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def print_pdf(data: bytes, printer: QPrinter, *, keep_pdf_pages: bool = True) -> int:
    """Print the PDF data on printer; the number of pages printed. When printer writes a
    PDF file and keep_pdf_pages is true, the file gets the chosen pages themselves."""
    import pypdfium2  # the PDF renderer loads at the first print, never at start-up

    document = pypdfium2.PdfDocument(data)
    try:
        order = printing_order(printer, chosen_pages(printer, len(document)))
        if not order:
            raise PrintError("The chosen pages are not in the briefing; nothing was printed.")
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        if to_file and keep_pdf_pages and printer.outputFileName():
            _write_pdf_pages(data, order, printer.outputFileName())
        else:
            _paint_pages(document, order, printer)
        return len(order)
    finally:
        document.close()


def suggest_paper(printer: QPrinter, data: bytes) -> None:
    """Offer the PDF's own paper size and orientation in the print dialog; the user may
    still choose other paper, and each page is then fitted onto it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        width, height = document.get_page_size(0) if len(document) else (595.0, 842.0)
    finally:
        document.close()
    printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point))
    printer.setPageOrientation(
        QPageLayout.Orientation.Portrait if height >= width else QPageLayout.Orientation.Landscape
    )


def _write_pdf_pages(data: bytes, order: list[int], file_name: str) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for index in order:
        writer.add_page(reader.pages[index])
    buffer = io.BytesIO()
    writer.write(buffer)
    try:
        atomic_write_bytes(Path(file_name), buffer.getvalue())
    except StorageError as error:
        raise PrintError(str(error)) from error


def _paint_pages(document: PdfDocument, order: list[int], printer: QPrinter) -> None:
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be started; nothing was printed.")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for number, image in enumerate(_page_images(document, order, dpi, grey)):
            if number and not printer.newPage():
                raise PrintError("The printer stopped taking pages; the print is incomplete.")
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            painter.drawImage(_fitted(paper, image), image)
    finally:
        painter.end()
        QGuiApplication.restoreOverrideCursor()


def _page_images(document: PdfDocument, order: list[int], dpi: int, grey: bool) -> Iterator[QImage]:
    for index in order:
        bitmap = document[index].render(scale=dpi / 72, grayscale=grey, rev_byteorder=True)
        image_format = QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB888
        yield QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, image_format
        ).copy()


def _fitted(paper: QRectF, image: QImage) -> QRectF:
    """The largest rectangle of image's proportions centred on paper."""
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(
        paper.x() + (paper.width() - width) / 2,
        paper.y() + (paper.height() - height) / 2,
        width,
        height,
    )


class PrintActions(QObject):
    """Owns File → Print; the print dialog is a method so tests can answer it."""

    printed = Signal(int)  # pages printed

    def __init__(self, context: WindowContext, jobs: JobRunner) -> None:
        super().__init__(context.parent)
        self._context = context
        self._jobs = jobs
        self.printer: QPrinter | None = None  # kept, so the next print starts from its settings

    def print_briefing(self) -> ExportJob:
        """Build the briefing's PDF in the background, then ask how to print it; the
        started job."""
        job = ExportJob(self._context.document.briefing, "pdf", "Preparing to print")
        self._jobs.start(job, on_failure=self._warn)
        job.finished.connect(lambda data, _warnings: self._print(data))
        return job

    def _print(self, data: bytes) -> None:
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        page_count = len(document)
        document.close()
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        suggest_paper(self.printer, data)
        title = self._context.document.briefing.title or "Untitled briefing"
        self.printer.setDocName(title)
        if not self._ask_print(self.printer, page_count):
            return
        try:
            printed = print_pdf(data, self.printer)
        except PrintError as error:
            self._warn(str(error))
            return
        where = self.printer.outputFileName() or self.printer.printerName() or "the printer"
        pages = f"{printed} page{'s' if printed != 1 else ''}"
        self._context.messages.say(f"Printed {pages} of “{title}” to {where}.", 8000)
        self.printed.emit(printed)

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _ask_print(self, printer: QPrinter, page_count: int) -> bool:
        dialog = QPrintDialog(printer, self._context.parent)
        dialog.setWindowTitle("Print Briefing")
        dialog.setMinMax(1, max(page_count, 1))
        dialog.setFromTo(1, max(page_count, 1))
        try:
            return dialog.exec() == QPrintDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _warn(self, message: str) -> None:
        self._context.messages.warn("Cannot print", message)
