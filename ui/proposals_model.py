"""A Qt item model over one article's review: three groups (statements, figures, questions)
with their proposals below, each marked open, accepted or rejected.

A thin adapter over plain rows from app.review. A new article resets the model; accepting,
rejecting and restoring only change row states (dataChanged), and hiding or showing
rejected rows removes or inserts just those rows, so selection survives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models import Briefing, Question
from app.review import (
    GROUP_TITLES,
    PROPOSAL_KINDS,
    ProposalRow,
    ReviewState,
    group_title,
    shown_rows,
)
from ui.runs import runs

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Proposal", "Details")
_GROUP = 0xFFFFFFFF  # internalId of a group row; a proposal row carries its group's number
_ROOT = QModelIndex()
_DONE_COLOUR = QColor("#6b7280")
# Computed once: views ask for flags once per row on every change, and the proposal rows
# say they never have children, so a view does not ask each one for its row count.
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_MARKS = {ReviewState.ACCEPTED: "✓ ", ReviewState.REJECTED: "✗ ", ReviewState.OPEN: ""}


class ProposalsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Sequence[ProposalRow]] = [() for _ in PROPOSAL_KINDS]
        self._keys: list[frozenset[str]] = [frozenset() for _ in PROPOSAL_KINDS]
        self._shown: list[list[ProposalRow]] = [[] for _ in PROPOSAL_KINDS]
        self._titles: list[str] = [GROUP_TITLES[k] for k in PROPOSAL_KINDS]
        self._states: Mapping[str, ReviewState] = {}
        self._show_rejected = False
        self._described: dict[str, tuple[str, str]] = {}
        # Proposals that may answer a question carried from the last briefing: key ->
        # the questions' words, for the details column and the tooltip.
        self._answers: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # ----- what is shown ------------------------------------------------------------------
    def show_review(
        self, rows: Mapping[str, Sequence[ProposalRow]], states: Mapping[str, ReviewState]
    ) -> None:
        """Show another article's proposals (or none): a reset."""
        self.beginResetModel()
        self._all = [rows.get(kind, ()) for kind in PROPOSAL_KINDS]
        self._keys = [frozenset(row.key for row in rows) for rows in self._all]
        self._states = states
        self._described = {}
        self._shown = [self._visible(rows) for rows in self._all]
        self._retitle()
        self.endResetModel()

    def set_answer_hints(self, hints: Mapping[str, tuple[str, ...]], briefing: Briefing) -> None:
        """Mark the proposals that may answer carried questions (from answer_hints)."""
        questions = {
            item.id: " ".join(item.text.split())
            for item in briefing.items()
            if isinstance(item, Question)
        }
        answers = {
            key: "; ".join(questions[q] for q in ids if q in questions)
            for key, ids in hints.items()
        }
        answers = {key: words for key, words in answers.items() if words}
        if answers != self._answers:
            self._answers = answers
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 1))
                self.layoutChanged.emit()

    def may_answer(self, key: str) -> str:
        """The carried questions a proposal may answer, in words ("" for none)."""
        return self._answers.get(key, "")

    def update_states(self, states: Mapping[str, ReviewState]) -> None:
        """New decisions on the same proposals: rows change marks, rejected ones hide.
        Only groups and rows whose state changed are touched: after accepting one proposal
        of thousands, views re-read one row."""
        before, self._states = self._states, states
        changed = {key for key, state in states.items() if before.get(key) is not state}
        for group, rows in enumerate(self._all):
            if changed and not changed.isdisjoint(self._keys[group]):
                self._sync_group(group, self._visible(rows))
                self._rows_changed(group, changed)

    def set_show_rejected(self, show: bool) -> None:
        if show != self._show_rejected:
            self._show_rejected = show
            rejected = {key for key, state in self._states.items() if state is ReviewState.REJECTED}
            for group, rows in enumerate(self._all):
                self._sync_group(group, self._visible(rows))
                self._rows_changed(group, rejected)

    def states(self) -> Mapping[str, ReviewState]:
        return self._states

    def state(self, key: str) -> ReviewState:
        return self._states.get(key, ReviewState.OPEN)

    def all_rows(self, kind: str) -> Sequence[ProposalRow]:
        return self._all[PROPOSAL_KINDS.index(kind)]

    def shown(self) -> list[ProposalRow]:
        return [row for rows in self._shown for row in rows]

    def row_of(self, index: Index) -> ProposalRow | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._shown[index.internalId()][index.row()]

    def index_of_key(self, key: str) -> QModelIndex:
        for group, rows in enumerate(self._shown):
            for number, row in enumerate(rows):
                if row.key == key:
                    return self.index(number, 0, self.index(group, 0))
        return QModelIndex()

    # ----- Qt's model interface -----------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(PROPOSAL_KINDS) else _ROOT
        if parent.internalId() != _GROUP or parent.column() != 0:
            return QModelIndex()
        if row < len(self._shown[parent.row()]):
            return self.createIndex(row, column, parent.row())
        return QModelIndex()

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(PROPOSAL_KINDS)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._shown[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == _GROUP else _ROW_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        row = self._shown[index.internalId()][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column(), role)
        if role == KEY_ROLE:
            return row.key
        if role == ROW_ROLE:
            return row
        if role == KIND_ROLE:
            return row.kind
        state = self.state(row.key)
        if role == STATE_ROLE:
            return state.value
        if role == Qt.ItemDataRole.ForegroundRole and state is not ReviewState.OPEN:
            return QBrush(_DONE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and state is ReviewState.REJECTED:
            return self._struck if index.column() == 0 else None
        return None

    # ----- helpers ------------------------------------------------------------------------
    def _group_data(self, index: Index, role: int) -> object:
        kind = PROPOSAL_KINDS[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return GROUP_TITLES[kind]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == KIND_ROLE:
            return kind
        return None

    def _text(self, row: ProposalRow, column: int, role: int) -> str:
        described = self._described.get(row.key)
        if described is None:
            described = self._described[row.key] = row.describe()
        text, details = described
        answers = self._answers.get(row.key)
        if column == 1:
            # First, so a narrow column still shows it.
            return f"may answer a carried question · {details}" if answers else details
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = f"\nMay answer: {answers}" if answers else ""
            return f"{text}\n({self.state(row.key).value}){hint}"
        return _MARKS[self.state(row.key)] + text

    def _visible(self, rows: Sequence[ProposalRow]) -> list[ProposalRow]:
        return shown_rows(rows, self._states, show_rejected=self._show_rejected)

    def _retitle(self) -> None:
        self._titles = [
            group_title(kind, shown, self._states)
            for kind, shown in zip(PROPOSAL_KINDS, self._shown, strict=True)
        ]

    def _rows_changed(self, group: int, keys: set[str]) -> None:
        """Tell views that the shown rows with these keys, and the group's title, changed."""
        shown = self._shown[group]
        rows = [number for number, row in enumerate(shown) if row.key in keys]
        parent = self.index(group, 0)
        if rows:
            last = self.index(max(rows), len(COLUMNS) - 1, parent)
            self.dataChanged.emit(self.index(min(rows), 0, parent), last)
        self._titles[group] = group_title(PROPOSAL_KINDS[group], shown, self._states)
        self.dataChanged.emit(parent, parent)

    def _sync_group(self, group: int, wanted: list[ProposalRow]) -> None:
        """Remove rows no longer wanted and insert new ones, in runs; both lists follow the
        article's order, so what is left after removing is in order within wanted."""
        parent = self.index(group, 0)
        shown = self._shown[group]
        keep = {row.key for row in wanted}
        for first, last in reversed(runs([n for n, r in enumerate(shown) if r.key not in keep])):
            self.beginRemoveRows(parent, first, last)
            del shown[first : last + 1]
            self.endRemoveRows()
        at = position = 0
        while position < len(wanted):
            if at < len(shown) and shown[at].key == wanted[position].key:
                at, position = at + 1, position + 1
                continue
            following = shown[at].key if at < len(shown) else None
            end = position
            while end < len(wanted) and wanted[end].key != following:
                end += 1
            self.beginInsertRows(parent, at, at + end - position - 1)
            shown[at:at] = wanted[position:end]
            self.endInsertRows()
            at, position = at + end - position, end
