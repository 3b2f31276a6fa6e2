"""File → Print (Ctrl+P) in the real window: the briefing is printed as it exports to PDF,
with the print dialog's page range and copies. The dialog is answered by the test, and the
printer writes a PDF file that is read back."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter

from app.models import Statement
from exporters.export import document_bytes
from ui.main_window import MainWindow
from ui.printing import chosen_pages, print_pdf, printing_order, suggest_paper

PRINT_WAIT_MS = 60_000


def sample_briefing(window: MainWindow, qtbot) -> Statement:
    window.open_sample()
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all_actions[kind].trigger()
    window.editor.header.title.setFocus()
    qtbot.keyClicks(window.editor.header.title, "Morning brief: Korea and Ukraine")
    return next(i for i in window.briefing.items() if isinstance(i, Statement))


def leading_words(text: str) -> str:
    """The statement's first plain words (before any quotation mark the export may turn)."""
    words: list[str] = []
    for word in text.split():
        if not word.isalnum() or len(words) == 4:
            break
        words.append(word)
    assert len(words) >= 3
    return " ".join(words)


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def answer_print_dialog(monkeypatch, window: MainWindow, setup) -> list[int]:
    """Replace the print dialog: setup(printer, page_count) chooses, then OK is pressed."""
    asked: list[int] = []

    def ask(printer: QPrinter, page_count: int) -> bool:
        asked.append(page_count)
        if setup is None:
            return False  # Cancel
        setup(printer, page_count)
        return True

    monkeypatch.setattr(window.writing.printing, "_ask_print", ask)
    return asked


def test_ctrl_p_prints_the_briefing_as_it_exports(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statement = sample_briefing(window, qtbot)
    target = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter, _pages: int) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))

    asked = answer_print_dialog(monkeypatch, window, to_file)
    action = window.writing.print_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert action.shortcut().toString() == "Ctrl+P"
    with qtbot.waitSignal(window.writing.printing.printed, timeout=PRINT_WAIT_MS) as printed:
        action.trigger()
        assert window.busy.is_visible()  # the PDF is built in the background first
    exported, _ = document_bytes(window.briefing, "pdf")
    export_pages = len(pypdf.PdfReader(_bytes_file(tmp_path, exported)).pages)
    assert asked == [export_pages] and printed.args == [export_pages]
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == export_pages
    text = plain(" ".join(page.extract_text() for page in reader.pages))
    assert "Morning brief: Korea and Ukraine" in text
    assert leading_words(statement.content) in text
    assert "Printed" in window.statusBar().currentMessage()


def test_the_print_dialogs_page_range_is_honoured(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_briefing(window, qtbot)
    target = tmp_path / "page-two.pdf"

    def page_two(printer: QPrinter, pages: int) -> None:
        assert pages >= 2
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)

    answer_print_dialog(monkeypatch, window, page_two)
    with qtbot.waitSignal(window.writing.printing.printed, timeout=PRINT_WAIT_MS) as printed:
        window.writing.print_action.trigger()
    assert printed.args == [1]
    exported, _ = document_bytes(window.briefing, "pdf")
    second = pypdf.PdfReader(_bytes_file(tmp_path, exported)).pages[1].extract_text()
    assert plain(pypdf.PdfReader(target).pages[0].extract_text()) == plain(second)


def test_cancelling_the_print_dialog_prints_nothing(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_briefing(window, qtbot)
    asked = answer_print_dialog(monkeypatch, window, None)
    printed: list[int] = []
    window.writing.printing.printed.connect(printed.append)
    window.writing.print_action.trigger()
    qtbot.waitUntil(lambda: asked != [], timeout=PRINT_WAIT_MS)
    assert printed == []


def test_a_printer_gets_the_export_pages_as_pictures_with_copies(qtbot, tmp_path: Path) -> None:
    """The path a real printer takes: each page rendered and painted on the paper."""
    from tests.factories import rich_briefing

    data, _ = document_bytes(rich_briefing(items_per_section=12), "pdf")
    exported = pypdfium2.PdfDocument(data)
    assert len(exported) >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    suggest_paper(printer, data)  # as the window does before its print dialog
    target = tmp_path / "painted.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    assert printing_order(printer, chosen_pages(printer, len(exported))) == [0, 0, 1, 1]
    assert print_pdf(data, printer, keep_pdf_pages=False) == 4
    painted = pypdfium2.PdfDocument(target.read_bytes())
    assert len(painted) == 4
    for printed_index, export_index in enumerate([0, 0, 1, 1]):
        assert _difference(painted, printed_index, exported, export_index) < 4
    # ...and the measure tells pages apart: another page differs several times more.
    assert _difference(painted, 0, exported, 1) > 3 * _difference(painted, 0, exported, 0)


def _difference(a: pypdfium2.PdfDocument, i: int, b: pypdfium2.PdfDocument, j: int) -> float:
    """Mean grey-level difference (0-255) of two pages rendered at the same small size."""
    first, second = _grey(a, i), _grey(b, j)
    assert (first.width(), first.height()) == (second.width(), second.height())
    total = 0
    for y in range(first.height()):
        row_a = first.constScanLine(y).tobytes()[: first.width()]
        row_b = second.constScanLine(y).tobytes()[: second.width()]
        total += sum(abs(p - q) for p, q in zip(row_a, row_b, strict=True))
    return total / (first.width() * first.height())


def _grey(document: pypdfium2.PdfDocument, index: int) -> QImage:
    page = document[index]
    bitmap = page.render(scale=300 / page.get_width(), grayscale=True)
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_Grayscale8,
    ).copy()
    # Small and smoothed: a page's layout, not the anti-aliasing of each letter.
    return image.scaled(
        60, 85, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _bytes_file(folder: Path, data: bytes) -> Path:
    path = folder / "exported.pdf"
    path.write_bytes(data)
    return path
