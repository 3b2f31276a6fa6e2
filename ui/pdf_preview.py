"""A preview of an exported PDF before it is saved: the real pages, rendered with PDFium.

QtPdf would be the natural choice, but its wheel exists only for PySide6 6.12, which this
app cannot use yet (docs/decisions/005). pypdfium2 renders the same bytes the file gets.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.steps import StepPump

PAGE_WIDTH_PIXELS = 760  # a page as wide as a comfortable reading column


def render_page(document: pypdfium2.PdfDocument, index: int, width: int) -> QImage:
    """Page index as an image width pixels wide (times the screen's pixel ratio)."""
    page = document[index]
    scale = width / page.get_width()
    bitmap = page.render(scale=scale, rev_byteorder=True)
    image = QImage(
        bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
        QImage.Format.Format_RGB888,
    )  # fmt: skip
    return image.copy()  # own the pixels: the bitmap's buffer goes with it


class PdfPreviewDialog(QDialog):
    """Pages of the PDF, one under another, with Save and Cancel."""

    def __init__(self, data: bytes, *, title: str, warnings: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview — {title}")
        self.document = pypdfium2.PdfDocument(data)
        self.page_labels: list[QLabel] = []
        self.resize(PAGE_WIDTH_PIXELS + 80, 900)
        layout = QVBoxLayout(self)
        pages = len(self.document)
        self.summary = QLabel(f"{pages} page{'s' if pages != 1 else ''}. Nothing is saved "
                              "until you choose Save.")
        layout.addWidget(self.summary)
        self.warning_labels = [QLabel("⚠ " + warning) for warning in warnings]
        for note in self.warning_labels:
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a5300;")
            layout.addWidget(note)
        layout.addWidget(self._page_area(pages))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save PDF…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        self._pump = StepPump(self)
        self._pump.start(self._render_pages())

    def _page_area(self, pages: int) -> QScrollArea:
        holder = QWidget()
        holder.setStyleSheet("background: #7a7f87;")
        column = QVBoxLayout(holder)
        column.setSpacing(14)
        for number in range(pages):
            label = QLabel(f"Page {number + 1}…")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(f"Page {number + 1} of {pages}")
            label.setMinimumSize(PAGE_WIDTH_PIXELS, int(PAGE_WIDTH_PIXELS * 1.35))
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        area = QScrollArea()
        area.setWidget(holder)
        area.setWidgetResizable(True)
        return area

    def _render_pages(self) -> Iterator[None]:
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.page_labels):
            image = render_page(self.document, index, int(PAGE_WIDTH_PIXELS * ratio))
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setMinimumSize(pixmap.deviceIndependentSize().toSize())
            yield

    def rendered_pages(self) -> int:
        """How many pages show their image so far."""
        return sum(1 for label in self.page_labels if not label.pixmap().isNull())

    def finish_rendering(self) -> None:
        self._pump.finish()

    def done(self, result: int) -> None:
        self._pump.start(iter(()))  # stop rendering; the document closes with the dialog
        super().done(result)
