"""A preview of an exported PDF before it is saved: the real pages, rendered with PDFium.

QtPdf would be the natural choice, but its wheel exists only for PySide6 6.12, which this
app cannot use yet (docs/decisions/005). pypdfium2 renders the same bytes the file gets.

The pages are one painted strip, not a widget per page: a 500-page briefing would need
500 labels, and Qt lays them all out again each time one changes (tens of milliseconds).
Only the pages in view are drawn, a page a step between events, and far-away images are
let go, so a long PDF costs the memory of a few page images.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import pypdfium2
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPaintEvent, QPixmap, QShortcut
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
PAGE_GAP = 14  # pixels between pages, and around them
_BACKGROUND = "#7a7f87"


def render_page(document: pypdfium2.PdfDocument, index: int, width: int) -> QImage:
    """Page index as an image width pixels wide (times the screen's pixel ratio)."""
    page = document[index]
    scale = width / page.get_width()
    bitmap = page.render(scale=scale, rev_byteorder=True)
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_RGB888,
    )
    return image.copy()  # own the pixels: the bitmap's buffer goes with it


class PageStrip(QWidget):
    """Every page one under another: its image once drawn, a placeholder until then."""

    def __init__(self, sizes: list[QSize]) -> None:
        super().__init__()
        self.sizes = sizes
        self.images: list[QPixmap | None] = [None] * len(sizes)
        self.tops: list[int] = []
        top = PAGE_GAP
        for size in sizes:
            self.tops.append(top)
            top += size.height() + PAGE_GAP
        width = max((size.width() for size in sizes), default=PAGE_WIDTH_PIXELS)
        self.setMinimumSize(width + 2 * PAGE_GAP, top)
        self.setAccessibleName(f"{len(sizes)} page{'s' if len(sizes) != 1 else ''} of the PDF")

    def page_rect(self, index: int) -> QRect:
        size = self.sizes[index]
        return QRect(
            (self.width() - size.width()) // 2, self.tops[index], size.width(), size.height()
        )

    def pages_between(self, top: int, bottom: int) -> list[int]:
        """Indexes of the pages that show between top and bottom (pixels of the strip)."""
        first = max(bisect_right(self.tops, top) - 1, 0)
        last = min(bisect_right(self.tops, bottom), len(self.sizes))
        return list(range(first, last))

    def set_image(self, index: int, image: QPixmap | None) -> None:
        self.images[index] = image
        self.update(self.page_rect(index))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(_BACKGROUND))
        for index in self.pages_between(event.rect().top(), event.rect().bottom()):
            rect = self.page_rect(index)
            image = self.images[index]
            if image is not None:
                painter.drawPixmap(rect, image)
                continue
            painter.fillRect(rect, QColor("#f4f4f4"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"Page {index + 1}…")
        painter.end()


class PdfPreviewDialog(QDialog):
    """Pages of the PDF, one under another, with Save and Cancel."""

    def __init__(
        self,
        data: bytes,
        *,
        title: str,
        warnings: list[str],
        parent: QWidget,
        page_summary: str | None = None,
        budget_warning: str | None = None,
    ) -> None:
        """page_summary: the exporter's line on the page count (against the template's page
        budget, naming the sections that overflow it); budget_warning: the same news among
        warnings, shown once, in the summary line, rather than twice."""
        super().__init__(parent)
        self.setWindowTitle(f"Preview — {title}")
        self.document = pypdfium2.PdfDocument(data)
        self.resize(PAGE_WIDTH_PIXELS + 80, 900)
        layout = QVBoxLayout(self)
        pages = len(self.document)
        count = page_summary or f"{pages} page{'s' if pages != 1 else ''}."
        self.summary = QLabel(f"{count} Nothing is saved until you choose Save.")
        self.summary.setWordWrap(True)
        if budget_warning is not None:
            self.summary.setText("⚠ " + self.summary.text())
            self.summary.setStyleSheet("color: #8a5300; font-weight: bold;")
        layout.addWidget(self.summary)
        shown = [warning for warning in warnings if warning != budget_warning]
        self.warning_labels = [QLabel("⚠ " + warning) for warning in shown]
        for note in self.warning_labels:
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a5300;")
            layout.addWidget(note)
        self.strip = PageStrip([self._display_size(index) for index in range(pages)])
        self.area = QScrollArea()
        self.area.setWidget(self.strip)
        self.area.setWidgetResizable(True)
        layout.addWidget(self.area)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save PDF…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        self.area.verticalScrollBar().valueChanged.connect(self._schedule_render)
        self._pump = StepPump(self)
        self._schedule_render()

    def _display_size(self, index: int) -> QSize:
        width, height = self.document.get_page_size(index)  # no page is loaded for this
        return QSize(PAGE_WIDTH_PIXELS, round(PAGE_WIDTH_PIXELS * height / max(width, 1)))

    def page_count(self) -> int:
        return len(self.strip.sizes)

    def page_image(self, index: int) -> QPixmap | None:
        """The image page index shows now; None while it is not drawn (or was let go)."""
        return self.strip.images[index]

    def rendered_pages(self) -> int:
        """How many pages show their image now."""
        return sum(1 for image in self.strip.images if image is not None)

    def finish_rendering(self) -> None:
        """Draw every page at once (for screenshots and tests; the dialog draws lazily)."""
        self._pump.start(iter(()))
        for index, image in enumerate(self.strip.images):
            if image is None:
                self._draw(index)

    def _schedule_render(self) -> None:
        self._pump.start(self._render())

    def _pages_near_view(self) -> list[int]:
        """Pages in the visible part of the scroll area, plus one either side."""
        top = self.area.verticalScrollBar().value()
        bottom = top + max(self.area.viewport().height(), 1)
        near = self.strip.pages_between(top, bottom)
        if not near:
            return []
        return list(range(max(near[0] - 1, 0), min(near[-1] + 2, self.page_count())))

    def _render(self) -> Iterator[None]:
        pages = self._pages_near_view()  # at the first step: the dialog has its size
        if not pages:
            return
        keep = range(pages[0] - KEEP_PAGES, pages[-1] + KEEP_PAGES + 1)
        for index, image in enumerate(self.strip.images):
            if image is not None and index not in keep:
                self.strip.set_image(index, None)  # let a far-away page's image go
        for index in pages:
            if self.strip.images[index] is None:
                self._draw(index)
                yield

    def _draw(self, index: int) -> None:
        ratio = self.devicePixelRatioF()
        image = render_page(self.document, index, int(PAGE_WIDTH_PIXELS * ratio))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.strip.set_image(index, pixmap)

    def done(self, result: int) -> None:
        self._pump.start(iter(()))  # stop rendering; the document closes with the dialog
        super().done(result)
