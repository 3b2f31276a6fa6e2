"""The article reader: source text with proposals highlighted and boilerplate dimmed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.extraction import Extraction
from app.models import Source
from ui.offsets import OffsetMap

# Each kind has a colour and an underline style, so colour is never the only cue.
KIND_STYLES = {
    "statement": ("#fde68a", QTextCharFormat.UnderlineStyle.SingleUnderline),
    "figure": ("#93c5fd", QTextCharFormat.UnderlineStyle.DashUnderline),
    "question": ("#fbcfe8", QTextCharFormat.UnderlineStyle.WaveUnderline),
}


class ArticleReader(QPlainTextEdit):
    """Read-only view of one source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName("Article text")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self._offsets = OffsetMap("")
        self.setPlaceholderText(
            "Open an article (Ctrl+O) or paste one (Ctrl+Shift+V) to see its proposals here."
        )

    def show_source(self, source: Source | None, extraction: Extraction | None) -> None:
        """Display source, highlighting extraction's proposals and dimming boilerplate."""
        self._offsets = OffsetMap(source.text if source else "")
        self.setPlainText(source.text if source else "")
        self._space_paragraphs()
        selections = self._boilerplate_selections(source) if source else []
        if extraction is not None:
            selections += self._proposal_selections(extraction)
        self.setExtraSelections(selections)

    def _space_paragraphs(self) -> None:
        # One block per line in the article: a little space after each reads as paragraphs.
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(6)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(spacing)

    def _boilerplate_selections(self, source: Source) -> list[QTextEdit.ExtraSelection]:
        dimmed = QTextCharFormat()
        dimmed.setForeground(QColor("#8a8a8a"))
        dimmed.setFontItalic(True)
        return [self._selection(r.start, r.end, dimmed) for r in source.boilerplate]

    def _proposal_selections(self, extraction: Extraction) -> list[QTextEdit.ExtraSelection]:
        selections = []
        groups = (
            ("statement", extraction.statements),
            ("figure", extraction.figures),
            ("question", extraction.questions),
        )
        for kind, items in groups:
            colour, underline = KIND_STYLES[kind]
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            fmt.setForeground(QColor("#111111"))
            fmt.setUnderlineStyle(underline)
            selections += [self._selection(item.start, item.end, fmt) for item in items]
        return selections

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format = fmt
        return selection

    def reveal(self, start: int, end: int) -> None:
        """Select [start, end) and scroll it into view."""
        self.setTextCursor(self._cursor(start, end))
        self.centerCursor()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor
