"""Sources Compared → Glossary in the real window: terms proposed from the articles,
accepted, edited in place, typed by hand, rejected and removed, each step undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from tests.ui.test_compare_view import add_article
from ui.glossary_view import GlossaryView
from ui.main_window import MainWindow

NIS = "National Intelligence Service"


def open_glossary(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> GlossaryView:
    """The sample (it uses NATO without saying what it is) and our article (it explains
    the NIS), with the Glossary tab in view."""
    window.open_sample()
    add_article(window, qtbot, tmp_path, monkeypatch)
    compared = window.sources_compared
    compared.show_dock(2)
    assert compared.tabs.currentWidget() is compared.glossary
    return compared.glossary


def rows(table: QTableView) -> list[tuple[str, ...]]:
    model = table.model()
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def row_of(table: QTableView, term: str) -> int:
    terms = [row[0] for row in rows(table)]
    assert term in terms, terms
    return terms.index(term)


def press_on_row(qtbot, table: QTableView, row: int, key: Qt.Key, column: int = 0) -> None:
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, key)


def glossary(window: MainWindow) -> dict[str, str]:
    return {entry.term: entry.expansion for entry in window.briefing.glossary}


def undo_text(window: MainWindow) -> str:
    return window.undo_action.text().replace("&", "")


def test_terms_are_proposed_from_every_article(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_glossary(window, qtbot, tmp_path, monkeypatch)
    proposed = rows(view.proposals)
    assert ("NIS", NIS, "Seoul says North Korean troops are already in Russia") in proposed
    assert ("NATO", "no expansion yet", "Sky News") in proposed
    assert rows(view.entries) == []


def test_accept_edit_and_remove_terms_each_undoable(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_glossary(window, qtbot, tmp_path, monkeypatch)
    press_on_row(qtbot, view.proposals, row_of(view.proposals, "NIS"), Qt.Key.Key_Return)
    assert glossary(window) == {"NIS": NIS} and undo_text(window) == "Undo Accept Term"
    assert "NIS" not in [row[0] for row in rows(view.proposals)]
    assert rows(view.entries) == [
        ("NIS", NIS, "Seoul says North Korean troops are already in Russia")
    ]
    assert window.briefing.glossary[0].anchor is not None  # linked to its passage

    press_on_row(qtbot, view.proposals, row_of(view.proposals, "NATO"), Qt.Key.Key_Return)
    assert glossary(window) == {"NIS": NIS, "NATO": ""}
    nato = row_of(view.entries, "NATO")
    assert rows(view.entries)[nato][1] == "no expansion yet"  # said in words
    assert view.missing.isVisible() and view.missing.text().startswith("NATO has no expansion")

    # F2 edits the expansion in place; Enter commits it as one undoable step.
    press_on_row(qtbot, view.entries, nato, Qt.Key.Key_F2, column=1)
    editor = view.entries.findChild(QLineEdit)
    assert editor is not None and editor.text() == ""  # not the "no expansion yet" words
    qtbot.keyClicks(editor, "North Atlantic Treaty Organization")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits on its next turn
    qtbot.waitUntil(lambda: glossary(window)["NATO"] == "North Atlantic Treaty Organization")
    assert undo_text(window) == "Undo Edit Glossary Expansion"
    assert not view.missing.isVisible()
    window.undo_action.trigger()
    assert glossary(window)["NATO"] == "" and view.missing.isVisible()
    window.redo_action.trigger()
    assert glossary(window)["NATO"] == "North Atlantic Treaty Organization"

    # Delete removes the selected term.
    press_on_row(qtbot, view.entries, row_of(view.entries, "NIS"), Qt.Key.Key_Delete)
    assert glossary(window) == {"NATO": "North Atlantic Treaty Organization"}
    assert undo_text(window) == "Undo Remove Glossary Term"
    window.undo_action.trigger()
    assert glossary(window) == {"NIS": NIS, "NATO": "North Atlantic Treaty Organization"}
    window.undo_action.trigger()  # the expansion
    window.undo_action.trigger()  # accepting NATO
    window.undo_action.trigger()  # accepting NIS
    assert glossary(window) == {} and rows(view.entries) == []
    assert {"NIS", "NATO"} <= {row[0] for row in rows(view.proposals)}


def test_a_term_typed_by_hand_and_a_rejected_one(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_glossary(window, qtbot, tmp_path, monkeypatch)
    assert not view.add_action.isEnabled()
    qtbot.keyClicks(view.term_field, "GRU")
    qtbot.keyClicks(view.expansion_field, "Main Intelligence Directorate")
    qtbot.keyClick(view.expansion_field, Qt.Key.Key_Return)
    assert glossary(window) == {"GRU": "Main Intelligence Directorate"}
    assert rows(view.entries) == [("GRU", "Main Intelligence Directorate", "typed by you")]
    assert undo_text(window) == "Undo Add Glossary Term"
    assert view.term_field.text() == "" and view.expansion_field.text() == ""
    qtbot.keyClicks(view.term_field, "GRU")
    view.add_action.trigger()  # the same term again: said, not added
    assert "GRU is in the glossary already" in window.statusBar().currentMessage()
    assert len(window.briefing.glossary) == 1

    key = view.proposals_model.key_at(view.proposals_model.index(row_of(view.proposals, "NATO"), 0))
    press_on_row(qtbot, view.proposals, row_of(view.proposals, "NATO"), Qt.Key.Key_Delete)
    assert key in window.briefing.rejected and undo_text(window) == "Undo Reject Term"
    assert "NATO" not in [row[0] for row in rows(view.proposals)]
    window.undo_action.trigger()
    assert "NATO" in [row[0] for row in rows(view.proposals)]
    window.redo_action.trigger()
    view.show_rejected.setChecked(True)  # as in the proposals panel: shown to be restored
    rejected = row_of(view.proposals, "NATO (rejected)")
    press_on_row(qtbot, view.proposals, rejected, Qt.Key.Key_Insert)
    assert key not in window.briefing.rejected and undo_text(window) == "Undo Restore Term"
    assert "NATO" in [row[0] for row in rows(view.proposals)]


def test_editing_a_term_to_one_already_listed_is_refused_in_words(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_glossary(window, qtbot, tmp_path, monkeypatch)
    for term in ("GRU", "FSB"):
        qtbot.keyClicks(view.term_field, term)
        qtbot.keyClick(view.term_field, Qt.Key.Key_Return)
    press_on_row(qtbot, view.entries, row_of(view.entries, "FSB"), Qt.Key.Key_F2)
    editor = view.entries.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "GRU")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "GRU is in the glossary already" in window.statusBar().currentMessage())
    assert [e.term for e in window.briefing.glossary] == ["GRU", "FSB"]
    assert rows(view.entries)[1][0] == "FSB"  # the table shows the briefing, not the typing


def test_the_glossary_models_are_sound_qt_models(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtmodeltester
) -> None:
    view = open_glossary(window, qtbot, tmp_path, monkeypatch)
    view.proposals.selectAll()
    view.accept_action.trigger()
    assert len(window.briefing.glossary) >= 2
    qtmodeltester.check(view.entries_model, force_py=True)
    qtmodeltester.check(view.proposals_model, force_py=True)
    assert view.entries_model.index(0, 0, QModelIndex()).isValid()


def test_terms_of_an_article_not_yet_read_come_when_it_is_opened(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    open_glossary(window, qtbot, tmp_path, monkeypatch)
    saved = tmp_path / "two.briefing"
    monkeypatch.setattr(window, "_ask_save_path", lambda: saved)
    assert window.save_as()
    window = MainWindow(settings)  # a later session: no article read yet
    qtbot.addWidget(window)
    window.show()
    window.open_path(saved)  # only the article in view is read for proposals
    view = window.sources_compared.glossary
    window.sources_compared.show_dock(2)
    assert [row[0] for row in rows(view.proposals)] == ["NATO"]
    assert view.unread.isVisible()
    assert view.unread.text() == "Terms of 1 more article appear once you open it in the reader."
    window.pane.sources.activated.emit(1)  # the user opens the other article
    assert {row[0] for row in rows(view.proposals)} == {"NATO", "NIS"}
    assert not view.unread.isVisible()
