"""Sections in the real window: add, rename in place, delete, reorder and properties, each
one undo step that puts back exactly the briefing before; and editing user templates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from app import template_library as library
from app.models import Briefing
from app.templates import TemplateSection, builtin_templates, load_template
from tests.ui.test_editor import drop
from tests.ui.test_templates_window import choose_in_picker
from ui import shortcuts
from ui.main_window import MainWindow
from ui.section_dialogs import DeleteSectionDialog, SectionPropertiesDialog
from ui.template_dialogs import TemplateManager
from ui.template_editor import TemplateEditor


def with_figures(win: MainWindow) -> Briefing:
    win.open_sample()
    win.proposals.accept_all("figure")
    win.proposals.accept_all("question")
    return win.briefing


def titles(win: MainWindow) -> list[str]:
    return [s.title for s in win.briefing.sections]


def select_section(win: MainWindow, row: int) -> QModelIndex:
    tree = win.editor.tree
    index = win.editor.model.index(row, 0)
    tree.setFocus()
    tree.setCurrentIndex(index)
    tree.selectionModel().select(index, tree.selectionModel().SelectionFlag.ClearAndSelect)
    return index


def type_into_open_editor(qtbot, view: QAbstractItemView, text: str) -> None:
    """Replace the text of the in-place editor the view opened on its current row, then
    press Enter."""
    index = view.currentIndex()
    qtbot.waitUntil(lambda: isinstance(view.indexWidget(index), QLineEdit))
    line = view.indexWidget(index)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits the text and closes the editor from the event loop.
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)


def undo_redo_round_trip(win: MainWindow, before: Briefing) -> None:
    """One undo gives back exactly before; redo gives back what the operation made."""
    after = win.briefing
    assert after != before
    win.undo_action.trigger()
    assert win.briefing == before
    win.redo_action.trigger()
    assert win.briefing == after


def when_modal(kind: type, act: Callable[[QWidget], None], tries: int = 250) -> None:
    """Answer the next modal dialog of kind with act, once it is shown (looking for at most
    tries × 20 ms, so no check outlives its test)."""

    def check(left: int) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            act(modal)
        elif left > 0:
            QTimer.singleShot(20, lambda: check(left - 1))

    QTimer.singleShot(0, lambda: check(tries))


def test_add_section_after_the_selected_one_and_name_it_in_place(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    select_section(window, 1)
    window.editor.sections.add_action.trigger()
    type_into_open_editor(qtbot, window.editor.tree, "Background")
    assert titles(window) == [
        "Key statements",
        "Key figures",
        "Background",
        "Open questions",
        "Notes",
    ]
    assert window.editor.tree.currentIndex().row() == 2
    assert window.undo_action.text() == "&Undo Add section"
    undo_redo_round_trip(window, before)  # adding and naming it are one step


def test_add_section_with_the_keyboard_at_the_end_when_nothing_is_selected(
    window: MainWindow, qtbot
) -> None:
    before = window.briefing
    window.editor.tree.setCurrentIndex(QModelIndex())
    window.editor.tree.setFocus()
    qtbot.keyClick(
        window.editor.tree,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    type_into_open_editor(qtbot, window.editor.tree, "Annex")
    assert titles(window)[-1] == "Annex"
    undo_redo_round_trip(window, before)


def test_f2_renames_a_section_typed_in_place(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    select_section(window, 1)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_F2)
    type_into_open_editor(qtbot, window.editor.tree, "Numbers")
    assert titles(window)[1] == "Numbers"
    assert window.briefing.sections[1].items == before.sections[1].items
    assert window.undo_action.text() == "&Undo Rename section"
    undo_redo_round_trip(window, before)


def test_double_click_renames_a_section(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    tree = window.editor.tree
    rect = tree.visualRect(window.editor.model.index(2, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    type_into_open_editor(qtbot, window.editor.tree, "Questions for the meeting")
    assert titles(window)[2] == "Questions for the meeting"
    undo_redo_round_trip(window, before)


def test_rename_through_the_section_menu(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    select_section(window, 3)
    window.editor.sections.rename_action.trigger()
    type_into_open_editor(qtbot, window.editor.tree, "Analyst's notes")
    assert titles(window)[3] == "Analyst's notes"
    undo_redo_round_trip(window, before)


def test_an_empty_title_is_refused_with_a_message(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    steps = window.document.undo_stack.count()
    said: list[str] = []
    window.editor.message.connect(said.append)
    select_section(window, 1)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_F2)
    type_into_open_editor(qtbot, window.editor.tree, "   ")
    assert window.briefing == before and window.document.undo_stack.count() == steps
    assert any("needs a title" in line and "Key figures" in line for line in said)
    assert window.editor.model.index(1, 0).data().startswith("Key figures")


def test_delete_key_on_a_section_moves_its_items_where_asked(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    figures = before.sections[1]
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, DeleteSectionDialog)
        seen["default"] = dialog.sections.currentText()
        seen["text"] = dialog.move_choice.text()
        dialog.sections.setCurrentIndex(dialog.sections.findText("Notes"))
        dialog.delete_button.click()

    when_modal(DeleteSectionDialog, answer)
    select_section(window, 1)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert seen["default"] == "Key statements"  # no other section takes figures
    assert f"{len(figures.items)} items" in seen["text"]
    assert titles(window) == ["Key statements", "Open questions", "Notes"]
    assert window.briefing.sections[2].items == figures.items
    undo_redo_round_trip(window, before)


def test_delete_a_section_with_its_items_after_confirming(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    questions = before.sections[2]

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, DeleteSectionDialog)
        dialog.delete_choice.setChecked(True)
        dialog.delete_button.click()

    when_modal(DeleteSectionDialog, answer)
    select_section(window, 2)
    window.editor.sections.delete_action.trigger()
    assert titles(window) == ["Key statements", "Key figures", "Notes"]
    assert len(window.briefing.items()) == len(before.items()) - len(questions.items)
    undo_redo_round_trip(window, before)


def test_cancelling_the_delete_question_keeps_the_section(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    when_modal(DeleteSectionDialog, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    select_section(window, 1)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert window.briefing == before


def test_an_empty_section_is_deleted_without_a_question(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    before = with_figures(window)
    asked: list[object] = []
    monkeypatch.setattr(window.editor.sections, "_ask_delete", lambda s: asked.append(s))
    select_section(window, 3)  # Notes: empty
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert titles(window) == ["Key statements", "Key figures", "Open questions"]
    assert asked == []
    undo_redo_round_trip(window, before)


def test_delete_on_an_item_still_deletes_the_item(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    item = before.sections[1].items[0]
    window.editor.select_item(item.id)
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert titles(window) == titles_of(before)
    assert item.id not in {i.id for i in window.briefing.items()}


def titles_of(briefing: Briefing) -> list[str]:
    return [s.title for s in briefing.sections]


def test_alt_up_and_down_move_a_section_row(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    tree = window.editor.tree
    select_section(window, 1)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == ["Key statements", "Open questions", "Key figures", "Notes"]
    assert tree.currentIndex().row() == 2  # the moved section stays in hand
    undo_redo_round_trip(window, before)
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == ["Key figures", "Key statements", "Open questions", "Notes"]
    assert window.briefing.sections[0].items == before.sections[1].items
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert titles(window)[0] == "Key figures"


def test_drag_a_section_by_the_models_drop(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    model = window.editor.model
    mime = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # the gap above Notes
    assert titles(window) == ["Key figures", "Open questions", "Key statements", "Notes"]
    undo_redo_round_trip(window, before)
    # A section cannot be dropped among several at once, nor items onto the top level.
    items = model.mimeData([model.index(0, 0, model.index(0, 0))])
    assert not model.canDropMimeData(items, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_drag_a_section_in_the_view_onto_another(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    tree = window.editor.tree
    model = window.editor.model
    notes = model.index(3, 0)
    tree.setCurrentIndex(notes)
    target = tree.visualRect(model.index(1, 0))  # the 'Key figures' heading
    drop_sections(window, [notes], target.center())
    assert titles(window) == ["Key statements", "Notes", "Key figures", "Open questions"]
    undo_redo_round_trip(window, before)


def drop_sections(win: MainWindow, indexes: list[QModelIndex], point: QPoint) -> None:
    """The test_editor drop helper works on item ids; sections go by their index."""
    original = win.editor.model.mimeData
    win.editor.model.mimeData = lambda _indexes: original(indexes)  # type: ignore[method-assign]
    try:
        drop(win, [], point)
    finally:
        del win.editor.model.mimeData


def test_section_properties_dialog(window: MainWindow, qtbot) -> None:
    before = with_figures(window)
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, SectionPropertiesDialog)
        fields = dialog.fields
        fields.title.clear()
        qtbot.keyClicks(fields.title, " ")
        seen["ok_with_empty_title"] = dialog.buttons.buttons()[0].isEnabled()
        seen["problem"] = dialog.problem.text()
        fields.title.clear()
        qtbot.keyClicks(fields.title, "Key points")
        fields.guidance.setPlainText("Three to five points.")
        fields.kinds["statement"].setChecked(True)
        fields.item_limit.setValue(3)
        dialog.accept()

    when_modal(SectionPropertiesDialog, answer)
    select_section(window, 1)
    window.editor.sections.properties_action.trigger()
    section = window.briefing.sections[1]
    assert not seen["ok_with_empty_title"] and "title" in seen["problem"]
    assert (section.title, section.guidance) == ("Key points", "Three to five points.")
    assert section.kinds == ("statement", "figure") and section.item_limit == 3
    # Over its limit, the row says so.
    shown = window.editor.model.index(1, 0).data()
    assert shown == f"Key points ({len(section.items)} of at most 3)"
    assert window.undo_action.text() == "&Undo Edit section properties"
    undo_redo_round_trip(window, before)


def test_right_click_offers_section_commands_on_sections_and_item_commands_on_items(
    window: MainWindow, qtbot
) -> None:
    with_figures(window)
    tree = window.editor.tree
    model = window.editor.model
    on_section = window.editor.sections.context_menu_at(tree.visualRect(model.index(1, 0)).center())
    texts = [a.text() for a in on_section.actions()]
    assert "&Rename Section…" in texts and "&Delete Section…" in texts
    assert "Section &Properties…" in texts and "&Delete Item" not in texts
    item_rect = tree.visualRect(model.index(0, 0, model.index(1, 0)))
    on_item = window.editor.sections.context_menu_at(item_rect.center())
    texts = [a.text() for a in on_item.actions()]
    assert "&Delete Item" in texts and "Move &Up" in texts and "&Rename Section…" not in texts


def test_the_section_menu_and_its_keys_collide_with_nothing(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Section" in menus
    keys = {QKeySequence(shortcuts.RENAME), QKeySequence(shortcuts.ADD_SECTION)}
    for key in keys:
        holders = [a for a in window.findChildren(QAction) if key in a.shortcuts()]
        assert len(holders) == 1, [a.text() for a in holders]


# ----- templates ----------------------------------------------------------------------------
def make_own_template(window: MainWindow, monkeypatch, name: str = "Desk") -> None:
    monkeypatch.setattr(window.templates, "_ask_template_name", lambda _: (name, ""))
    window.save_template_action.trigger()


def test_edit_a_user_template_in_the_manager_and_read_it_back(
    window: MainWindow, qtbot, monkeypatch, data_dir: Path
) -> None:
    make_own_template(window, monkeypatch)
    manager = TemplateManager(window, last_folder=lambda: str(data_dir))
    qtbot.addWidget(manager)
    manager.reload("Desk")
    assert manager.buttons["edit"].text() == "&Edit…"

    def answer(editor: QWidget) -> None:
        assert isinstance(editor, TemplateEditor)
        editor.name.setText("Korea desk")
        editor.description.setText("For the Monday meeting")
        editor.list.setCurrentRow(0)
        editor.add_section()  # after the first, its title open for typing
        type_into_open_editor(qtbot, editor.list, "Bottom line")
        editor.fields.kinds["note"].setChecked(True)
        editor.fields.item_limit.setValue(1)
        editor.move_section(-1)  # to the top
        editor.list.setCurrentRow(4)  # Notes
        editor.delete_section()
        editor.list.setCurrentRow(2)
        editor.fields.guidance.setPlainText("Numbers with their source.")
        editor.save_button.click()

    when_modal(TemplateEditor, answer)
    manager.buttons["edit"].click()

    files = list((data_dir / "templates").glob("*.bbtemplate"))
    assert [f.name for f in files] == ["Korea desk.bbtemplate"]
    saved = load_template(files[0])
    assert saved.name == "Korea desk" and saved.description == "For the Monday meeting"
    assert [s.title for s in saved.sections] == [
        "Bottom line",
        "Key statements",
        "Key figures",
        "Open questions",
    ]
    assert saved.sections[0] == TemplateSection(title="Bottom line", kinds=("note",), item_limit=1)
    assert saved.sections[2].guidance == "Numbers with their source."
    assert manager.templates.current() == saved


def test_a_template_editor_refuses_an_empty_section_title_or_taken_name(
    window: MainWindow, qtbot, monkeypatch, data_dir: Path
) -> None:
    make_own_template(window, monkeypatch)
    template = library.find_template("Desk")
    saved: list = []
    editor = TemplateEditor(template, saved.append, window)
    qtbot.addWidget(editor)
    editor.fields.title.setText("")
    editor.fields.edited.emit()
    assert not editor.save_button.isEnabled() and "title" in editor.problem.text()
    editor.accept()
    assert saved == []
    editor.fields.title.setText("Points")
    editor.fields.edited.emit()
    assert editor.save_button.isEnabled()
    for _ in range(3):
        editor.list.setCurrentRow(0)
        editor.delete_section()
    editor.delete_section()  # the last one stays
    assert len(editor.sections()) == 1 and "at least one" in editor.problem.text()


def test_a_builtin_template_is_duplicated_to_edit(
    window: MainWindow, qtbot, data_dir: Path
) -> None:
    builtin = builtin_templates()[0]
    manager = TemplateManager(window, last_folder=lambda: str(data_dir))
    qtbot.addWidget(manager)
    manager.reload(builtin.name)
    assert manager.buttons["edit"].text() == "Duplicate to &Edit…"
    seen: dict = {}

    def answer(editor: QWidget) -> None:
        assert isinstance(editor, TemplateEditor)
        seen["name"] = editor.name.text()
        editor.list.setCurrentRow(0)
        editor.fields.title.setText("Changed")
        editor.fields.edited.emit()
        editor.save_button.click()

    when_modal(TemplateEditor, answer)
    manager.buttons["edit"].click()
    assert seen["name"] == f"{builtin.name} (copy)"
    copy = library.find_template(f"{builtin.name} (copy)")
    assert copy.sections[0].title == "Changed"
    assert library.find_template(builtin.name) == builtin  # the built-in never changes


def test_update_template_from_briefing_after_confirming(
    window: MainWindow, qtbot, monkeypatch, data_dir: Path
) -> None:
    make_own_template(window, monkeypatch)
    select_section(window, 0)
    window.editor.sections.add_action.trigger()
    type_into_open_editor(qtbot, window.editor.tree, "Outlook")
    asked: list[str] = []
    monkeypatch.setattr(
        window.templates, "_confirm_update", lambda name: asked.append(name) or True
    )
    choose_in_picker("Desk")
    window.update_template_action.trigger()
    assert asked == ["Desk"]
    saved = load_template(next((data_dir / "templates").glob("*.bbtemplate")))
    assert [s.title for s in saved.sections] == titles(window)
    assert saved.sections[1].title == "Outlook"


def test_update_template_without_templates_of_ones_own_explains(
    window: MainWindow, messages: list
) -> None:
    window.update_template_action.trigger()
    assert messages and "Save as Template" in messages[-1][1]


def test_a_later_rename_of_a_new_section_is_its_own_undo_step(window: MainWindow, qtbot) -> None:
    before = window.briefing
    select_section(window, 0)
    window.editor.sections.add_action.trigger()
    tree = window.editor.tree
    qtbot.waitUntil(lambda: isinstance(tree.indexWidget(tree.currentIndex()), QLineEdit))
    qtbot.keyClick(tree.indexWidget(tree.currentIndex()), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tree.indexWidget(tree.currentIndex()) is None)
    assert titles(window)[1] == "New section"
    added = window.briefing
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    type_into_open_editor(qtbot, tree, "Context")
    assert titles(window)[1] == "Context"
    window.undo_action.trigger()
    assert window.briefing == added  # the rename alone is undone
    window.undo_action.trigger()
    assert window.briefing == before
