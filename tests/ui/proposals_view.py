"""Reading the proposals panel of the real window as a user sees it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from ui.main_window import MainWindow
from ui.proposals_model import ROW_ROLE


def group_index(win: MainWindow, group: int) -> QModelIndex:
    return win.proposals.model.index(group, 0)


def row_index(win: MainWindow, group: int, row: int) -> QModelIndex:
    model = win.proposals.model
    return model.index(row, 0, model.index(group, 0))


def row_count(win: MainWindow, group: int) -> int:
    return win.proposals.model.rowCount(group_index(win, group))


def group_texts(win: MainWindow) -> dict[str, list[str]]:
    """Each group's title (without its counts) and the first column of its rows."""
    model = win.proposals.model
    return {
        str(group_index(win, g).data()).split(" (")[0]: [
            str(row_index(win, g, r).data()) for r in range(row_count(win, g))
        ]
        for g in range(model.rowCount())
    }


def passage(index: QModelIndex) -> str:
    return index.data(ROW_ROLE).proposal.text


def details(index: QModelIndex) -> str:
    return str(index.siblingAtColumn(1).data())
