"""The briefing editor: header fields, sections with their items, and the item editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.changes import BriefingChange
from app.models import Briefing
from ui import shortcuts
from ui.briefing_model import ITEM_ID_ROLE, BriefingModel
from ui.document import BriefingDocument
from ui.item_editor import ItemEditor
from ui.section_actions import SectionCommands
from ui.undo_keys import UndoKeysToDocument

MARKINGS = (
    "",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "SECRET",
    "TLP:CLEAR",
    "TLP:GREEN",
    "TLP:AMBER",
    "TLP:AMBER+STRICT",
    "TLP:RED",
)


class BriefingEditor(QWidget):
    """Everything the briefing says, editable; selection reports the item for the reader."""

    item_selected = Signal(str)  # item id
    message = Signal(str)  # a line for the status bar

    def __init__(self, document: BriefingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = BriefingModel(document)
        self.tree = self._make_tree()
        self.item_editor = ItemEditor(document, self)
        self.header = _HeaderForm(document, self)
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        self.sections = SectionCommands(document, self.tree, self.model, self.message.emit, self)
        self.model.refused.connect(self.message.emit)
        self.sections.item_actions = [
            self.move_up_action,
            self.move_down_action,
            self.move_to_action,
            self.delete_action,
        ]
        layout.addLayout(self._tool_row())
        self.guidance = QLabel(self)
        self.guidance.setObjectName("section_guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: palette(mid); font-style: italic; padding: 2px")
        self.guidance.setAccessibleName("Section guidance")
        split = QSplitter(Qt.Orientation.Vertical, self)
        tree_and_guidance = QWidget(self)
        column = QVBoxLayout(tree_and_guidance)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.guidance)
        split.addWidget(tree_and_guidance)
        split.addWidget(self.item_editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.undo_keys = UndoKeysToDocument(self)
        for widget in self.header.fields():
            self.undo_keys.watch(widget)
        self.item_editor.fields_built.connect(self._watch_undo_keys)
        # Only a new briefing or a change of sections resets the model; the items in hand
        # are found again by id at once.
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._kept_selection: list[str] = []
        self._kept_current: str | None = None
        self._kept_section: str | None = None

    # ----- building -----------------------------------------------------------------------
    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setAccessibleName("Briefing sections and items")
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        # One line per item (the full text is in the tooltip and the item editor): with
        # uniform rows the tree lays out tens of thousands of items without measuring each.
        tree.setUniformRowHeights(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setAlternatingRowColors(True)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(tree.expandAll)
        return tree

    def _make_actions(self) -> None:
        # Moving works wherever the item is in hand: in the tree, or in its fields after
        # typing. Delete stays with the tree: in a text field it deletes characters.
        self.move_up_action = self._tree_action(
            "Move &Up",
            shortcuts.MOVE_UP,
            "Move the item up",
            lambda: self._move(-1),
            context=self,
        )
        self.move_down_action = self._tree_action(
            "Move &Down",
            shortcuts.MOVE_DOWN,
            "Move the item down",
            lambda: self._move(+1),
            context=self,
        )
        self.move_to_action = self._tree_action(
            "Move to &Section…",
            shortcuts.MOVE_TO_SECTION,
            "Move the item to another section",
            self.ask_move_to_section,
            context=self,
        )
        self.delete_action = self._tree_action(
            "&Delete Item",
            shortcuts.DELETE_ITEM,
            "Remove the item (undoable)",
            self.delete_selected,
            context=self.tree,
        )

    def _tree_action(
        self,
        text: str,
        keys: shortcuts.Key,
        tip: str,
        slot: Callable[[], object],
        *,
        context: QWidget,
    ) -> QAction:
        action = QAction(text, context)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({shortcuts.key_text(keys)})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        context.addAction(action)
        if context is not self.tree:
            self.tree.addAction(action)  # listed in the tree's right-click menu too
        return action

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in (
            self.move_up_action,
            self.move_down_action,
            self.move_to_action,
            self.delete_action,
            self.sections.add_action,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", ""))
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ----- item commands ------------------------------------------------------------------
    def selected_item_ids(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows()
        return [i.data(ITEM_ID_ROLE) for i in rows if i.data(ITEM_ID_ROLE)]

    def current_item_id(self) -> str | None:
        item_id = self.tree.currentIndex().data(ITEM_ID_ROLE)
        return item_id if isinstance(item_id, str) else None

    def _watch_undo_keys(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            self.undo_keys.watch(widget)

    def items_in_hand(self) -> list[str]:
        """The items a command acts on: those selected in the tree, else the one current
        there, else the one whose fields are open in the item editor."""
        if selected := self.selected_item_ids():
            return selected
        in_hand = self.current_item_id() or self.item_editor.shown_item_id()
        return [in_hand] if in_hand else []

    def select_item(self, item_id: str) -> None:
        index = self.model.index_of_item(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.tree.scrollTo(index)

    def _move(self, step: int) -> None:
        if self._section_row_only():
            self.sections.move(step)
            return
        ids = self.items_in_hand()
        if not ids:
            self.message.emit("Select an item of the briefing to move it.")
            return
        try:
            after = edits.move_within(self._document.briefing, ids[0], step)
        except edits.EditError as error:
            self.message.emit(f"Not moved: {error}.")
            return
        self._document.apply("Move item", after)

    def ask_move_to_section(self) -> None:
        ids = self.items_in_hand()
        if not ids:
            self.message.emit("Select an item of the briefing to move it to another section.")
            return
        section_id = self._ask_section()
        if section_id:
            self.model.move_items(ids, section_id, 10**9)
            self.message.emit("Moved to the end of the section. Undo puts it back.")

    def _section_row_only(self) -> bool:
        """True when a section row is current and no item is selected: Delete and
        Alt+Up/Down then act on the section."""
        return self.sections.section_row_in_hand() is not None and not self.selected_item_ids()

    def delete_selected(self) -> None:
        if self._section_row_only():
            self.sections.delete()
            return
        ids = self.items_in_hand()
        if ids:
            label = "Delete item" if len(ids) == 1 else f"Delete {len(ids)} items"
            self._document.apply(label, edits.discard_items(self._document.briefing, ids))

    def _ask_section(self) -> str | None:
        sections = self._document.briefing.sections
        names = [s.title for s in sections]
        name, ok = QInputDialog.getItem(self, "Move to Section", "Section:", names, 0, False)
        return sections[names.index(name)].id if ok and name in names else None

    # ----- selection ----------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ITEM_ID_ROLE)
        self._show_guidance(current)
        self.item_editor.show_item(item_id)
        if item_id:
            self.item_selected.emit(item_id)

    def _show_guidance(self, current: QModelIndex) -> None:
        """The template's advice for the section in hand: what belongs there and how."""
        section_index = current.parent() if current.parent().isValid() else current
        row = section_index.row() if section_index.isValid() else -1
        sections = self._document.briefing.sections
        section = sections[row] if 0 <= row < len(sections) else None
        text = f"{section.title}: {section.guidance}" if section and section.guidance else ""
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))

    def _remember_selection(self) -> None:
        self._kept_current = self.current_item_id()
        self._kept_selection = self.selected_item_ids()
        section = self.sections.section_row_in_hand()
        self._kept_section = section.id if section else None

    def _restore_selection(self) -> None:
        current = self.model.index_of_item(self._kept_current) if self._kept_current else None
        if current is not None and current.isValid():
            self.tree.setCurrentIndex(current)
        elif self._kept_section:  # a section row stays in hand across renames and undo
            self.sections.select_section(self._kept_section)
        selection = self.tree.selectionModel()
        for item_id in self._kept_selection:
            index = self.model.index_of_item(item_id)
            if index.isValid():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)


class _HeaderForm(QWidget):
    """Title, date, author, marking and bottom line; typing in one field is one undo step."""

    def __init__(self, document: BriefingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.author = QLineEdit()
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.bottom_line = QPlainTextEdit()
        self.bottom_line.setTabChangesFocus(True)
        self.bottom_line.setFixedHeight(self.bottom_line.fontMetrics().lineSpacing() * 3 + 14)
        self.bottom_line.setPlaceholderText("The one thing the meeting must take away.")
        self.likelihood = QComboBox()  # the template's controlled terms, when it has any
        self.likelihood.setToolTip("How likely the bottom line is, in the template's terms")
        for label, widget in (
            ("&Title", self.title),
            ("Da&te", self.date),
            ("Au&thor", self.author),
            ("&Marking", self.marking),
            ("&Bottom line", self.bottom_line),
            ("&Likelihood", self.likelihood),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self._form = form
        self._terms: tuple[str, ...] | None = None
        self.likelihood.activated.connect(
            lambda _: self._edit("likelihood", self.likelihood.currentData() or "")
        )
        self.title.textEdited.connect(lambda v: self._edit("title", v))
        self.author.textEdited.connect(lambda v: self._edit("author", v))
        self.date.editingFinished.connect(self._edit_date)
        self.marking.currentTextChanged.connect(lambda v: self._edit("marking", v.strip()))
        self.bottom_line.textChanged.connect(
            lambda: self._edit("bottom_line", self.bottom_line.toPlainText())
        )
        document.changed.connect(self._on_changed)

    def fields(self) -> list[QWidget]:
        fields: list[QWidget | None] = [self.title, self.date, self.author]
        fields += [self.marking.lineEdit(), self.bottom_line]  # the combo's editable line
        return [field for field in fields if field is not None]

    def _edit(self, field: str, value: object) -> None:
        try:
            after = edits.set_header(self._document.briefing, field, value)
        except ValueError:
            return
        label = field.replace("_", " ")
        self._document.apply(f"Edit {label}", after, merge_key=("header", field))

    def _edit_date(self) -> None:
        text = self.date.text().strip()
        try:
            value = dt.date.fromisoformat(text) if text else None
        except ValueError:
            self.date.setStyleSheet("color: #b91c1c")
            self.date.setToolTip("Write the date as YYYY-MM-DD, e.g. 2024-10-17.")
            return
        self.date.setStyleSheet("")
        self.date.setToolTip("")
        self._edit("date", value)

    def _on_changed(self, change: BriefingChange) -> None:
        if change.everything or change.header:
            self._refresh()

    def _refresh(self) -> None:
        briefing: Briefing = self._document.briefing
        _set_line(self.title, briefing.title)
        _set_line(self.author, briefing.author)
        if not self.date.hasFocus():
            _set_line(self.date, briefing.date.isoformat() if briefing.date else "")
        if self.marking.currentText() != briefing.marking:
            self.marking.blockSignals(True)
            self.marking.setCurrentText(briefing.marking)
            self.marking.blockSignals(False)
        if self.bottom_line.toPlainText() != briefing.bottom_line:
            self.bottom_line.blockSignals(True)
            self.bottom_line.setPlainText(briefing.bottom_line)
            self.bottom_line.blockSignals(False)
        self._refresh_likelihood(briefing)

    def _refresh_likelihood(self, briefing: Briefing) -> None:
        terms = briefing.style.likelihood_terms
        self._form.setRowVisible(self.likelihood, bool(terms) or bool(briefing.likelihood))
        choices = (*terms, *([briefing.likelihood] if briefing.likelihood not in terms else []))
        if choices != self._terms:
            self._terms = choices
            self.likelihood.clear()
            self.likelihood.addItem("— not assessed —", "")
            for term in choices:
                # A term kept from another template is shown, marked, never silently dropped.
                shown = term if term in terms else f"{term} (not in this template)"
                if term:
                    self.likelihood.addItem(shown, term)
        index = self.likelihood.findData(briefing.likelihood)
        self.likelihood.setCurrentIndex(max(index, 0))


def _set_line(line: QLineEdit, value: str) -> None:
    if line.text() != value:
        line.setText(value)  # setText does not emit textEdited
