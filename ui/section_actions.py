"""Section commands of the briefing editor: add, rename, delete, move and properties.

Each is one undoable step through the document. The dialogs are methods of their own so
tests can answer them, though the tests here answer the real ones.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QTreeView, QWidget

from app import edits
from app.models import Section
from ui import shortcuts
from ui.briefing_model import BriefingModel, is_section_row
from ui.document import BriefingDocument
from ui.section_dialogs import (
    NEW_SECTION_TITLE,
    DeleteSectionDialog,
    SectionPropertiesDialog,
    SectionValues,
)


class SectionCommands(QObject):
    """The section actions (for the menus, the tree's right-click menu and its keys)."""

    def __init__(
        self,
        document: BriefingDocument,
        tree: QTreeView,
        model: BriefingModel,
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document, self._tree, self._model, self._say = document, tree, model, say
        self._parent = parent
        self.add_action = self._action(
            "&Add Section", self.add, "Add a section after the selected one", shortcuts.ADD_SECTION
        )
        self.add_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        parent.addAction(self.add_action)
        self.rename_action = self._action(
            "&Rename Section…", self.rename, "Type a new title for the section", shortcuts.RENAME
        )
        self.delete_action = self._action(
            "&Delete Section…",
            self.delete,
            "Delete the section, moving or deleting its items (Delete on a section row)",
        )
        self.move_up_action = self._action(
            "Move Section &Up", lambda: self.move(-1), "Move the section up (Alt+Up on a section)"
        )
        self.move_down_action = self._action(
            "Move Section Do&wn",
            lambda: self.move(+1),
            "Move the section down (Alt+Down on a section)",
        )
        self.properties_action = self._action(
            "Section &Properties…",
            self.edit_properties,
            "Title, guidance, the kinds of item that land here, and the item limit",
        )
        # The tree's actions that only make sense on items, left out of a section's menu.
        self.item_actions: list[QAction] = []
        # Rename (F2) acts on the tree; the others are reached by the menus.
        tree.addAction(self.rename_action)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        tree.itemDelegate().closeEditor.connect(lambda *_: model.end_naming())

    def actions(self) -> list[QAction]:
        """In menu order."""
        return [
            self.add_action,
            self.rename_action,
            self.move_up_action,
            self.move_down_action,
            self.delete_action,
            self.properties_action,
        ]

    def _action(
        self, text: str, slot: Callable[[], object], tip: str, keys: shortcuts.Key | None = None
    ) -> QAction:
        action = QAction(text, self._parent)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({shortcuts.key_text(keys)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        return action

    # ----- what is in hand ----------------------------------------------------------------
    def section_in_hand(self) -> Section | None:
        """The section whose row is current in the tree, else the one holding the current item."""
        index = self._tree.currentIndex()
        if not index.isValid():
            return None
        row = index.row() if is_section_row(index) else index.parent().row()
        sections = self._document.briefing.sections
        return sections[row] if 0 <= row < len(sections) else None

    def section_row_in_hand(self) -> Section | None:
        """The section when a section row itself (not an item) is current."""
        return self.section_in_hand() if is_section_row(self._tree.currentIndex()) else None

    def select_section(self, section_id: str) -> QModelIndex:
        index = self._model.index_of_section(section_id)
        if index.isValid():
            self._tree.setCurrentIndex(index)
            self._tree.scrollTo(index)
        return index

    # ----- commands -----------------------------------------------------------------------
    def add(self) -> None:
        """A new section after the one in hand (or at the end), its title ready to type."""
        briefing = self._document.briefing
        current = self.section_in_hand()
        at = edits.section_position(briefing, current.id) + 1 if current else None
        section = Section(title=NEW_SECTION_TITLE)
        after = edits.add_section(briefing, section, at)
        self._document.end_merging()
        self._document.apply("Add section", after, merge_key=("add section", section.id))
        index = self.select_section(section.id)
        self._model.begin_naming(section.id)
        self._tree.setFocus()
        self._tree.edit(index)
        self._say("Type the new section's name and press Enter. Undo removes it.")

    def rename(self) -> None:
        section = self.section_in_hand()
        if section is None:
            self._say("Select a section to rename it.")
            return
        index = self.select_section(section.id)
        self._tree.setFocus()
        self._tree.edit(index)

    def delete(self) -> None:
        """Delete the section in hand: at once when empty, else after asking where its
        items go (or confirming that they go with it)."""
        section = self.section_in_hand()
        if section is None:
            self._say("Select a section to delete it.")
            return
        briefing = self._document.briefing
        if not section.items:
            self._apply_delete(section, None, "Deleted the empty section")
            return
        answer = self._ask_delete(section)
        if answer is None:
            return
        move_to = answer[0]
        title = next((s.title for s in briefing.sections if s.id == move_to), "")
        count = len(section.items)
        done = f"Moved its {count} item(s) to “{title}”" if move_to else f"Deleted {count} item(s)"
        self._apply_delete(section, move_to, f"Deleted the section. {done}")

    def _apply_delete(self, section: Section, move_to: str | None, message: str) -> None:
        try:
            after = edits.delete_section(self._document.briefing, section.id, move_to)
        except edits.EditError as error:
            self._say(f"Not deleted: {error}.")
            return
        self._document.apply("Delete section", after)
        self._say(f"{message}. Undo brings it back.")

    def move(self, step: int) -> None:
        section = self.section_in_hand()
        if section is None:
            self._say("Select a section to move it.")
            return
        at = edits.section_position(self._document.briefing, section.id)
        if 0 <= at + step < len(self._document.briefing.sections):
            self._model.move_section(section.id, at + step)
        self.select_section(section.id)

    def edit_properties(self) -> None:
        section = self.section_in_hand()
        if section is None:
            self._say("Select a section to see its properties.")
            return
        values = self._ask_properties(section)
        if values is None:
            return
        try:
            after = edits.set_section_details(
                self._document.briefing,
                section.id,
                title=values.title,
                guidance=values.guidance,
                kinds=values.kinds,
                item_limit=values.item_limit,
            )
        except edits.EditError as error:
            self._say(f"Not changed: {error}.")
            return
        self._document.apply("Edit section properties", after)
        self.select_section(section.id)

    # ----- right-click --------------------------------------------------------------------
    def _context_menu(self, point: QPoint) -> None:
        menu = self.context_menu_at(point)
        menu.exec(self._tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu_at(self, point: QPoint) -> QMenu:
        """Section commands on a section row (or empty space), then the tree's other commands
        that are not for items only (say, a new paragraph); the tree's commands on an item row."""
        index = self._tree.indexAt(point)
        menu = QMenu(self._tree)
        mine = set(self.actions())
        others = [a for a in self._tree.actions() if a not in mine]
        if index.isValid() and not is_section_row(index):
            menu.addActions(others)
            return menu
        if index.isValid():
            self._tree.setCurrentIndex(index)
            menu.addActions(self.actions())
        else:
            menu.addAction(self.add_action)
        general = [a for a in others if a not in self.item_actions]
        if general:
            menu.addSeparator()
            menu.addActions(general)
        return menu

    # ----- dialogs (tests may replace these) ----------------------------------------------
    def _ask_delete(self, section: Section) -> tuple[str | None] | None:
        """(id of the section the items go to, or None to delete them), or None to cancel."""
        briefing = self._document.briefing
        others = [s for s in briefing.sections if s.id != section.id]
        suggested = edits.home_for_items_of(briefing, section.id)
        dialog = DeleteSectionDialog(section, others, suggested, self._parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return (dialog.move_to(),)
        finally:
            dialog.deleteLater()

    def _ask_properties(self, section: Section) -> SectionValues | None:
        dialog = SectionPropertiesDialog(section, self._parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.fields.values()
        finally:
            dialog.deleteLater()
