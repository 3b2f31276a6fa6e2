"""The article reader: source text with proposals highlighted and boilerplate dimmed.

Each kind of proposal has a colour and an underline style of its own, so colour is never
the only cue. Clicking a highlight reports its offset; selecting text offers to add it to
the briefing by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeySequence,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from app.extraction import Extraction
from app.models import Source
from ui.offsets import OffsetMap

KIND_STYLES = {
    "statement": ("#fde68a", QTextCharFormat.UnderlineStyle.SingleUnderline, "solid underline"),
    "figure": ("#93c5fd", QTextCharFormat.UnderlineStyle.DashUnderline, "dashed underline"),
    "question": ("#fbcfe8", QTextCharFormat.UnderlineStyle.WaveUnderline, "wavy underline"),
}
CAPTURE_KINDS = (
    ("statement", "Add as &Statement", "Ctrl+1"),
    ("figure", "Add as &Figure", "Ctrl+2"),
    ("question", "Add as &Question", "Ctrl+3"),
    ("note", "Add as &Note", "Ctrl+4"),
)
_FOCUS_COLOUR = "#f97316"


class ArticleReader(QPlainTextEdit):
    """Read-only view of one source."""

    offset_clicked = Signal(int)
    capture_requested = Signal(str, int, int)  # kind, start, end (Python offsets)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName("Article text")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self._offsets = OffsetMap("")
        self._base: list[QTextEdit.ExtraSelection] = []
        self.setPlaceholderText(
            "Open an article (Ctrl+O) or paste one (Ctrl+Shift+V) to see its proposals here."
        )
        self.capture_actions = [self._capture_action(*spec) for spec in CAPTURE_KINDS]

    def _capture_action(self, kind: str, text: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip = f"Add the selected text to the briefing as a {kind} ({keys})"
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False, k=kind: self.request_capture(k))
        self.addAction(action)
        return action

    # ----- showing ------------------------------------------------------------------------
    def show_source(self, source: Source | None, extraction: Extraction | None) -> None:
        """Display source, highlighting extraction's proposals and dimming boilerplate."""
        self._offsets = OffsetMap(source.text if source else "")
        self.setPlainText(source.text if source else "")
        self._space_paragraphs()
        self._base = self._boilerplate_selections(source) if source else []
        if extraction is not None:
            self._base += self._proposal_selections(extraction)
        self.setExtraSelections(self._base)

    def _space_paragraphs(self) -> None:
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
        # Figures come last so that a figure inside a quote stays visible on top of it.
        groups = (
            ("statement", extraction.statements),
            ("question", extraction.questions),
            ("figure", extraction.figures),
        )
        for kind, items in groups:
            colour, underline, _ = KIND_STYLES[kind]
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
        """Select [start, end), outline it, and scroll it into view."""
        self.setTextCursor(self._cursor(start, end))
        focus = QTextCharFormat()
        focus.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        focus.setUnderlineColor(QColor(_FOCUS_COLOUR))
        focus.setFontWeight(600)
        self.setExtraSelections([*self._base, self._selection(start, end, focus)])
        self.centerCursor()

    # ----- reading offsets ----------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.to_python(cursor.selectionStart())
        return start, self._offsets.to_python(cursor.selectionEnd())

    def request_capture(self, kind: str) -> None:
        selected = self.selected_range()
        self.capture_requested.emit(kind, *(selected or (0, 0)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            position = self.cursorForPosition(event.position().toPoint()).position()
            self.offset_clicked.emit(self._offsets.to_python(position))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        has_selection = self.textCursor().hasSelection()
        for action in self.capture_actions:
            action.setEnabled(has_selection)
            menu.addAction(action)
        menu.exec(event.globalPos())
        for action in self.capture_actions:
            action.setEnabled(True)
        menu.deleteLater()

    # ----- find ---------------------------------------------------------------------------
    def find_text(self, needle: str, *, backward: bool = False) -> bool:
        """Select the next (or previous) match of needle, wrapping around; False if none."""
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(needle, flags):
            return True
        cursor = self.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.setTextCursor(cursor)
        return self.find(needle, flags)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor


def legend(parent: QWidget | None = None) -> QLabel:
    """A key to the highlights that names the underline style as well as the colour."""
    parts = [
        f'<span style="background:{colour}; color:#111">&nbsp;{kind.title()}&nbsp;</span> {words}'
        for kind, (colour, _style, words) in KIND_STYLES.items()
    ]
    label = QLabel(" &nbsp; ".join(parts) + " &nbsp; <i>dimmed: site furniture</i>", parent)
    label.setWordWrap(True)
    label.setAccessibleName("Highlight legend")
    label.setToolTip("How the reader marks each kind of proposal")
    return label
