"""Small widget factories shared by the Sources Compared tabs: tables, actions with keys
that act where a table has focus, buttons, fields and labels, each named for its reader."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from ui import shortcuts


def table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only table of whole rows over model, named name for screen readers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, 110)
    header.resizeSection(1, 280)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return table


def action(text: str, tip: str, parent: QWidget) -> QAction:
    """A command with its tooltip and status-bar tip."""
    action = QAction(text, parent)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def table_keys(action: QAction, keys: shortcuts.Key, table: QTableView) -> None:
    """Keys that act only while table has focus, and the action in its right-click menu."""
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    table.addAction(action)


def button(action: QAction, parent: QWidget) -> QToolButton:
    """A button that shows and runs action."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    return button


def field(placeholder: str, name: str, parent: QWidget) -> QLineEdit:
    """A one-line field with a hint inside it and an accessible name."""
    field = QLineEdit(parent)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(name)
    field.setClearButtonEnabled(True)
    return field


def heading(text: str, parent: QWidget) -> QLabel:
    """A bold line above a table."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def note_label(parent: QWidget) -> QLabel:
    """A wrapped plain-text note, hidden until it has something to say."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label
