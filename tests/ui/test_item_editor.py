"""The item editor in the real window: a statement's wording in the briefing, a figure's
verification, each undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app import edits
from app.layout.prose import statement_sentence
from app.models import Figure, Statement
from ui.main_window import MainWindow
from ui.statement_wording import WordingBox

CONTROL = Qt.KeyboardModifier.ControlModifier


def first_statement(win: MainWindow, *, direct: bool | None = None) -> Statement:
    win.open_sample()
    win.proposals.accept_all("statement")
    found = next(
        i
        for i in win.briefing.items()
        if isinstance(i, Statement) and (direct is None or i.direct == direct)
    )
    win.editor.select_item(found.id)
    return found


def wording_box(win: MainWindow) -> WordingBox:
    box = win.editor.item_editor.editors["wording"]
    assert isinstance(box, WordingBox)
    return box


def stored(win: MainWindow, item_id: str) -> Statement:
    item = edits.find_item(win.briefing, item_id)
    assert isinstance(item, Statement)
    return item


def test_wording_starts_from_the_generated_sentence_and_edits_are_kept(
    window: MainWindow, qtbot
) -> None:
    statement = first_statement(window)
    box = wording_box(window)
    assert box.text.toPlainText() == statement_sentence(statement)
    assert not box.reset_button.isEnabled()  # nothing edited yet
    assert box.text in window.editor.item_editor.text_boxes.values()

    qtbot.waitUntil(box.text.isVisible)
    box.text.setFocus()
    box.text.moveCursor(box.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(box.text, " Officials disputed this.")
    edited = statement_sentence(statement) + " Officials disputed this."
    assert stored(window, statement.id).wording == edited
    assert box.reset_button.isEnabled()

    qtbot.mouseClick(box.reset_button, Qt.MouseButton.LeftButton)
    assert stored(window, statement.id).wording == ""
    assert box.text.toPlainText() == statement_sentence(statement)
    assert window.document.undo_stack.undoText() == "Edit wording"

    window.undo_action.trigger()  # the reset
    assert stored(window, statement.id).wording == edited
    assert box.text.toPlainText() == edited
    window.undo_action.trigger()  # the typing, as one step
    assert stored(window, statement.id).wording == ""
    assert box.text.toPlainText() == statement_sentence(statement)


def test_wording_follows_the_fields_until_it_is_edited(window: MainWindow, qtbot) -> None:
    statement = first_statement(window)
    box = wording_box(window)
    speaker = window.editor.item_editor.editors["speaker"]
    assert isinstance(speaker, QLineEdit)
    qtbot.waitUntil(speaker.isVisible)
    speaker.setFocus()
    speaker.selectAll()
    qtbot.keyClicks(speaker, "Jane Example")
    changed = stored(window, statement.id)
    assert changed.wording == "" and "Jane Example" in statement_sentence(changed)
    assert box.text.toPlainText() == statement_sentence(changed)

    box.text.setFocus()
    box.text.selectAll()
    qtbot.keyClicks(box.text, "My own sentence.")
    qtbot.keyClicks(speaker, " Jr")
    assert stored(window, statement.id).wording == "My own sentence."
    assert box.text.toPlainText() == "My own sentence."  # an edited wording stays


def test_changed_quoted_words_in_the_wording_are_flagged(window: MainWindow, qtbot) -> None:
    statement = first_statement(window)
    box = wording_box(window)
    message = window.editor.item_editor._message
    qtbot.waitUntil(box.text.isVisible)
    box.text.setFocus()
    box.text.selectAll()
    quoted = statement.content.strip().strip('“”"').split()[:4]
    # Straight quotation marks: QTest types only Latin-1 (curly ones are checked below).
    qtbot.keyClicks(box.text, f'They said "{" ".join(quoted)}".')
    assert "not in the article" not in message.text()
    qtbot.keyClicks(box.text, ' Later: "words nobody ever said here".')
    assert "not in the article" in message.text()
    assert "words nobody ever said here" in message.text()


def test_figure_verification_is_saved_and_undone(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    figure = next(i for i in window.briefing.items() if isinstance(i, Figure))
    window.editor.select_item(figure.id)
    editors = window.editor.item_editor.editors
    verification = editors["verification"]
    assert isinstance(verification, QComboBox)
    assert verification.currentText() == "claimed"
    verification.setCurrentText("confirmed")
    saved = edits.find_item(window.briefing, figure.id)
    assert isinstance(saved, Figure) and saved.verification == "confirmed"
    asserted_by = editors["asserted_by"]
    assert isinstance(asserted_by, QLineEdit)
    qtbot.waitUntil(asserted_by.isVisible)
    asserted_by.setFocus()
    qtbot.keyClicks(asserted_by, "Western officials")
    saved = edits.find_item(window.briefing, figure.id)
    assert isinstance(saved, Figure) and saved.asserted_by.endswith("Western officials")
    window.undo_action.trigger()
    window.undo_action.trigger()
    saved = edits.find_item(window.briefing, figure.id)
    assert isinstance(saved, Figure) and saved.verification == "claimed"
    assert verification.currentText() == "claimed"
