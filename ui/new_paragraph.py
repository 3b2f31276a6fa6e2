"""The analyst's own paragraphs: Item → New Paragraph, and Ctrl+4 with nothing selected.

A new paragraph is a Note with no anchor and no text, put where the analyst is working
(the section in hand, or just after the item in hand), then selected with the keyboard
cursor in its text box. Adding it is one undo step; the typing after it is another, as
any item editing is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app import edits
from app.models import Briefing, Note
from ui import shortcuts
from ui.briefing_editor import BriefingEditor
from ui.briefing_model import ITEM_ID_ROLE, SECTION_ID_ROLE
from ui.document import BriefingDocument


def place_for_paragraph(
    briefing: Briefing, section_id: str | None, item_id: str | None
) -> tuple[str | None, int | None]:
    """Where a new paragraph goes, as (section id, index): right after item_id if it is
    still there, else at the end of section_id, else at the end of the first section that
    takes notes, else of the first section; (None, None) for a briefing without sections."""
    if item_id:
        try:
            section, index = edits.locate_item(briefing, item_id)
        except edits.EditError:
            pass  # undone or deleted meanwhile: fall back to the section
        else:
            return section.id, index + 1
    if section_id and any(s.id == section_id for s in briefing.sections):
        return section_id, None
    home = edits.section_for_kind(briefing, "note")
    if home is not None:
        return home.id, None
    if briefing.sections:
        return briefing.sections[0].id, None
    return None, None


class AnalystText(QObject):
    """Makes the analyst's own paragraphs in the briefing editor's document."""

    def __init__(self, document: BriefingDocument, editor: BriefingEditor, window: QWidget) -> None:
        super().__init__(window)
        self._document = document
        self._editor = editor
        tip = "Write a paragraph of your own (assessment, comment, …) in the selected section"
        self.new_paragraph_action = QAction("New &Paragraph", window)
        self.new_paragraph_action.setShortcut(QKeySequence(shortcuts.NEW_PARAGRAPH))
        self.new_paragraph_action.setStatusTip(tip)
        self.new_paragraph_action.setToolTip(
            f"{tip} ({shortcuts.key_text(shortcuts.NEW_PARAGRAPH)})"
        )
        self.new_paragraph_action.triggered.connect(lambda _=False: self.new_paragraph())
        window.addAction(self.new_paragraph_action)
        editor.tree.addAction(self.new_paragraph_action)  # in its right-click menu too
        # Ctrl+4 adds the reader's selection as a note; in the briefing, where nothing of an
        # article can be selected, the same key starts a paragraph of the analyst's own.
        in_briefing = QAction("New Paragraph", editor)
        in_briefing.setShortcut(QKeySequence(shortcuts.CAPTURE["note"]))
        in_briefing.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        in_briefing.triggered.connect(lambda _=False: self.new_paragraph())
        editor.addAction(in_briefing)
        self._in_briefing_action = in_briefing

    def new_paragraph(self) -> str:
        """Add an empty paragraph of the analyst's own and start typing in it; its item id."""
        briefing = self._document.briefing
        section_id, index = place_for_paragraph(briefing, *self._in_hand())
        note = Note(text="")  # no anchor: the analyst's words, never cited to an article
        after = edits.add_item(briefing, note, section_id=section_id, index=index)
        self._document.end_merging()  # typing that follows is a step of its own
        self._document.apply("New paragraph", after)
        self._editor.select_item(note.id)
        self._start_typing()
        return note.id

    def _in_hand(self) -> tuple[str | None, str | None]:
        """(section id, item id) of what the briefing tree has in hand, if anything."""
        current = self._editor.tree.currentIndex()
        if not current.isValid():
            return None, self._editor.item_editor.shown_item_id()
        item_id = current.data(ITEM_ID_ROLE)
        section_id = current.data(SECTION_ID_ROLE)
        return (
            section_id if isinstance(section_id, str) else None,
            item_id if isinstance(item_id, str) else None,
        )

    def _start_typing(self) -> None:
        item_editor = self._editor.item_editor
        item_editor.focus_field("text")
        # A field row just built is shown at the next turn of the event loop; focus given to
        # a hidden widget is lost, so it is given again once the row is on screen.
        QTimer.singleShot(0, item_editor, lambda: item_editor.focus_field("text"))
