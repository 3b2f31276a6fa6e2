"""Problems a new-user trial found, each pinned by a test of the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_loaded
from tests.ui.proposals_view import row_count, row_index
from tests.ui.test_review import section_items, select_in_reader
from ui.main_window import MainWindow
from ui.proposals_model import KEY_ROLE
from ui.reader import display_text


def test_reopen_with_encoding_rereads_only_that_article(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    article = tmp_path / "cyr.txt"
    article.write_bytes("Министр сказал, что переговоры продолжатся.".encode("koi8-r"))
    window.open_path(article, add=True)
    wait_loaded(qtbot, window)
    before = window.briefing.sources[1]
    monkeypatch.setattr("ui.file_dialogs.QInputDialog.getItem", lambda *args: ("koi8-r", True))
    window.reencode_action.trigger()
    wait_loaded(qtbot, window)
    assert len(window.briefing.sources) == 2
    assert window.briefing.sources[1].text == "Министр сказал, что переговоры продолжатся."
    assert len(section_items(window, "Key figures")) == 5
    assert window.document.undo_stack.undoText() == "Reopen as koi8-r"
    window.undo_action.trigger()  # the re-read is one undoable step
    assert window.briefing.sources[1] == before


def test_accepting_a_rejected_proposal_unrejects_it(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    tree.setFocus()
    tree.setCurrentIndex(row_index(window, 1, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    window.proposals.show_rejected.setChecked(True)
    tree.setCurrentIndex(row_index(window, 1, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.briefing.rejected == ()
    assert len(section_items(window, "Key figures")) == 1


def test_keyboard_review_runs_on_into_the_next_group(window: MainWindow, qtbot) -> None:
    window.open_sample()
    tree = window.proposals.tree
    tree.setFocus()
    tree.setCurrentIndex(row_index(window, 0, row_count(window, 0) - 1))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert tree.currentIndex().data(KEY_ROLE).startswith("figure:")


def test_a_second_capture_selects_the_new_item(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.reader.setFocus()
    select_in_reader(window, "large amounts of ammunition")
    qtbot.keyClick(window.reader, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    select_in_reader(window, "ballistic missiles")
    qtbot.keyClick(window.reader, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    second = section_items(window, "Notes")[1]
    assert window.editor.current_item_id() == second.id


def test_not_a_number_is_refused(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    figure = section_items(window, "Key figures")[0]
    window.editor.select_item(figure.id)
    value = window.editor.item_editor.editors["value"]
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "nan")
    assert section_items(window, "Key figures")[0].value == figure.value


def test_one_enormous_line_is_laid_out_in_pieces_of_the_same_length(
    window: MainWindow, qtbot
) -> None:
    line = " ".join(f"word{i}" for i in range(30_000))
    shown = display_text(line)
    assert len(shown) == len(line) and shown.count("\n") > 50
    assert shown.replace("\n", " ") == line
    assert display_text("short\nlines") == "short\nlines"


def test_ctrl_z_in_a_field_undoes_the_briefing(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    first, second = section_items(window, "Key figures")[:2]
    window.editor.select_item(first.id)
    note = window.editor.item_editor.editors["note"]
    note.setFocus()
    qtbot.keyClicks(note, "check with MoD")
    window.editor.select_item(second.id)
    unit = window.editor.item_editor.editors["unit"]
    unit.setFocus()
    qtbot.keyClick(unit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section_items(window, "Key figures")[0].note == ""
    bottom = window.editor.header.bottom_line
    bottom.setFocus()
    qtbot.keyClicks(bottom, "BL")
    qtbot.keyClick(bottom, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.briefing.bottom_line == "" and bottom.toPlainText() == ""
    assert window.document.undo_stack.undoText() == "Accept 5 proposals"
