"""Edit → Copy: the focused widget's own copy, and for briefing items their text with its
citation (outlet, date, URL), as plain text and as HTML for word processors and mail.

One window-wide Copy action takes Ctrl+C; text fields keep theirs, because a field with
focus claims the key before any action sees it. The action reaches the briefing tree and
the menu click; anywhere else it does what Ctrl+C would have done there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.layout.citation import item_html, item_plain_text
from app.models import Briefing, Item
from ui import shortcuts
from ui.document import BriefingDocument

ItemIds = Callable[[], list[str]]


def items_mime_data(items: list[Item], briefing: Briefing) -> QMimeData:
    """items as clipboard data: plain text (a blank line between items) and HTML."""
    mime = QMimeData()
    mime.setText("\n\n".join(item_plain_text(item, briefing) for item in items))
    body = "\n".join(item_html(item, briefing) for item in items)
    mime.setHtml(f"<html><body>\n{body}\n</body></html>")
    return mime


class ItemCopy(QObject):
    """The Copy command: briefing items from the briefing tree, else the focus's copy."""

    def __init__(
        self,
        document: BriefingDocument,
        tree: QAbstractItemView,
        selected_ids: ItemIds,
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._tree = tree
        self._selected_ids = selected_ids
        self._say = say
        self.action = QAction("&Copy", parent)
        self.action.setShortcut(QKeySequence(shortcuts.COPY))
        tip = "Copy the selected text, or the selected briefing items with their citations"
        self.action.setStatusTip(tip)
        self.action.triggered.connect(lambda _=False: self.copy())
        parent.addAction(self.action)
        tree.addAction(self.action)  # in the tree's right-click menu as well

    def copy(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self._tree or focus is None:
            self.copy_items()
        elif isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit):
            focus.copy()
        elif isinstance(focus, QAbstractItemView):
            _copy_current_row(focus)

    def copy_items(self) -> int:
        """Put the selected items on the clipboard; how many were copied."""
        briefing = self._document.briefing
        wanted = set(self._selected_ids())
        items = [item for item in briefing.items() if item.id in wanted]  # briefing order
        if not items:
            self._say("Select items of the briefing to copy them with their citations.")
            return 0
        QGuiApplication.clipboard().setMimeData(items_mime_data(items, briefing))
        count = len(items)
        self._say(f"Copied {count} item{'s' if count != 1 else ''} with citations.")
        return count


def _copy_current_row(view: QAbstractItemView) -> None:
    """What an item view's own Ctrl+C does: its current row's text."""
    text = view.currentIndex().data()
    if isinstance(text, str) and text:
        QGuiApplication.clipboard().setText(text)
