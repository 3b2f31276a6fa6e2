"""A Qt item model over the open briefing: sections at the top level, their items below.

A thin adapter: it reads the document's immutable briefing and turns drops and in-place
renames into edits through the document, so they are undoable like every other change.
Section rows are renamed in place (F2, double-click) and dragged to reorder the sections.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app import edits
from app.changes import BriefingChange
from app.compare import Comparison, compare_briefing
from app.fidelity import quote_is_faithful
from app.follow_up.history import question_history
from app.layout.wording import value_range
from app.models import NOTE_ROLES, Briefing, Figure, Item, Note, Question, Section, Statement
from ui.document import BriefingDocument
from ui.runs import runs

ITEM_MIME = "application/x-briefing-builder-item"
SECTION_MIME = "application/x-briefing-builder-section"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
UNFAITHFUL_ROLE = Qt.ItemDataRole.UserRole + 3
_NO_PARENT = 0xFFFFFFFF  # internalId of a section row; items carry their section's row

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # Qt's own default for 'no parent'; never mutated
# Computed once: views ask for every row's flags after each change.
_SECTION_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsEditable
)
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


class BriefingModel(QAbstractItemModel):
    """Sections and items of the document's briefing, kept in step change by change.

    Field edits become dataChanged, added, removed and moved items become row inserts,
    removals and moves (so selection and expansion survive); only a change of the sections
    themselves, or a new briefing, resets the model.
    """

    refused = Signal(str)  # why an in-place rename was not taken, for the status bar

    def __init__(self, document: BriefingDocument) -> None:
        super().__init__(document)
        self._document = document
        self._briefing = document.briefing
        self._ids: list[list[str]] = _item_ids(self._briefing)
        self._items: dict[str, Item] = {i.id: i for i in self._briefing.items()}
        # A section just added whose first naming belongs to the same undo step.
        self._naming: str | None = None
        document.changed.connect(self._on_changed)

    # ----- structure ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._briefing.sections):
                return self.createIndex(row, 0, _NO_PARENT)
            return QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        if row < len(self._ids[parent.row()]):
            return self.createIndex(row, 0, parent.row())
        return QModelIndex()

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._briefing.sections)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._ids[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    # ----- contents -----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        section = self._briefing.sections[_section_row(index)]
        if index.internalId() == _NO_PARENT:
            return _section_data(section, len(self._ids[index.row()]), role)
        item = self._items[self._ids[index.internalId()][index.row()]]
        unfaithful = isinstance(item, Statement) and not self._faithful(item)
        if role == Qt.ItemDataRole.DisplayRole:
            label = item_label(item, self._briefing)
            flag = "⚠ " if unfaithful else ("⟳ " if item.passage_change else "")
            return f"{flag}{label}   · {source_label(item, self._briefing)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item, self._briefing, unfaithful)
        if role == Qt.ItemDataRole.ForegroundRole and unfaithful:
            return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.ForegroundRole and item.passage_change:
            return QBrush(QColor("#b45309"))  # amber: waits for the analyst's answer
        if role == ITEM_ID_ROLE:
            return item.id
        if role == SECTION_ID_ROLE:
            return section.id
        if role == UNFAITHFUL_ROLE:
            return unfaithful
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return _SECTION_FLAGS if index.internalId() == _NO_PARENT else _ITEM_FLAGS

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename a section typed in place; an empty or too long title is refused."""
        if role != Qt.ItemDataRole.EditRole or not is_section_row(index):
            return False
        section = self._briefing.sections[index.row()]
        try:
            after = edits.rename_section(self._document.briefing, section.id, str(value))
        except edits.EditError as error:
            self.refused.emit(f"Not renamed: {error}. The title stays “{section.title}”.")
            return False
        if self._naming == section.id:  # naming a section just added: part of adding it
            self._document.apply("Add section", after, merge_key=("add section", section.id))
        else:
            self._document.apply("Rename section", after)
        return True

    def begin_naming(self, section_id: str) -> None:
        """The section was just added (as one undo step keyed by its id) and its title is
        being typed: that typing joins the same step."""
        self._naming = section_id

    def end_naming(self) -> None:
        if self._naming is not None:
            self._naming = None
            self._document.end_merging()

    # ----- drag and drop ------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, SECTION_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Items dragged (as today), or sections when only section rows are dragged."""
        mime = QMimeData()
        items = [i for i in indexes if i.isValid() and i.internalId() != _NO_PARENT]
        if items or not indexes:
            ids = [str(self.data(i, ITEM_ID_ROLE)) for i in items]
            mime.setData(ITEM_MIME, QByteArray("\n".join(ids).encode()))
        else:
            ids = [str(self.data(i, SECTION_ID_ROLE)) for i in indexes if i.isValid()]
            mime.setData(SECTION_MIME, QByteArray("\n".join(ids).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        if data.hasFormat(SECTION_MIME):
            return self._section_drop_index(_ids_in(data, SECTION_MIME), row, parent) is not None
        return data.hasFormat(ITEM_MIME) and self._drop_target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        if data.hasFormat(SECTION_MIME):
            ids = _ids_in(data, SECTION_MIME)
            new_index = self._section_drop_index(ids, row, parent)
            if new_index is not None:
                self.move_section(ids[0], new_index)
            return False  # moved through the document; Qt must not remove rows itself
        target = self._drop_target(row, parent)
        if target is None or not data.hasFormat(ITEM_MIME):
            return False
        section_id, position = target
        self.move_items(_ids_in(data, ITEM_MIME), section_id, position)
        return False  # the move is done; Qt must not remove the source rows itself

    def move_items(self, ids: list[str], section_id: str, position: int) -> None:
        """Move items (by id) before row position of section_id, as one undoable step."""
        briefing = self._document.briefing
        try:
            after = edits.move_items(briefing, ids, section_id, position)
        except edits.EditError:
            return  # the section went away (undo) while the drag was under way
        label = "Move item" if len(ids) == 1 else f"Move {len(ids)} items"
        self._document.apply(label, after)

    def _drop_target(self, row: int, parent: Index) -> tuple[str, int] | None:
        if not parent.isValid():
            return None  # sections themselves are not reordered here
        if parent.internalId() == _NO_PARENT:
            section = self._briefing.sections[parent.row()]
            return section.id, len(self._ids[parent.row()]) if row < 0 else row
        section = self._briefing.sections[parent.internalId()]
        return section.id, parent.row()  # dropped onto an item: before it

    def move_section(self, section_id: str, new_index: int) -> None:
        """Move a section to new_index (its place once moved), as one undoable step."""
        try:
            after = edits.move_section(self._document.briefing, section_id, new_index)
        except edits.EditError:
            return  # the section went away (undo) while the drag was under way
        self._document.apply("Move section", after)

    def _section_drop_index(self, ids: list[str], row: int, parent: Index) -> int | None:
        """Where a dragged section lands (its index once moved), or None to refuse.

        Between two sections it lands in that gap; dropped on a section's title it takes
        that section's place; among a section's items it goes before the section when
        dropped above its first item, else after it."""
        sections = self._briefing.sections
        if len(ids) != 1:
            return None  # one section at a time
        old = next((n for n, s in enumerate(sections) if s.id == ids[0]), None)
        if old is None:
            return None
        if not parent.isValid():
            gap = len(sections) if row < 0 else min(row, len(sections))
        elif is_section_row(parent) and row < 0:
            return parent.row()
        else:
            target = _section_row(parent)
            position = row if is_section_row(parent) else parent.row()
            gap = target if position == 0 else target + 1
        return gap - 1 if gap > old else gap

    # ----- lookup -------------------------------------------------------------------------
    def index_of_section(self, section_id: str) -> QModelIndex:
        for row, section in enumerate(self._briefing.sections):
            if section.id == section_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_item(self, item_id: str) -> QModelIndex:
        for s_row, ids in enumerate(self._ids):
            if item_id in ids:
                return self.index(ids.index(item_id), 0, self.index(s_row, 0))
        return QModelIndex()

    def _faithful(self, statement: Statement) -> bool:
        anchor = statement.anchor
        source = self._briefing.source(anchor.source_id) if anchor else None
        return quote_is_faithful(statement, source)

    # ----- following the document ---------------------------------------------------------
    def _on_changed(self, change: BriefingChange) -> None:
        after = self._document.briefing
        if change.everything or change.sections:
            self._reset_to(after)
            return
        before, self._briefing = self._briefing, after
        if change.items_moved and not self._sync_rows(after):
            self._reset_to(after)
            return
        self._items = {i.id: i for i in after.items()}
        if change.sources or before.sources is not after.sources:
            self._all_items_changed()  # source names and paragraph numbers may differ
        else:
            for item_id in change.edited_items:
                index = self.index_of_item(item_id)
                self.dataChanged.emit(index, index)
        if self._ids:
            last = len(self._ids) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, 0))  # counts in titles

    def _reset_to(self, briefing: Briefing) -> None:
        self.beginResetModel()
        self._briefing = briefing
        self._ids = _item_ids(briefing)
        self._items = {i.id: i for i in briefing.items()}
        self.endResetModel()

    def _all_items_changed(self) -> None:
        for s_row, ids in enumerate(self._ids):
            if ids:
                parent = self.index(s_row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(ids) - 1, 0, parent))

    def _sync_rows(self, briefing: Briefing) -> bool:
        """Turn the rows shown into briefing's by removals, inserts and moves; False when
        that would take too many single moves (then a reset is cheaper)."""
        wanted = _item_ids(briefing)
        self._items.update({i.id: i for i in briefing.items()})  # rows being added need data
        self._remove_rows_not_in({i for ids in wanted for i in ids})
        where = {item_id: s for s, ids in enumerate(self._ids) for item_id in ids}
        moves = 0
        for s_row, ids in enumerate(wanted):
            row = 0
            while row < len(ids):
                shown = self._ids[s_row]
                if row < len(shown) and shown[row] == ids[row]:
                    row += 1
                elif ids[row] not in where:
                    row = self._insert_new_rows(s_row, row, ids, where)
                else:
                    moves += 1
                    if moves > _MOST_SINGLE_MOVES:
                        return False
                    self._move_row(where[ids[row]], ids[row], s_row, row)
                    where[ids[row]] = s_row
                    row += 1
        return True

    def _remove_rows_not_in(self, kept: set[str]) -> None:
        for s_row, ids in enumerate(self._ids):
            for first, last in reversed(runs([n for n, i in enumerate(ids) if i not in kept])):
                self.beginRemoveRows(self.index(s_row, 0), first, last)
                del ids[first : last + 1]
                self.endRemoveRows()

    def _insert_new_rows(self, s_row: int, row: int, ids: list[str], where: dict) -> int:
        end = row
        while end < len(ids) and ids[end] not in where:
            where[ids[end]] = s_row
            end += 1
        self.beginInsertRows(self.index(s_row, 0), row, end - 1)
        self._ids[s_row][row:row] = ids[row:end]
        self.endInsertRows()
        return end

    def _move_row(self, from_section: int, item_id: str, to_section: int, row: int) -> None:
        from_row = self._ids[from_section].index(item_id)
        source, target = self.index(from_section, 0), self.index(to_section, 0)
        # Within one section the wanted row is always above the item (rows above are final).
        self.beginMoveRows(source, from_row, from_row, target, row)
        del self._ids[from_section][from_row]
        self._ids[to_section].insert(row, item_id)
        self.endMoveRows()


_MOST_SINGLE_MOVES = 200


def _item_ids(briefing: Briefing) -> list[list[str]]:
    return [[item.id for item in section.items] for section in briefing.sections]


def _section_row(index: Index) -> int:
    return index.row() if index.internalId() == _NO_PARENT else index.internalId()


def is_section_row(index: Index) -> bool:
    return index.isValid() and index.internalId() == _NO_PARENT


def _ids_in(data: QMimeData, mime_type: str) -> list[str]:
    return [i for i in bytes(data.data(mime_type).data()).decode().split("\n") if i]


def _section_data(section: Section, count: int, role: int) -> object:
    limit = section.item_limit
    over = limit is not None and count > limit
    if role == Qt.ItemDataRole.DisplayRole:
        return (
            f"{section.title} ({count} of at most {limit})"
            if over
            else f"{section.title} ({count})"
        )
    if role == Qt.ItemDataRole.EditRole:
        return section.title
    if role == Qt.ItemDataRole.ToolTipRole:
        lines = [section.guidance] if section.guidance else []
        if over:
            lines.append(f"Holds {count} items; its guidance wants at most {limit}.")
        return "\n".join(lines) or None
    if role == Qt.ItemDataRole.ForegroundRole and over:
        return QBrush(QColor("#b91c1c"))
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == SECTION_ID_ROLE:
        return section.id
    return None


def item_label(item: Item, briefing: Briefing) -> str:
    """One line saying what the item is, as the editor lists it."""
    if isinstance(item, Statement) and item.wording.strip():
        return f"{_short(item.wording)} [{item.verification.value}]"  # the analyst's sentence
    if isinstance(item, Statement):
        quoted = item.content.lstrip()[:1] in "\"“‘'«"
        said = f"“{_short(item.content)}”" if item.direct and not quoted else _short(item.content)
        who = item.speaker or "unattributed"
        return f"{who}: {said} [{item.verification.value}]"
    if isinstance(item, Figure):
        # The value as the exports print it ("≈ 1,000–10,000"), so an edit shows here too.
        value = value_range(item.value, item.value_high, approximate=item.approximate)
        what = " ".join(p for p in (item.unit, item.counts) if p)
        return (value or item.text) + (f" — {what}" if what else "")
    if isinstance(item, Question):
        carried = ", carried" if item.carried else ""
        return f"? {_short(item.text)} [{item.question_kind.value}, {item.status.value}{carried}]"
    assert isinstance(item, Note)
    if item.anchor is None:  # the analyst's own paragraph, under its role
        label = NOTE_ROLES[item.role] if item.role else "Your text"
        return f"{label}: {_short(item.text) or '(empty: type in the editor)'}"
    return f"Note: {_short(item.text)}"


def source_label(item: Item, briefing: Briefing) -> str:
    anchor = item.anchor
    source = briefing.source(anchor.source_id) if anchor else None
    if anchor is None:
        return "your own text" if isinstance(item, Note) else "no source"
    if source is None:
        return "no source"
    cited = source.cited(anchor)
    paragraph = cited.paragraph_number(anchor.start)
    name = source.outlet or source.title or source.origin or "article"
    if cited is not source:
        name += f" (version {cited.version})"
    return f"{name}, para. {paragraph}" if paragraph else name


def _tooltip(item: Item, briefing: Briefing, unfaithful: bool) -> str:
    lines = [f"Source: {source_label(item, briefing)}"]
    if item.note:
        lines.append(f"Note: {item.note}")
    if unfaithful:
        lines.append("This quote no longer matches the article word for word.")
    if item.passage_change is not None:
        lines.append(_passage_change_line(item))
    if isinstance(item, Question) and (history := question_history(item, briefing)):
        lines.append(history[:1].upper() + history[1:] + ".")
    corroboration = _comparison(briefing).corroboration_of(item.id)
    if corroboration is not None and len(briefing.articles()) > 1:
        settled = f", {corroboration.confirmation}" if corroboration.confirmation else ""
        lines.append(corroboration.label[:1].upper() + corroboration.label[1:] + settled)
    return "\n".join(lines)


def _passage_change_line(item: Item) -> str:
    change = item.passage_change
    assert change is not None
    cited = item.anchor.version if item.anchor else 0
    if change.status == "gone":
        return (
            f"Its passage is gone from version {change.version} of the article; it still "
            f"cites version {cited}. Article → Versions… to keep or remove it."
        )
    return (
        f"Its passage changed in version {change.version} of the article: "
        f"“{_short(change.text)}”. Article → Versions… to take the new wording or keep "
        f"version {cited}."
    )


# The comparison of the briefing last shown: tooltips ask for it item by item, and a
# briefing is immutable, so one comparison serves until the next change.
_COMPARED: list[tuple[Briefing, Comparison]] = []


def _comparison(briefing: Briefing) -> Comparison:
    if not _COMPARED or _COMPARED[0][0] is not briefing:
        _COMPARED[:] = [(briefing, compare_briefing(briefing))]
    return _COMPARED[0][1]


def _short(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
