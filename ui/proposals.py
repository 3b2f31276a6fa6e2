"""The proposals panel: what the extractor found in the current article, to accept or reject.

Keyboard: Enter accepts the selected proposals, Delete rejects them, Insert restores a
rejected one; the arrow keys move between rows, and selection follows into the reader.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.extraction import Extraction, ProposedFigure, ProposedQuestion, ProposedStatement
from app.layout.wording import value_range
from app.models import Source
from app.proposals import Proposal, proposal_key
from ui.steps import StepPump

KEY_ROLE = Qt.ItemDataRole.UserRole
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
_ROWS_PER_STEP = 150
_ROWS_AT_ONCE = 1500
GROUPS = (("statement", "Key statements"), ("figure", "Figures"), ("question", "Open questions"))


class ProposalsPanel(QWidget):
    """Statements, figures and open questions, each linked to its passage."""

    passage_requested = Signal(int, int)
    accept_requested = Signal(list)  # proposals
    reject_requested = Signal(list)  # keys
    restore_requested = Signal(list)  # keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = _make_tree(self)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.show_rejected = QCheckBox("Show re&jected")
        self.show_rejected.setToolTip("List rejected proposals too, so they can be restored")
        self.show_rejected.toggled.connect(self._rebuild)
        self._source: Source | None = None
        self._extraction: Extraction | None = None
        self._rejected: set[str] = set()
        self._accepted: set[str] = set()
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._pump = StepPump(self)
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._tool_row())
        layout.addWidget(self.tree, 1)

    # ----- building -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.accept_action = self._action(
            "&Accept", "Return", "Add the selected proposals to the briefing", self.accept_selected
        )
        self.reject_action = self._action(
            "&Reject",
            "Delete",
            "Hide the selected proposals (they can be restored)",
            self.reject_selected,
        )
        self.restore_action = self._action(
            "Re&store",
            "Insert",
            "Bring back the selected rejected proposals",
            self.restore_selected,
        )
        self.accept_all_actions = {
            kind: self._action(
                f"Accept All {title}",
                None,
                f"Add every open proposal under {title}",
                lambda _=False, k=kind: self.accept_all(k),
            )
            for kind, title in GROUPS
        }

    def _action(self, text: str, keys: str | None, tip: str, slot: object) -> QAction:
        action = QAction(text, self.tree)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
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

    # ----- contents -----------------------------------------------------------------------
    def show_extraction(
        self,
        source: Source | None,
        extraction: Extraction | None,
        *,
        rejected: set[str] = frozenset(),
        accepted: set[str] = frozenset(),
    ) -> None:
        """Show source's proposals; rejected ones hidden, accepted ones ticked."""
        same_list = (source, extraction) == (self._source, self._extraction) and source
        if same_list and not self._pump.busy() and set(rejected) >= self._rejected:
            self._update_states(set(rejected), set(accepted))
            return
        self._source, self._extraction = source, extraction
        self._rejected, self._accepted = set(rejected), set(accepted)
        self._rebuild()

    def _rebuild(self) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, KEY_ROLE) if current else None
        self.tree.clear()
        self._rows.clear()
        if self._source is None or self._extraction is None:
            self._pump.start(iter(()))
            return
        work = [self._add_group(kind, title) for kind, title in GROUPS]
        self._pump.start(self._fill(work, keep))
        if sum(len(listed) for _, listed in work) <= _ROWS_AT_ONCE:
            self._pump.finish()  # an ordinary article: no reason to show it half-built

    def busy(self) -> bool:
        return self._pump.busy()

    def _add_group(self, kind: str, title: str) -> tuple[QTreeWidgetItem, list]:
        group = QTreeWidgetItem(self.tree, ["", ""])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setData(0, KIND_ROLE, kind)
        font = QFont(self.tree.font())
        font.setBold(True)
        group.setFont(0, font)
        group.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
        group.setExpanded(True)
        listed = []
        for proposal in getattr(self._extraction, f"{kind}s"):
            key = proposal_key(self._source, proposal)
            if key not in self._rejected or self.show_rejected.isChecked():
                listed.append((proposal, key))
        self._title_group(group, [k for _, k in listed])
        return group, listed

    def _title_group(self, group: QTreeWidgetItem, keys: list[str]) -> None:
        waiting = sum(1 for k in keys if k not in self._accepted and k not in self._rejected)
        title = group.data(0, Qt.ItemDataRole.AccessibleTextRole)
        group.setText(0, f"{title} ({waiting} to review, {len(keys)} shown)")

    def _fill(self, work: list[tuple[QTreeWidgetItem, list]], keep: str | None) -> Iterator[None]:
        # Thousands of rows (a long report) go in a slice at a time between events.
        for group, listed in work:
            for start in range(0, len(listed), _ROWS_PER_STEP):
                rows = [
                    self._row(p, k, k in self._rejected) for p, k in listed[start:][:_ROWS_PER_STEP]
                ]
                group.addChildren(rows)
                yield
        if keep and keep in self._rows:
            self.tree.setCurrentItem(self._rows[keep])

    def _update_states(self, rejected: set[str], accepted: set[str]) -> None:
        """Tick newly accepted rows and drop newly rejected ones, without a rebuild."""
        changed = (rejected ^ self._rejected) | (accepted ^ self._accepted)
        self._rejected, self._accepted = rejected, accepted
        for key in changed:
            old = self._rows.get(key)
            if old is None:
                continue
            parent = old.parent()
            index = parent.indexOfChild(old)
            parent.takeChild(index)
            del self._rows[key]
            if key not in rejected or self.show_rejected.isChecked():
                parent.insertChild(
                    index, self._row(old.data(0, PROPOSAL_ROLE), key, key in rejected)
                )
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            keys = [group.child(i).data(0, KEY_ROLE) for i in range(group.childCount())]
            self._title_group(group, keys)

    def _row(self, proposal: Proposal, key: str, rejected: bool) -> QTreeWidgetItem:
        text, details = describe(proposal)
        accepted = key in self._accepted
        mark = "✓ " if accepted else ("✗ " if rejected else "")
        item = QTreeWidgetItem([mark + text, details])
        self._rows[key] = item
        item.setData(0, KEY_ROLE, key)
        item.setData(0, PROPOSAL_ROLE, proposal)
        state = "accepted" if accepted else ("rejected" if rejected else "to review")
        item.setToolTip(0, f"{text}\n({state})")
        item.setToolTip(1, details)
        if accepted or rejected:
            item.setForeground(0, QBrush(QColor("#6b7280")))
        if rejected:
            font = item.font(0)
            font.setStrikeOut(True)
            item.setFont(0, font)
        return item

    # ----- selection and commands ---------------------------------------------------------
    def select_key(self, key: str) -> bool:
        self._pump.finish()
        item = self._rows.get(key)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            return True
        return False

    def select_at(self, offset: int) -> bool:
        """Select the (narrowest) proposal whose passage holds offset; False if none."""
        self._pump.finish()
        holding = [
            (proposal.end - proposal.start, key)
            for key, row in self._rows.items()
            if (proposal := row.data(0, PROPOSAL_ROLE)).start <= offset < proposal.end
        ]
        return self.select_key(min(holding)[1]) if holding else False

    def selected(self) -> list[QTreeWidgetItem]:
        return [i for i in self.tree.selectedItems() if i.data(0, KEY_ROLE)]

    def accept_selected(self) -> None:
        chosen = [i for i in self.selected() if i.data(0, KEY_ROLE) not in self._accepted]
        if chosen:
            self._advance_past(chosen)
            self.accept_requested.emit([i.data(0, PROPOSAL_ROLE) for i in chosen])

    def reject_selected(self) -> None:
        keys = [i.data(0, KEY_ROLE) for i in self.selected()]
        keys = [k for k in keys if k not in self._rejected and k not in self._accepted]
        if keys:
            self._advance_past(self.selected())
            self.reject_requested.emit(keys)

    def restore_selected(self) -> None:
        keys = [i.data(0, KEY_ROLE) for i in self.selected()]
        keys = [k for k in keys if k in self._rejected]
        if keys:
            self.restore_requested.emit(keys)

    def accept_all(self, kind: str) -> None:
        if self._source is None or self._extraction is None:
            return
        waiting = [
            p
            for p in getattr(self._extraction, f"{kind}s")
            if (key := proposal_key(self._source, p)) not in self._accepted
            and key not in self._rejected
        ]
        if waiting:
            self.accept_requested.emit(waiting)

    def _advance_past(self, items: list[QTreeWidgetItem]) -> None:
        # Keyboard review flow: after Enter or Delete, the next proposal is current.
        below = self.tree.itemBelow(items[-1])
        while below is not None and not below.data(0, KEY_ROLE):
            below = self.tree.itemBelow(below)  # past a group heading into the next group
        if below is not None:
            self.tree.setCurrentItem(below)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        proposal = current.data(0, PROPOSAL_ROLE) if current else None
        if proposal is not None:
            self.passage_requested.emit(proposal.start, proposal.end)


def _make_tree(parent: QWidget) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setColumnCount(2)
    tree.setHeaderLabels(["Proposal", "Details"])
    tree.setAccessibleName("Proposals")
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    tree.header().resizeSection(1, 190)
    return tree


def describe(proposal: Proposal) -> tuple[str, str]:
    """(the passage on one line, its fields) as the panel lists a proposal."""
    if isinstance(proposal, ProposedStatement):
        who = proposal.speaker or "unattributed"
        how = "direct" if proposal.direct else "reported"
        details = f"{who} · {proposal.cue} ({how})" if proposal.cue else f"{who} · {how}"
        return _one_line(proposal.text), details
    if isinstance(proposal, ProposedFigure):
        # Written as the exports write it ("≈ 1,000–10,000"), so review shows what prints.
        value = value_range(proposal.value, proposal.value_high, approximate=proposal.approximate)
        parts = [value or "?", proposal.unit or "", proposal.counts or ""]
        return proposal.text, " · ".join(p for p in parts if p)
    assert isinstance(proposal, ProposedQuestion)
    return _one_line(proposal.text), proposal.kind


def _one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
