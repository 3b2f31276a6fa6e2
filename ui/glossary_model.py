"""Qt models for the glossary tab: the briefing's entries (editable), and the terms proposed
from the articles.

Thin adapters. The entries model never changes the briefing itself: an edit in a cell is
asked for through edit_requested, applied as an undoable edit by the view, and comes back
here with the briefing's next version. A term without an expansion says so in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.models import GlossaryEntry

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
NO_EXPANSION = "no expansion yet"
ENTRY_COLUMNS = ("Term", "Expansion", "Found in")
PROPOSAL_COLUMNS = ("Term", "Expansion", "Article")
_ROOT = QModelIndex()
_EDITABLE = (0, 1)  # term and expansion; where a term was found is the article's fact
_MISSING_COLOUR = QColor("#9a3412")  # a second cue: the words say it first


class GlossaryEntriesModel(QAbstractTableModel):
    """The briefing's glossary, one entry per row."""

    edit_requested = Signal(str, str, str)  # entry id, field ("term" or "expansion"), text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[GlossaryEntry, ...] = ()
        self._found_in: dict[str, str] = {}
        self._italic = QFont()
        self._italic.setItalic(True)

    def show_entries(self, entries: Sequence[GlossaryEntry], found_in: dict[str, str]) -> None:
        """Show the glossary as it is now: a reset only when entries came or went."""
        entries = tuple(entries)
        same_rows = [e.id for e in entries] == [e.id for e in self._entries]
        self._found_in = found_in
        if same_rows:
            changed = [
                n for n, (a, b) in enumerate(zip(self._entries, entries, strict=True)) if a != b
            ]
            self._entries = entries
            for row in changed:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry_at(self, index: Index) -> GlossaryEntry | None:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        return self._entries[index.row()]

    def row_of(self, entry_id: str) -> int:
        return next((n for n, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(ENTRY_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return _header(ENTRY_COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in _EDITABLE else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index)
        if entry is None:
            return None
        column, missing = index.column(), not entry.expansion
        if role == Qt.ItemDataRole.EditRole:
            return (entry.term, entry.expansion, "")[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            shown_expansion = NO_EXPANSION if missing else entry.expansion
            return (entry.term, shown_expansion, self._found_in.get(entry.id, ""))[column]
        if missing and column == 1:
            return self._missing(role)
        if role == Qt.ItemDataRole.ToolTipRole and column in _EDITABLE:
            return "Double-click or press F2 to edit; Delete removes the term"
        if role == ID_ROLE:
            return entry.id
        return None

    def _missing(self, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_MISSING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "The articles use this term without saying what it stands for: press F2 to add it"
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry_at(index)
        if entry is None or role != Qt.ItemDataRole.EditRole or index.column() not in _EDITABLE:
            return False
        text = " ".join(str(value).split())
        field = ("term", "expansion")[index.column()]
        if text == getattr(entry, field) or (field == "term" and not text):
            return False  # unchanged, or a term emptied (it would be no entry at all)
        self.edit_requested.emit(entry.id, field, text)
        return True


class TermProposalsModel(QAbstractTableModel):
    """Terms found in the articles and not yet in the glossary."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[tuple[str, tuple[str, str, str], Any], ...] = ()

    def show_proposals(self, rows: Sequence[tuple[str, tuple[str, str, str], Any]]) -> None:
        """rows: (key, (term, expansion, article), the proposal itself)."""
        if tuple(rows) == self._rows:
            return
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def proposal_at(self, index: Index) -> Any:
        return self._rows[index.row()][2] if index.isValid() else None

    def key_at(self, index: Index) -> str:
        return self._rows[index.row()][0] if index.isValid() else ""

    def row_of(self, key: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row[0] == key), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(PROPOSAL_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return _header(PROPOSAL_COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        term, expansion, article = self._rows[index.row()][1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (term, expansion or NO_EXPANSION, article)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Enter accepts the term into the glossary; Delete rejects it"
        if role == ID_ROLE:
            return self._rows[index.row()][0]
        return None


def _header(columns: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> object:
    shown = orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns)
    return columns[section] if shown and role == Qt.ItemDataRole.DisplayRole else None
