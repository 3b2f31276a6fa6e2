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
KEEP_PAGES = 6  # page images kept either side of the view before they are let go


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
        self.area = self._page_area(pages)
        layout.addWidget(self.area)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save PDF…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        # Only pages in view are drawn (and far-away ones let go), so a 100-page briefing
        # costs the memory of a few page images, not of all of them.
        self.area.verticalScrollBar().valueChanged.connect(self._schedule_render)
        self._pump = StepPump(self)
        self._schedule_render()

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

    def _schedule_render(self) -> None:
        self._pump.start(self._render(self._pages_near_view()))

    def _pages_near_view(self) -> list[int]:
        """Pages in the visible part of the scroll area, plus one either side."""
        top = self.area.verticalScrollBar().value()
        bottom = top + max(self.area.viewport().height(), 1)
        near = [
            index for index, label in enumerate(self.page_labels)
            if label.y() < bottom + label.height() and label.y() + 2 * label.height() > top
        ]  # fmt: skip
        return near or [0]

    def _render(self, pages: list[int]) -> Iterator[None]:
        keep = set(range(min(pages) - KEEP_PAGES, max(pages) + KEEP_PAGES + 1))
        for index, label in enumerate(self.page_labels):
            if index not in keep and not label.pixmap().isNull():
                label.setPixmap(QPixmap())  # let a far-away page's image go
        for index in pages:
            if self.page_labels[index].pixmap().isNull():
                self._draw(index)
                yield

    def _draw(self, index: int) -> None:
        ratio = self.devicePixelRatioF()
        image = render_page(self.document, index, int(PAGE_WIDTH_PIXELS * ratio))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        label = self.page_labels[index]
        label.setPixmap(pixmap)
        label.setMinimumSize(pixmap.deviceIndependentSize().toSize())

    def rendered_pages(self) -> int:
        """How many pages show their image now."""
        return sum(1 for label in self.page_labels if not label.pixmap().isNull())

    def finish_rendering(self) -> None:
        """Draw every page at once (for screenshots and tests; the dialog draws lazily)."""
        self._pump.start(iter(()))
        for index, label in enumerate(self.page_labels):
            if label.pixmap().isNull():
                self._draw(index)

    def done(self, result: int) -> None:
        self._pump.start(iter(()))  # stop rendering; the document closes with the dialog
        super().done(result)
