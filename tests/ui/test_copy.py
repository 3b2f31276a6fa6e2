"""Edit → Copy (Ctrl+C) on briefing items in the real window: their text with its citation
(outlet, date, URL) goes on the clipboard as plain text and HTML; Ctrl+C in a text field
still copies the field's selected text."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from app import edits
from app.models import Statement
from ui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
URL = "https://news.example.org/korea-ukraine"


def sample_with_source_details(window: MainWindow) -> list[Statement]:
    window.open_sample()
    window.proposals.accept_all("statement")
    source = window.briefing.sources[0]
    detailed = source.model_copy(
        update={"outlet": "Sky News", "url": URL, "published": dt.date(2024, 10, 17)}
    )
    window.document.apply("Article properties", edits.replace_source(window.briefing, detailed))
    return [i for i in window.briefing.items() if isinstance(i, Statement)]


def select_in_tree(window: MainWindow, item_ids: list[str]) -> None:
    tree = window.editor.tree
    selection = tree.selectionModel()
    selection.clearSelection()
    for item_id in item_ids:
        index = window.editor.model.index_of_item(item_id)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    tree.setFocus()


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{4,}", text)


def test_ctrl_c_in_the_briefing_copies_items_with_their_citations(
    window: MainWindow, qtbot
) -> None:
    statements = sample_with_source_details(window)
    first, second = statements[0], statements[1]
    select_in_tree(window, [second.id, first.id])  # selected out of order
    qtbot.waitUntil(window.editor.tree.hasFocus)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_C, CONTROL)
    data = QGuiApplication.clipboard().mimeData()
    text, markup = data.text(), data.html()
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 2
    for paragraph, statement in zip(paragraphs, (first, second), strict=True):  # briefing order
        assert "(Sky News, 17 October 2024, " + URL + ")" in paragraph
        assert set(words_of(statement.content)[:3]) <= set(words_of(paragraph))
        assert "(saying)" not in paragraph and "(claim)" not in paragraph
    assert markup.count("<p>") == 2
    assert f'<a href="{URL}">' in markup and "Sky News, 17 October 2024" in markup
    assert "Copied 2 items with citations." in window.statusBar().currentMessage()


def test_edit_menu_copy_reaches_the_items_and_the_tree_menu_lists_it(
    window: MainWindow, qtbot
) -> None:
    statements = sample_with_source_details(window)
    select_in_tree(window, [statements[2].id])
    qtbot.waitUntil(window.editor.tree.hasFocus)
    copy = window.writing.copy_action
    assert copy in window.editor.tree.actions()  # in the tree's right-click menu
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert copy in edit_menu.actions() and copy.shortcut().toString() == "Ctrl+C"
    copy.trigger()
    assert URL in QGuiApplication.clipboard().text()


def test_ctrl_c_in_a_text_field_still_copies_the_selected_text(window: MainWindow, qtbot) -> None:
    statements = sample_with_source_details(window)
    select_in_tree(window, [statements[0].id])
    title = window.editor.header.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Morning brief")
    title.setSelection(0, 7)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(title, Qt.Key.Key_C, CONTROL)
    assert QGuiApplication.clipboard().text() == "Morning"
    window.writing.copy_action.trigger()  # Edit → Copy with the field in focus
    assert QGuiApplication.clipboard().text() == "Morning"


def test_ctrl_c_in_the_article_copies_the_selected_passage(window: MainWindow, qtbot) -> None:
    sample_with_source_details(window)
    reader = window.reader
    reader.setFocus()
    cursor = reader.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(20, cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    expected = cursor.selectedText()
    qtbot.keyClick(reader, Qt.Key.Key_C, CONTROL)
    assert QGuiApplication.clipboard().text() == expected
