"""Spell checking in the real window: the red wavy underline, suggestions in the right-click
menu, Add to Dictionary, Ignore, British and American English, and a clear message (never
a crash) when Enchant or a dictionary is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from app.spelling import Speller, available_languages, word_at, words_to_check
from ui.main_window import MainWindow

SPELL_UNDERLINE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(field: QPlainTextEdit) -> list[str]:
    """The words the field shows with the spelling underline."""
    words: list[str] = []
    block = field.document().firstBlock()
    while block.isValid():
        for part in block.layout().formats():
            if part.format.underlineStyle() == SPELL_UNDERLINE:
                words.append(block.text()[part.start : part.start + part.length])
        block = block.next()
    return words


def point_at(field: QPlainTextEdit, word: str) -> QPoint:
    """Where a right-click on word lands, in the field's viewport."""
    cursor = QTextCursor(field.document())
    cursor.setPosition(field.toPlainText().index(word) + 1)
    return field.cursorRect(cursor).center()


def type_bottom_line(window: MainWindow, qtbot, text: str) -> QPlainTextEdit:
    field = window.editor.header.bottom_line
    field.setFocus()
    qtbot.keyClicks(field, text)
    return field


# ----- which words, and the speller ---------------------------------------------------------
def test_the_set_up_installed_british_and_american_dictionaries() -> None:
    # scripts/bootstrap.sh installs libenchant-2-2, hunspell-en-gb and hunspell-en-us.
    assert {"en_GB", "en_US"} <= set(available_languages())


def test_urls_acronyms_and_words_with_digits_are_never_checked() -> None:
    text = "NATO's B-52 at https://exampel.org/x, mail ab@exampel.org, 5kms and Zelensky’s don't"
    assert [span.word for span in words_to_check(text)] == [
        "at",
        "mail",
        "and",
        "Zelensky’s",
        "don't",
    ]
    span = word_at("one recieve two", 8)
    assert span is not None and (span.start, span.end, span.word) == (4, 11, "recieve")


def test_british_and_american_spelling_and_the_users_word_list(tmp_path: Path) -> None:
    words = tmp_path / "dictionary.txt"
    british, american = Speller("en_GB", words), Speller("en_US", words)
    assert british.is_correct("colour") and not american.is_correct("colour")
    assert american.is_correct("color")
    assert not british.is_correct("recieve") and "receive" in british.suggestions("recieve")
    assert not british.is_correct("Rutte’s")
    british.add_to_dictionary("Rutte")
    assert "Rutte" in words.read_text(encoding="utf-8").split()
    later = Speller("en_US", words)  # another session, another language: still known
    assert later.is_correct("Rutte") and later.is_correct("Rutte’s")


def test_a_missing_dictionary_or_library_turns_checking_off_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = Speller("xx_XX", tmp_path / "words.txt")
    assert not missing.available and "no xx_XX dictionary" in missing.problem
    assert missing.is_correct("qwzxv") and missing.suggestions("qwzxv") == []
    monkeypatch.setitem(sys.modules, "enchant", None)  # import enchant now fails
    without = Speller("en_GB", tmp_path / "words.txt")
    assert not without.available and "libenchant-2-2" in without.problem


# ----- the window ---------------------------------------------------------------------------
def test_misspelt_words_in_the_bottom_line_get_the_red_wavy_underline(
    window: MainWindow, qtbot
) -> None:
    field = type_bottom_line(window, qtbot, "Troops will recieve NATO kit from www.exampel.com")
    assert underlined(field) == ["recieve"]
    qtbot.keyClicks(field, " shortly wiht 3kgs")
    assert underlined(field) == ["recieve", "wiht"]


def test_right_click_suggestion_corrects_the_briefing_as_one_undo_step(
    window: MainWindow, qtbot
) -> None:
    field = type_bottom_line(window, qtbot, "Troops will recieve kit")
    steps = window.document.undo_stack.count()
    chosen: dict[str, list[str]] = {}

    def pick_first_suggestion() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick_first_suggestion)
            return
        chosen["menu"] = [action.text() for action in menu.actions()]
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(0, pick_first_suggestion)
    field.customContextMenuRequested.emit(point_at(field, "recieve"))  # a right-click
    qtbot.waitUntil(lambda: "menu" in chosen)
    shown = chosen["menu"]
    assert shown[0] == "receive"
    assert "Add “recieve” to Dictionary" in shown and "Ignore" in shown
    assert any("Copy" in text for text in shown)  # the field's own menu is still there
    assert window.briefing.bottom_line == "Troops will receive kit"
    assert underlined(field) == []
    assert window.document.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert window.briefing.bottom_line == "Troops will recieve kit"


def test_add_to_dictionary_is_kept_in_the_data_folder(
    window: MainWindow, qtbot, data_dir: Path
) -> None:
    field = type_bottom_line(window, qtbot, "Zelenskyy spoke; Syrskyi listened")
    assert underlined(field) == ["Zelenskyy", "Syrskyi"]
    menu = window.writing.spelling.context_menu(field, point_at(field, "Zelenskyy"))
    add = next(a for a in menu.actions() if a.text() == "Add “Zelenskyy” to Dictionary")
    add.trigger()
    assert underlined(field) == ["Syrskyi"]
    assert (data_dir / "dictionary.txt").read_text(encoding="utf-8").split() == ["Zelenskyy"]
    ignore = next(
        a
        for a in window.writing.spelling.context_menu(field, point_at(field, "Syrskyi")).actions()
        if a.text() == "Ignore"
    )
    ignore.trigger()
    assert underlined(field) == []
    assert "Syrskyi" not in (data_dir / "dictionary.txt").read_text(encoding="utf-8")
    correct = window.writing.spelling.context_menu(field, point_at(field, "spoke"))
    assert "Ignore" not in [a.text() for a in correct.actions()]  # only the field's own menu


def test_language_is_chosen_in_edit_spelling_and_remembered(
    window: MainWindow, qtbot, settings: QSettings
) -> None:
    field = type_bottom_line(window, qtbot, "The colour of the color")
    spelling = window.writing.spelling
    spelling.set_language("en_GB")
    assert underlined(field) == ["color"]
    menu = spelling.menu
    assert menu is not None and menu.title() == "S&pelling"
    menu.aboutToShow.emit()  # as when the user opens it: the languages are listed then
    american = next(a for a in menu.actions() if a.text() == "English (US)")
    american.trigger()
    assert american.isChecked() and underlined(field) == ["colour"]
    assert settings.value("spelling/language") == "en_US"
    later = MainWindow(settings)
    qtbot.addWidget(later)
    assert later.writing.spelling.language() == "en_US"
    toggle = spelling.toggle_action
    assert toggle is not None
    toggle.trigger()  # Check Spelling off
    assert underlined(field) == [] and settings.value("spelling/enabled") in (False, "false")


def test_item_prose_fields_are_checked_but_not_the_quoted_article_words(
    window: MainWindow, qtbot
) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    statement = window.briefing.sections[0].items[0]
    window.editor.select_item(statement.id)
    editors = window.editor.item_editor.text_boxes
    spelling = window.writing.spelling
    assert spelling.is_attached(editors["wording"]) and spelling.is_attached(editors["note"])
    assert not spelling.is_attached(editors["content"])
    note = editors["note"]
    note.setFocus()
    qtbot.keyClicks(note, "Needs a secnod source")
    assert underlined(note) == ["secnod"]
    window.analyst_text.new_paragraph_action.trigger()  # Item → New Paragraph
    paragraph = window.editor.item_editor.text_boxes["text"]
    qtbot.waitUntil(paragraph.hasFocus)
    assert spelling.is_attached(paragraph)
    qtbot.keyClicks(paragraph, "Deployment is likley to grow")
    assert underlined(paragraph) == ["likley"]


def test_without_a_dictionary_the_window_says_so_once_and_checks_nothing(
    qtbot, settings: QSettings, messages: list
) -> None:
    settings.setValue("spelling/language", "xx_XX")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    field = type_bottom_line(win, qtbot, "recieve wiht")
    assert underlined(field) == []
    assert "no xx_XX dictionary" in win.statusBar().currentMessage()
    win.statusBar().clearMessage()
    qtbot.keyClicks(field, " moar")
    assert win.statusBar().currentMessage() == ""  # said once, not on every key
    assert messages == []  # a status line, not a box in the way
