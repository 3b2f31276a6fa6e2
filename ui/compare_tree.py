"""One tab of the Sources Compared view: a tree of groups and their values, with buttons.

When a new comparison arrives the tree is rebuilt, and what the user had open and selected
is found again by key: a merged group is the one now holding the merged figures, a figure
split off is still selected in its own group, a group the user collapsed stays collapsed.
An empty comparison shows a sentence saying what to do instead of a bare tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.compare_model import TARGET_ROLE, CompareModel
from ui.compare_rows import Row, Target


@dataclass(frozen=True)
class _Kept:
    """What the user had selected and collapsed, by key, across a rebuild."""

    selected_values: tuple[str, ...]
    selected_groups: tuple[str, ...]
    selected_children: tuple[frozenset[str], ...]  # of each selected group
    collapsed: tuple[frozenset[str], ...]  # the values of each collapsed group


class CompareTree(QWidget):
    """A tree of groups with their values; activating a value asks for its passage."""

    value_activated = Signal(object)  # FigureRef | ClaimRef
    selection_changed = Signal()

    def __init__(
        self,
        columns: Sequence[str],
        *,
        name: str,
        empty_text: str,
        actions: Sequence[QAction] = (),
        widths: Sequence[int] = (260, 170),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = CompareModel(columns, self)
        self.tree = _make_tree(self, self.model, name, widths)
        self.empty = _empty_label(empty_text, self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.empty)
        self._pages.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if actions:
            layout.addLayout(_button_row(actions, self))
        layout.addWidget(self._pages, 1)
        self.tree.activated.connect(self._on_activated)
        self.tree.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )

    # ----- showing ------------------------------------------------------------------------
    def show_rows(self, rows: Sequence[Row], empty_text: str) -> None:
        """Show rows, keeping what the user had selected and collapsed."""
        self.empty.setText(empty_text)
        self._pages.setCurrentWidget(self.tree if rows else self.empty)
        if tuple(rows) == self.model.rows():
            return
        kept = self._keep()
        self.model.show_rows(rows)
        self._restore(kept)

    def _keep(self) -> _Kept:
        selected = [self.model.row_at(i) for i in self.tree.selectionModel().selectedRows()]
        chosen = [row for row in selected if row is not None]
        collapsed = [
            group.child_keys()
            for number, group in enumerate(self.model.rows())
            if not self.tree.isExpanded(self.model.index(number, 0))
        ]
        return _Kept(
            selected_values=tuple(row.key for row in chosen if row.target is not None),
            selected_groups=tuple(row.key for row in chosen if row.children),
            selected_children=tuple(row.child_keys() for row in chosen if row.children),
            collapsed=tuple(collapsed),
        )

    def _restore(self, kept: _Kept) -> None:
        for number, group in enumerate(self.model.rows()):
            shut = any(group.child_keys() & keys for keys in kept.collapsed)
            self.tree.setExpanded(self.model.index(number, 0), not shut)
        wanted = [self.model.index_of_value(key) for key in kept.selected_values]
        groups = [self.model.index_of_group(key) for key in kept.selected_groups]
        if not all(group.isValid() for group in groups):  # merged or reshaped
            groups = [self._group_holding(keys) for keys in kept.selected_children]
        wanted += groups
        self.select([index for index in wanted if index.isValid()])

    def _group_holding(self, keys: frozenset[str]) -> QModelIndex:
        """The group now holding most of keys: where a merged or reshaped group went."""
        best, best_count = QModelIndex(), 0
        for number, group in enumerate(self.model.rows()):
            count = len(group.child_keys() & keys)
            if count > best_count:
                best, best_count = self.model.index(number, 0), count
        return best

    # ----- selection ----------------------------------------------------------------------
    def select(self, indexes: Sequence[QModelIndex]) -> None:
        """Make indexes the selection (whole rows), the first one current."""
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection_model = self.tree.selectionModel()
        selection_model.select(selection, flags)
        if indexes:
            selection_model.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.scrollTo(indexes[0])

    def select_values(self, keys: Sequence[str]) -> None:
        found = [self.model.index_of_value(key) for key in keys]
        self.select([index for index in found if index.isValid()])

    def selected_groups(self) -> list[Row]:
        return [row for row in self._selected_rows() if row.children]

    def selected_values(self) -> list[Row]:
        return [row for row in self._selected_rows() if row.target is not None]

    def _selected_rows(self) -> list[Row]:
        rows = [self.model.row_at(i) for i in self.tree.selectionModel().selectedRows()]
        return [row for row in rows if row is not None]

    def _on_activated(self, index: QModelIndex) -> None:
        target: Target | None = index.data(TARGET_ROLE)
        if target is not None:
            self.value_activated.emit(target)


def _make_tree(parent: QWidget, model: CompareModel, name: str, widths: Sequence[int]) -> QTreeView:
    tree = QTreeView(parent)
    tree.setModel(model)
    tree.setAccessibleName(name)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setAllColumnsShowFocus(True)
    tree.setWordWrap(False)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return tree


def _empty_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMargin(24)
    return label


def _button_row(actions: Sequence[QAction], parent: CompareTree) -> QHBoxLayout:
    row = QHBoxLayout()
    for action in actions:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        row.addWidget(button)
        parent.tree.addAction(action)  # in the tree's right-click menu too
    row.addStretch(1)
    return row
