"""The proposals panel: what the extractor found in the current article, to accept or reject.

Keyboard: Enter accepts the selected proposals, Delete rejects them, Insert restores a
rejected one; the arrow keys move between rows, and selection follows into the reader.
The panel holds no review state of its own: it shows a ProposalsModel and asks for
decisions through its signals.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.review import (
    GROUP_TITLES,
    PROPOSAL_KINDS,
    ProposalRow,
    ReviewState,
    narrowest_at,
    open_rows,
)
from ui import shortcuts
from ui.proposals_model import KEY_ROLE, ProposalsModel


class ProposalsPanel(QWidget):
    """Statements, figures and open questions, each linked to its passage."""

    passage_requested = Signal(int, int)
    accept_requested = Signal(list)  # ProposalRow
    reject_requested = Signal(list)  # keys
    restore_requested = Signal(list)  # keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProposalsModel(self)
        self.tree = _make_tree(self, self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.show_rejected = QCheckBox("Show re&jected")
        self.show_rejected.setToolTip("List rejected proposals too, so they can be restored")
        self.show_rejected.toggled.connect(self.model.set_show_rejected)
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._tool_row())
        layout.addWidget(self.tree, 1)

    # ----- building -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.accept_action = self._action(
            "&Accept",
            shortcuts.ACCEPT,
            "Add the selected proposals to the briefing",
            self.accept_selected,
        )
        self.reject_action = self._action(
            "&Reject",
            shortcuts.REJECT,
            "Hide the selected proposals (they can be restored)",
            self.reject_selected,
        )
        self.restore_action = self._action(
            "Re&store",
            shortcuts.RESTORE,
            "Bring back the selected rejected proposals",
            self.restore_selected,
        )
        self.accept_all_actions = {
            kind: self._action(
                f"Accept All {GROUP_TITLES[kind]}",
                None,
                f"Add every open proposal under {GROUP_TITLES[kind]}",
                partial(self.accept_all, kind),
            )
            for kind in PROPOSAL_KINDS
        }

    def _action(self, text: str, keys: str | None, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.tree)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in (self.accept_action, self.reject_action, self.restore_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            row.addWidget(button)
        all_button = QToolButton(self)
        all_button.setText("Accept A&ll")
        all_button.setToolTip("Accept every open proposal of one kind")
        all_button.setAccessibleName("Accept all of one kind")
        all_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(all_button)
        menu.addActions(list(self.accept_all_actions.values()))
        all_button.setMenu(menu)
        row.addWidget(all_button)
        row.addStretch(1)
        row.addWidget(self.show_rejected)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return row

    # ----- selection ----------------------------------------------------------------------
    def select_key(self, key: str) -> bool:
        index = self.model.index_of_key(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def select_at(self, offset: int) -> bool:
        """Select the (narrowest) proposal whose passage holds offset; False if none."""
        found = narrowest_at(self.model.shown(), offset)
        return self.select_key(found.key) if found else False

    def selected_rows(self) -> list[ProposalRow]:
        rows = (self.model.row_of(i) for i in self.tree.selectionModel().selectedRows())
        return [row for row in rows if row is not None]

    def current_row(self) -> ProposalRow | None:
        return self.model.row_of(self.tree.currentIndex())

    # ----- commands -----------------------------------------------------------------------
    def accept_selected(self) -> None:
        chosen = [r for r in self.selected_rows() if self._state(r) is not ReviewState.ACCEPTED]
        if chosen:
            self._advance_past()
            self.accept_requested.emit(chosen)

    def reject_selected(self) -> None:
        keys = [r.key for r in self.selected_rows() if self._state(r) is ReviewState.OPEN]
        if keys:
            self._advance_past()
            self.reject_requested.emit(keys)

    def restore_selected(self) -> None:
        keys = [r.key for r in self.selected_rows() if self._state(r) is ReviewState.REJECTED]
        if keys:
            self.restore_requested.emit(keys)

    def accept_all(self, kind: str) -> None:
        waiting = open_rows(self.model.all_rows(kind), self.model.states())
        if waiting:
            self.accept_requested.emit(waiting)

    def _state(self, row: ProposalRow) -> ReviewState:
        return self.model.state(row.key)

    def _advance_past(self) -> None:
        # Keyboard review flow: after Enter or Delete, the next proposal is current.
        rows = self.tree.selectionModel().selectedRows()
        if not rows:
            return
        below = self.tree.indexBelow(max(rows, key=_position))
        while below.isValid() and not below.data(KEY_ROLE):
            below = self.tree.indexBelow(below)  # past a group heading into the next group
        if below.isValid():
            self.tree.setCurrentIndex(below)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_of(current)
        if row is not None:
            self.passage_requested.emit(row.start, row.end)


def _position(index: QModelIndex) -> tuple[int, int]:
    return (index.parent().row(), index.row())


def _make_tree(parent: QWidget, model: ProposalsModel) -> QTreeView:
    tree = QTreeView(parent)
    tree.setModel(model)
    tree.setAccessibleName("Proposals")
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setAllColumnsShowFocus(True)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    tree.header().resizeSection(1, 190)
    model.modelReset.connect(tree.expandAll)
    return tree
