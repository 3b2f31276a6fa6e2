"""Help → Keyboard Shortcuts: every command that has keys, as the platform writes them.

The table is read from the window's own actions (its menus, and the actions of the panes
that act where they have focus), so it lists the keys that work now and cannot drift from
ui/shortcuts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutRow:
    where: str  # the menu, or the pane the keys work in
    command: str
    keys: str  # as the platform writes them, several separated by ", "


COMMAND_NAME = "command_name"  # a fixed name for an action whose text changes with its use


def action_name(action: QAction) -> str:
    """The action's text as a person reads it: no mnemonic ampersands or trailing dots."""
    fixed = action.property(COMMAND_NAME)
    if isinstance(fixed, str) and fixed:
        return fixed
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def key_names(action: QAction) -> str:
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for key in action.shortcuts()
        if not key.isEmpty()
    )


def menu_rows(menu_bar: QMenuBar) -> list[ShortcutRow]:
    """Every action with keys in the menus, submenus included, under its menu's path."""
    rows: list[ShortcutRow] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _rows_of(menu, action_name(top))
    return rows


def _rows_of(menu: QMenu, path: str) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _rows_of(submenu, f"{path} → {action_name(action)}")
        elif not action.isSeparator() and key_names(action):
            rows.append(ShortcutRow(path, action_name(action), key_names(action)))
    return rows


def widget_rows(widget: QWidget, where: str) -> list[ShortcutRow]:
    """Actions with keys that belong to one pane (they work while it has focus)."""
    return [
        ShortcutRow(where, action_name(action), key_names(action))
        for action in widget.actions()
        if key_names(action) and not action.isSeparator()
    ]


def shortcut_rows(menu_bar: QMenuBar, panes: dict[str, QWidget]) -> list[ShortcutRow]:
    """The menus' rows, then each pane's rows not already listed with the same keys."""
    rows = menu_rows(menu_bar)
    seen = {(row.command, row.keys) for row in rows}
    for where, pane in panes.items():
        for row in widget_rows(pane, where):
            if (row.command, row.keys) not in seen:
                seen.add((row.command, row.keys))
                rows.append(row)
    return rows


class ShortcutListDialog(QDialog):
    """A searchable table of commands and their keys."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(640, 560)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Command", "Keys", "Where"])
        for row in rows:
            cells = [QStandardItem(row.command), QStandardItem(row.keys), QStandardItem(row.where)]
            for cell in cells:
                cell.setEditable(False)
            self.model.appendRow(cells)
        self.filter = QSortFilterProxyModel(self)
        self.filter.setSourceModel(self.model)
        self.filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.setFilterKeyColumn(-1)  # any column: a command, a key or a menu
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search commands or keys, e.g. “save” or “Ctrl+E”")
        self.search.setAccessibleName("Search shortcuts")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.filter)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(command, keys, where) of the rows the search leaves in view."""
        return [
            tuple(self.filter.index(row, column).data() for column in range(3))  # type: ignore[misc]
            for row in range(self.filter.rowCount())
        ]
