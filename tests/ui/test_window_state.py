"""The window knows what changed: review state per article, fine-grained model updates,
and the bugs that came from state kept in the window (each failed before the change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.templates import builtin_templates
from tests.ui.conftest import wait_loaded
from tests.ui.proposals_view import row_count, row_index
from tests.ui.test_review import section_items
from tests.ui.test_templates_window import choose_in_picker
from ui.main_window import MainWindow
from ui.proposals_model import ROW_ROLE

UK_SUBMISSION = "Submission (UK style)"


def start_from_template(window: MainWindow, name: str = UK_SUBMISSION) -> None:
    choose_in_picker(name)
    window.new_from_template_action.trigger()
    assert window.briefing.template == name


def template_sections(name: str = UK_SUBMISSION) -> list[str]:
    template = next(t for t in builtin_templates() if t.name == name)
    return [s.title for s in template.sections]


# ----- bugs from state outside the document ------------------------------------------------
def test_adding_an_article_keeps_the_template(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_from_template(window)
    window.editor.header.author.setFocus()
    qtbot.keyClicks(window.editor.header.author, "J. Analyst")
    article = tmp_path / "report.txt"
    article.write_text("Border talks\nThe envoy said that 300 soldiers had left.", "utf-8")
    monkeypatch.setattr(window, "_ask_open_path", lambda **_: article)
    window.add_article_action.trigger()
    wait_loaded(qtbot, window)
    briefing = window.briefing
    assert [s.title for s in briefing.sections] == template_sections()
    assert briefing.marking == "OFFICIAL-SENSITIVE" and briefing.author == "J. Analyst"
    assert briefing.template == UK_SUBMISSION and briefing.style.numbered_items
    assert [s.origin for s in briefing.sources] == ["report.txt"]
    assert briefing.title == "Border talks"  # a blank title takes the article's
    assert window.document.undo_stack.undoText() == "Add article"
    window.undo_action.trigger()  # the article goes; the template stays
    assert window.briefing.sources == () and window.briefing.author == "J. Analyst"


def test_opening_the_sample_keeps_the_template(window: MainWindow) -> None:
    start_from_template(window)
    window.open_sample()
    briefing = window.briefing
    assert [s.title for s in briefing.sections] == template_sections()
    assert briefing.marking == "OFFICIAL-SENSITIVE" and briefing.template == UK_SUBMISSION
    assert len(briefing.sources) == 1
    assert window.reader.toPlainText().startswith("Are 10,000 North Korean troops")
    assert row_count(window, 0) >= 8  # its proposals are there to review


def test_reopen_with_encoding_reads_the_selected_article(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.txt"
    first.write_bytes("Первый доклад: министр сказал, что всё спокойно.".encode("koi8-r"))
    second = tmp_path / "second.txt"
    second.write_text("Second report\nThe envoy said that talks would resume.", "utf-8")
    window.open_path(first)
    wait_loaded(qtbot, window)
    window.open_path(second, add=True)
    wait_loaded(qtbot, window)
    first_id, second_id = (s.id for s in window.briefing.sources)
    window.pane.source_chosen.emit(first_id)  # the user picks the first article again
    assert window.current_source.id == first_id
    monkeypatch.setattr("ui.file_dialogs.QInputDialog.getItem", lambda *args: ("koi8-r", True))
    window.reencode_action.trigger()
    wait_loaded(qtbot, window)
    sources = {s.id: s for s in window.briefing.sources}
    assert sources[first_id].text.startswith("Первый доклад")
    assert sources[first_id].encoding == "koi8-r"
    assert sources[second_id].text.startswith("Second report")  # untouched
    assert window.reader.toPlainText().startswith("Первый доклад")


def test_move_to_section_after_typing_in_the_item(window: MainWindow, qtbot, monkeypatch) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    statement = section_items(window, "Key statements")[0]
    window.editor.select_item(statement.id)
    speaker = window.editor.item_editor.editors["speaker"]
    qtbot.waitUntil(speaker.isVisible)  # new field rows show at the next turn of the loop
    speaker.setFocus()
    qtbot.keyClicks(speaker, " Jr")
    notes = next(s for s in window.briefing.sections if s.title == "Notes")
    monkeypatch.setattr(window.editor, "_ask_section", lambda: notes.id)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(speaker, Qt.Key.Key_M, control_shift)
    moved = section_items(window, "Notes")
    assert [i.id for i in moved] == [statement.id] and moved[0].speaker.endswith(" Jr")
    assert window.document.undo_stack.undoText() == "Move item"


def test_move_without_an_item_says_so(window: MainWindow) -> None:
    window.open_sample()
    window.editor.move_to_action.trigger()
    assert "Select an item" in window.statusBar().currentMessage()


# ----- fine-grained models -----------------------------------------------------------------
def test_typing_in_a_field_never_resets_the_tree_and_selection_stays(
    window: MainWindow, qtbot
) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    figure = section_items(window, "Key figures")[2]
    window.editor.select_item(figure.id)
    resets: list[bool] = []
    changed: list[QModelIndex] = []
    model = window.editor.model
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, _last: changed.append(first))
    counts = window.editor.item_editor.editors["counts"]
    qtbot.waitUntil(counts.isVisible)
    counts.setFocus()
    qtbot.keyClicks(counts, " in all")
    assert resets == []
    assert any(index.data(Qt.ItemDataRole.UserRole + 1) == figure.id for index in changed)
    assert window.editor.current_item_id() == figure.id  # at once, no timer needed
    assert counts.hasFocus() and counts.text().endswith(" in all")


def test_accept_reject_and_move_are_row_changes_not_resets(window: MainWindow, qtbot) -> None:
    window.open_sample()
    model = window.editor.model
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("inserted"))
    model.rowsRemoved.connect(lambda *_: events.append("removed"))
    model.rowsMoved.connect(lambda *_: events.append("moved"))
    window.proposals.accept_all("figure")
    first, second = section_items(window, "Key figures")[:2]
    window.editor.select_item(second.id)
    window.editor.move_up_action.trigger()
    assert [i.id for i in section_items(window, "Key figures")[:2]] == [second.id, first.id]
    assert window.editor.current_item_id() == second.id  # selection moved with the row
    window.editor.delete_action.trigger()
    window.undo_action.trigger()
    assert events == ["inserted", "moved", "removed", "inserted"]
    assert window.editor.current_item_id() is not None


def test_the_proposals_panel_is_a_sound_qt_model(window: MainWindow, qtmodeltester) -> None:
    window.open_sample()
    window.proposals.accept_all("question")
    window.proposals.show_rejected.setChecked(True)
    qtmodeltester.check(window.proposals.model, force_py=True)


def test_the_briefing_tree_is_a_sound_qt_model(window: MainWindow, qtmodeltester) -> None:
    window.open_sample()
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all(kind)
    qtmodeltester.check(window.editor.model, force_py=True)


def test_rejecting_keeps_the_review_in_place_without_a_reset(window: MainWindow, qtbot) -> None:
    window.open_sample()
    model = window.proposals.model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    tree = window.proposals.tree
    tree.setFocus()
    count = row_count(window, 1)
    third = row_index(window, 1, 2).data(ROW_ROLE)
    tree.setCurrentIndex(row_index(window, 1, 1))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert row_count(window, 1) == count - 1
    assert tree.currentIndex().data(ROW_ROLE) == third  # review runs on
    window.undo_action.trigger()
    assert row_count(window, 1) == count and resets == []


def test_accept_all_is_one_undo_step_and_ticks_every_row(window: MainWindow) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    assert window.document.undo_stack.count() == 1
    ticks = [row_index(window, 0, r).data() for r in range(row_count(window, 0))]
    assert ticks and all(text.startswith("✓") for text in ticks)
    window.undo_action.trigger()
    assert not any(row_index(window, 0, r).data().startswith("✓") for r in range(len(ticks)))


def test_autosave_failure_stays_visible_until_it_works(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the autosave folder should be")
    window.autosaver._folder = blocked
    window.autosaver.path = blocked / "session.briefing"
    window.open_sample()
    window.proposals.accept_all("figure")
    assert not window.autosaver.save_now()
    assert window.autosave_problem.isVisible()
    assert "Autosave cannot write" in window.autosave_problem.toolTip()
    window.autosaver._folder = tmp_path / "autosave"
    window.autosaver.path = window.autosaver._folder / "session.briefing"
    assert window.autosaver.save_now()
    assert not window.autosave_problem.isVisible()


def test_redoing_an_added_article_puts_it_back_in_view(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    article = tmp_path / "report.txt"
    article.write_text("Border talks\nThe envoy said that 300 soldiers had left.", "utf-8")
    monkeypatch.setattr(window, "_ask_open_path", lambda **_: article)
    window.add_article_action.trigger()
    wait_loaded(qtbot, window)
    added = window.briefing.sources[-1].id
    assert window.reviews.current_id == added
    window.undo_action.trigger()
    assert window.reviews.current_id == window.briefing.sources[0].id  # the sample again
    window.redo_action.trigger()
    assert window.reviews.current_id == added
    assert window.reader.toPlainText().startswith("Border talks")
