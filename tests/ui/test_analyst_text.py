"""The analyst's own paragraphs in the real window: Ctrl+4 with nothing selected, Item → New
Paragraph, typing paragraphs and bullets, the role, and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit

from app import edits
from app.models import Briefing, Note, Section
from ui.main_window import MainWindow
from ui.new_paragraph import place_for_paragraph

CONTROL = Qt.KeyboardModifier.ControlModifier


def section_titled(win: MainWindow, title: str) -> Section:
    return next(s for s in win.briefing.sections if s.title == title)


def text_box(win: MainWindow, qtbot) -> QPlainTextEdit:
    box = win.editor.item_editor.editors["text"]
    assert isinstance(box, QPlainTextEdit)
    qtbot.waitUntil(box.hasFocus)  # the cursor is in the text box, ready to type
    return box


def test_ctrl_4_with_nothing_selected_starts_a_paragraph_of_ones_own(
    window: MainWindow, qtbot
) -> None:
    window.open_sample()
    window.reader.setFocus()
    assert not window.reader.textCursor().hasSelection()
    qtbot.keyClick(window.reader, Qt.Key.Key_4, CONTROL)
    notes = section_titled(window, "Notes").items
    assert len(notes) == 1 and isinstance(notes[0], Note)
    assert notes[0].anchor is None and notes[0].text == ""
    assert window.editor.current_item_id() == notes[0].id
    box = text_box(window, qtbot)
    assert "Your own text" in window.editor.item_editor._message.text()

    qtbot.keyClicks(box, "Deployment is likely to grow.")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "Watch for:")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "- troop numbers in Kursk")
    written = edits.find_item(window.briefing, notes[0].id)
    assert isinstance(written, Note)
    assert written.text == "Deployment is likely to grow.\n\nWatch for:\n- troop numbers in Kursk"
    assert written.anchor is None

    qtbot.keyClick(box, Qt.Key.Key_Z, CONTROL)  # the typing, as one step
    assert edits.find_item(window.briefing, notes[0].id).text == ""  # type: ignore[union-attr]
    qtbot.keyClick(box, Qt.Key.Key_Z, CONTROL)  # the paragraph itself
    assert section_titled(window, "Notes").items == ()
    window.redo_action.trigger()
    assert section_titled(window, "Notes").items[0].id == notes[0].id


def test_new_paragraph_goes_into_the_section_in_hand(window: MainWindow, qtbot) -> None:
    window.open_sample()
    figures = section_titled(window, "Key figures")
    tree = window.editor.tree
    tree.setFocus()
    tree.setCurrentIndex(window.editor.model.index(1, 0))  # the "Key figures" row
    qtbot.keyClick(tree, Qt.Key.Key_4, CONTROL)  # in the briefing, Ctrl+4 starts one too
    added = section_titled(window, "Key figures").items
    assert len(added) == 1 and added[0].anchor is None and figures.items == ()
    text_box(window, qtbot)
    assert window.document.undo_stack.undoText() == "New paragraph"


def test_new_paragraph_from_the_menu_lands_right_after_the_item_in_hand(
    window: MainWindow, qtbot
) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    statements = section_titled(window, "Key statements").items
    window.editor.select_item(statements[1].id)
    window.analyst_text.new_paragraph_action.trigger()
    after = section_titled(window, "Key statements").items
    assert [i.id for i in after[:2]] == [statements[0].id, statements[1].id]
    assert isinstance(after[2], Note) and after[2].anchor is None
    assert [i.id for i in after[3:]] == [i.id for i in statements[2:]]
    box = text_box(window, qtbot)
    qtbot.keyClicks(box, "Comment.")
    assert edits.find_item(window.briefing, after[2].id).text == "Comment."  # type: ignore[union-attr]


def test_the_new_paragraph_action_is_in_the_item_menu_with_its_own_key(
    window: MainWindow,
) -> None:
    item_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Item")
    action = window.analyst_text.new_paragraph_action
    assert action in item_menu.actions()
    keys = [a.shortcut().toString() for a in window.findChildren(type(action))]
    assert keys.count(action.shortcut().toString()) == 1  # taken by nothing else


def test_role_choice_is_saved_and_undone(window: MainWindow, qtbot) -> None:
    window.new_briefing()
    note_id = window.analyst_text.new_paragraph()
    role = window.editor.item_editor.editors["role"]
    assert isinstance(role, QComboBox)
    assert [role.itemText(i) for i in range(role.count())] == [
        "(none)",
        "Assessment",
        "Comment",
        "Recommendation",
        "Background",
    ]
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Down)  # (none) → Assessment
    qtbot.keyClick(role, Qt.Key.Key_Down)  # → Comment
    qtbot.keyClick(role, Qt.Key.Key_Down)  # → Recommendation
    assert edits.find_item(window.briefing, note_id).role == "recommendation"  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert edits.find_item(window.briefing, note_id).role == "comment"  # type: ignore[union-attr]
    assert role.currentText() == "Comment"


def test_a_kept_passage_still_says_where_it_is_from(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.reader.setFocus()
    passage = "large amounts of ammunition"
    start = window.current_source.text.index(passage)  # type: ignore[union-attr]
    window.reader.select_range(start, start + len(passage))
    qtbot.keyClick(window.reader, Qt.Key.Key_4, CONTROL)
    note = section_titled(window, "Notes").items[0]
    assert note.anchor is not None
    assert "Kept from the article, ¶" in window.editor.item_editor._message.text()
    assert QApplication.focusWidget() is not window.editor.item_editor.editors["text"]


def test_place_for_paragraph_falls_back_in_order() -> None:
    first = Section(title="Summary")
    notes = Section(title="Comment", kinds=("note",))
    kept = Note(text="x")
    with_item = Section(title="Items", items=(kept,))
    briefing = Briefing(sections=(first, notes, with_item))
    assert place_for_paragraph(briefing, None, kept.id) == (with_item.id, 1)
    assert place_for_paragraph(briefing, first.id, "gone") == (first.id, None)
    assert place_for_paragraph(briefing, "gone", None) == (notes.id, None)
    no_notes = Briefing(sections=(first, with_item))
    assert place_for_paragraph(no_notes, None, None) == (first.id, None)
    assert place_for_paragraph(Briefing(), None, None) == (None, None)


def test_a_briefing_without_sections_gets_one_for_the_paragraph(window: MainWindow, qtbot) -> None:
    window.document.reset(Briefing(), None)
    note_id = window.analyst_text.new_paragraph()
    assert [item.id for item in window.briefing.items()] == [note_id]
    assert window.editor.current_item_id() == note_id
    text_box(window, qtbot)
