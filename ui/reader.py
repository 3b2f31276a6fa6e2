"""The article reader: source text with proposals highlighted and boilerplate dimmed.

Each kind of proposal has a colour and an underline style of its own, so colour is never
the only cue. Clicking a highlight reports its offset; selecting text offers to add it to
the briefing by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

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
from ui import shortcuts
from ui.offsets import OffsetMap
from ui.steps import StepPump

KIND_STYLES = {
    "statement": ("#fde68a", QTextCharFormat.UnderlineStyle.SingleUnderline, "solid underline"),
    "figure": ("#93c5fd", QTextCharFormat.UnderlineStyle.DashUnderline, "dashed underline"),
    "question": ("#fbcfe8", QTextCharFormat.UnderlineStyle.WaveUnderline, "wavy underline"),
}
CAPTURE_KINDS = (
    ("statement", "Add as &Statement", shortcuts.CAPTURE["statement"]),
    ("figure", "Add as &Figure", shortcuts.CAPTURE["figure"]),
    ("question", "Add as &Question", shortcuts.CAPTURE["question"]),
    ("note", "Add as &Note", shortcuts.CAPTURE["note"]),
)
_FOCUS_COLOUR = "#f97316"
_SLICE_CHARS = 10_000
_LONGEST_LINE = 4_000
_WRAP_AT = 2_000
_HIGHLIGHTS_PER_STEP = 200


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
        self._pending_reveal: tuple[int, int] | None = None
        self._pump = StepPump(self)
        # Highlights are character formats of a read-only text: no undo history needed.
        self.document().setUndoRedoEnabled(False)
        self.setPlaceholderText(
            "Open an article (Ctrl+O) or paste one (Ctrl+Shift+V) to see its proposals here."
        )
        self.capture_actions = [self._capture_action(*spec) for spec in CAPTURE_KINDS]

    def _capture_action(self, kind: str, text: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip = f"Add the selected text to the briefing as a {kind} ({keys})"
        if kind == "note":
            tip += "; with nothing selected, write a paragraph of your own"
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False, k=kind: self.request_capture(k))
        self.addAction(action)
        return action

    # ----- showing ------------------------------------------------------------------------
    def show_source(self, source: Source | None, extraction: Extraction | None) -> None:
        """Display source, highlighting extraction's proposals and dimming boilerplate.

        A long article is laid out a slice at a time between events, so the window keeps
        responding while the text and thousands of highlights go in.
        """
        text = source.text if source else ""
        self._offsets = OffsetMap(text)
        self._pending_reveal = None
        self.setExtraSelections([])
        self.clear()
        formats = self._format_ranges(source, extraction)
        self._pump.start(self._fill(text, formats))
        if len(text) <= _SLICE_CHARS * 3 and len(formats) <= _HIGHLIGHTS_PER_STEP * 4:
            self._pump.finish()  # an ordinary article: no reason to show it half-built

    def is_ready(self) -> bool:
        """True once the whole article and its highlights are in place."""
        return not self._pump.busy()

    def _fill(self, text: str, formats: list[tuple[int, int, QTextCharFormat]]) -> Iterator[None]:
        cursor = QTextCursor(self.document())
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(6)  # one block per line: a little space reads as paragraphs
        cursor.setBlockFormat(spacing)
        shown = display_text(text)
        for start in range(0, len(shown), _SLICE_CHARS):
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(shown[start : start + _SLICE_CHARS])
            yield
        self.moveCursor(QTextCursor.MoveOperation.Start)
        for done, (start, end, fmt) in enumerate(formats, start=1):
            self._cursor(start, end).mergeCharFormat(fmt)
            if done % _HIGHLIGHTS_PER_STEP == 0:
                yield
        if self._pending_reveal:
            self.reveal(*self._pending_reveal)

    def _format_ranges(
        self, source: Source | None, extraction: Extraction | None
    ) -> list[tuple[int, int, QTextCharFormat]]:
        if source is None:
            return []
        dimmed = QTextCharFormat()
        dimmed.setForeground(QColor("#8a8a8a"))
        dimmed.setFontItalic(True)
        ranges = [(r.start, r.end, dimmed) for r in source.boilerplate]
        if extraction is None:
            return ranges
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
            ranges += [(item.start, item.end, fmt) for item in items]
        return ranges

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format = fmt
        return selection

    def reveal(self, start: int, end: int) -> None:
        """Select [start, end), outline it, and scroll it into view."""
        if not self.is_ready():
            self._pending_reveal = (start, end)  # shown once the text is all in
            return
        self.setTextCursor(self._cursor(start, end))
        focus = QTextCharFormat()
        focus.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        focus.setUnderlineColor(QColor(_FOCUS_COLOUR))
        focus.setFontWeight(600)
        self.setExtraSelections([self._selection(start, end, focus)])
        self.centerCursor()

    def select_range(self, start: int, end: int) -> None:
        """Select [start, end) (offsets into the article's text), as a user's drag would."""
        self.setTextCursor(self._cursor(start, end))

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
        before = self.textCursor()
        cursor = QTextCursor(before)
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.setTextCursor(cursor)
        if self.find(needle, flags):
            return True
        self.setTextCursor(before)  # nothing found: leave the reader where it was
        return False

    def _cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting [start, end); offsets outside the text (past its end, negative,
        beyond Qt's int) are clamped into it, so no saved offset can raise."""
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1  # less than the text while it goes in
        cursor.setPosition(min(self._offsets.to_qt(start), last))
        cursor.setPosition(min(self._offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor


def display_text(text: str) -> str:
    """text as the reader lays it out: a very long line gets line breaks in place of some
    spaces. Qt's cost of formatting grows with the length of a block, and an article pasted
    as one 100,000-character line would freeze the window; replacing one character by
    another keeps every offset valid."""
    if len(text) < _LONGEST_LINE or all(len(line) < _LONGEST_LINE for line in text.split("\n")):
        return text
    return "\n".join(_wrap_line(line) for line in text.split("\n"))


def _wrap_line(line: str) -> str:
    if len(line) < _LONGEST_LINE:
        return line
    chars, since_break = list(line), 0
    for index, char in enumerate(chars):
        since_break += 1
        if char == " " and since_break >= _WRAP_AT:
            chars[index], since_break = "\n", 0
    return "".join(chars)


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
