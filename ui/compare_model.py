"""A Qt item model over rows from ui.compare_rows: groups, and their values below.

A thin adapter: a new comparison resets it (its structure is new: groups merge, split and
appear); the view keeps the user's selection and expansion across that reset by key.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ui.compare_rows import Mark, Row

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
_GROUP = 0xFFFFFFFF  # internalId of a group row; a value row carries its group's number
_ROOT = QModelIndex()
_ICONS: dict[Mark, QStyle.StandardPixmap] = {
    "discrepancy": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "confirmed": QStyle.StandardPixmap.SP_DialogApplyButton,
    "denied": QStyle.StandardPixmap.SP_DialogCancelButton,
}
_MARKED_COLUMN = 2  # the column whose words say what the icon says
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_VALUE_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


class CompareModel(QAbstractItemModel):
    """Two levels of rows with a fixed set of columns."""

    def __init__(self, columns: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[Row, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)
        self._icons: dict[Mark, QIcon] = {}

    # ----- what is shown ------------------------------------------------------------------
    def show_rows(self, rows: Sequence[Row]) -> None:
        """Show new rows: a reset, since groups come and go as a whole."""
        if tuple(rows) == self._rows:
            return  # nothing to redraw: the view keeps everything as it is
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == _GROUP:
            return self._rows[index.row()]
        return self._rows[group].children[index.row()]

    def is_group(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == _GROUP

    def index_of_group(self, key: str) -> QModelIndex:
        """The first-column index of the group with key, or invalid."""
        for number, group in enumerate(self._rows):
            if group.key == key:
                return self.index(number, 0)
        return QModelIndex()

    def index_of_value(self, key: str) -> QModelIndex:
        """The first-column index of the value with key, or invalid. (A value alone in its
        group may share its key with the group: the levels are looked up apart.)"""
        for number, group in enumerate(self._rows):
            for child_number, child in enumerate(group.children):
                if child.key == key:
                    return self.createIndex(child_number, 0, number)
        return QModelIndex()

    # ----- the model interface ------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._rows)
        if parent.column() != 0 or parent.internalId() != _GROUP:
            return 0
        return len(self._rows[parent.row()].children)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if self.is_group(index) else _VALUE_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        shown = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns)
        if shown and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.DecorationRole and column == _MARKED_COLUMN and row.mark:
            return self._icon(row.mark)
        if role == Qt.ItemDataRole.FontRole and self.is_group(index) and column == 0:
            return self._bold
        if role == KEY_ROLE:
            return row.key
        if role == TARGET_ROLE:
            return row.target
        return None

    def _icon(self, mark: Mark) -> QIcon:
        if mark not in self._icons:
            self._icons[mark] = QApplication.style().standardIcon(_ICONS[mark])
        return self._icons[mark]
