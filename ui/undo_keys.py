"""Ctrl+Z in a briefing field undoes the briefing, not just the field's own text.

QLineEdit and QPlainTextEdit keep private undo histories and claim the undo keys first
(through ShortcutOverride). In the briefing's fields those histories disagree with the one
undo stack the window keeps, so the claim is refused and the window's Undo runs instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoKeysToDocument(QObject):
    """Installed on the briefing's field widgets."""

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        claimed = (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit | QPlainTextEdit)
            and any(event.matches(key) for key in _KEYS)
        )
        if claimed:
            event.ignore()  # not the field's: the window's Undo and Redo take the keys
        return claimed
