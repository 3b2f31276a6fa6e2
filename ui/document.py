"""The open briefing and its undo history: the one place through which a briefing changes.

Every change is a pure edit from app.edits that yields a new immutable Briefing; apply()
pushes it as an undo command holding (before, after). Undo, redo, the unsaved marker and
autosave all hang off this one point.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.changes import EVERYTHING, PATH_ONLY, BriefingChange, diff
from app.models import Briefing

_MERGING_ID = 1


class _Change(QUndoCommand):
    def __init__(
        self,
        document: BriefingDocument,
        text: str,
        before: Briefing,
        after: Briefing,
        merge_key: Hashable | None,
    ) -> None:
        super().__init__(text)
        self._document, self.before, self.after, self.merge_key = document, before, after, merge_key

    def id(self) -> int:
        # Qt merges only commands sharing an id; the merge key decides within that id.
        return _MERGING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Change) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._document._show(self.after)

    def undo(self) -> None:
        self._document._show(self.before)


class BriefingDocument(QObject):
    """The briefing being edited, where it is saved, and its undo stack."""

    changed = Signal(object)  # BriefingChange: after every change, undo and redo
    modified_changed = Signal(bool)  # saved state changed (QUndoStack settles it after changed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.briefing = Briefing()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        # The stack moves its index only after a command ran, so the unsaved state is
        # reported from here rather than from inside changed.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._never_saved_content = False
        self._merge_epoch = 0

    def apply(self, text: str, after: Briefing, *, merge_key: Hashable | None = None) -> None:
        """Make after the current briefing, as one undoable step called text.

        Steps with the same merge_key in a row (typing in one field) merge into one.
        """
        if after == self.briefing:
            return
        key = None if merge_key is None else (self._merge_epoch, merge_key)
        self.undo_stack.push(_Change(self, text, self.briefing, after, key))

    def end_merging(self) -> None:
        """The next change starts a new undo step even if it edits the same field."""
        self._merge_epoch += 1

    def reset(self, briefing: Briefing, path: Path | None, *, unsaved: bool = False) -> None:
        """Start over with briefing (a new, opened or recovered one): no undo history."""
        self.undo_stack.clear()
        self.briefing, self.path = briefing, path
        self._never_saved_content = unsaved
        self.changed.emit(EVERYTHING)
        self.modified_changed.emit(self.is_modified())

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._never_saved_content = False
        self.undo_stack.setClean()
        self.changed.emit(PATH_ONLY)
        self.modified_changed.emit(False)

    def is_modified(self) -> bool:
        return self._never_saved_content or not self.undo_stack.isClean()

    def _on_clean_changed(self, clean: bool) -> None:
        # A bound slot (not a lambda) is disconnected when the document is destroyed.
        self.modified_changed.emit(self._never_saved_content or not clean)

    def is_pristine(self) -> bool:
        """True for a briefing nobody has changed yet: nothing to undo, nothing unsaved."""
        return self.path is None and self.undo_stack.count() == 0 and not self.is_modified()

    def _show(self, briefing: Briefing) -> None:
        before, self.briefing = self.briefing, briefing
        change: BriefingChange = diff(before, briefing)
        self.changed.emit(change)
