"""Spell checking in the briefing's prose fields: a red wavy underline under unknown words,
suggestions, Add to Dictionary and Ignore in the field's right-click menu, and Edit →
Spelling (on or off, and the language, kept in the window's settings).

Checking never slows typing: a QSyntaxHighlighter looks again only at the paragraph that
changed, and the speller remembers every word's answer. Enchant loads at the first word
to check, not at start-up. Words with digits, acronyms and URLs are never checked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QPoint, QSettings, Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from app.spelling import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    Speller,
    WordSpan,
    available_languages,
    word_at,
)
from ui.offsets import OffsetMap

_log = logging.getLogger(__name__)

LANGUAGE_KEY = "spelling/language"
ENABLED_KEY = "spelling/enabled"
# Item editor fields of the analyst's own words; a statement's "content" is the article's
# quoted words, which are not the analyst's to correct.
UNCHECKED_ITEM_FIELDS = frozenset({"content"})
_UNDERLINE = QColor("#d0021b")


class _Header(Protocol):
    @property
    def bottom_line(self) -> QPlainTextEdit: ...


class _ItemEditor(Protocol):
    @property
    def fields_built(self) -> SignalInstance: ...
    @property
    def text_boxes(self) -> dict[str, QPlainTextEdit]: ...


class CheckedEditor(Protocol):
    """What spell checking uses of the briefing editor (which it does not import)."""

    @property
    def header(self) -> _Header: ...
    @property
    def item_editor(self) -> _ItemEditor: ...


def default_language() -> str:
    """American English where the system says so, else British."""
    return "en_US" if QLocale().name() in ("en_US", "en_PH") else DEFAULT_LANGUAGE


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of one text field, a paragraph at a time."""

    def __init__(self, field: QPlainTextEdit, checking: SpellChecking) -> None:
        super().__init__(field.document())
        self._checking = checking
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(_UNDERLINE)

    def highlightBlock(self, text: str) -> None:
        speller = self._checking.speller() if text.strip() else None
        if speller is None:
            return
        spans = speller.misspelt(text)
        if not spans:
            return
        offsets = OffsetMap(text)
        for span in spans:
            start = offsets.to_qt(span.start)
            self.setFormat(start, offsets.to_qt(span.end) - start, self._format)


class SpellChecking(QObject):
    """The window's spell checking: the speller, the fields it watches and their menus."""

    def __init__(
        self,
        settings: QSettings,
        say: Callable[[str], None],
        *,
        before_correction: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._say = say
        self._before_correction = before_correction  # a correction is its own undo step
        self._speller: Speller | None = None
        self._problem_said = False
        # Keyed by the field's id, and dropped when the field goes.
        self._highlighters: dict[int, SpellHighlighter] = {}
        self.menu: QMenu | None = None
        self.toggle_action: QAction | None = None
        self.language_actions: QActionGroup | None = None

    # ----- settings -----------------------------------------------------------------------
    def language(self) -> str:
        value = self._settings.value(LANGUAGE_KEY, "")
        return str(value) if value else default_language()

    def enabled(self) -> bool:
        return bool(self._settings.value(ENABLED_KEY, True, type=bool))

    def set_language(self, language: str) -> None:
        if language == self.language() and self._speller is not None:
            return
        self._settings.setValue(LANGUAGE_KEY, language)
        ignored = self._speller.ignored_words() if self._speller else set()
        self._speller = None
        self._problem_said = False
        speller = self.speller()
        if speller is not None:
            speller.keep_ignored(ignored)
        self.recheck()

    def set_enabled(self, on: bool) -> None:
        self._settings.setValue(ENABLED_KEY, on)
        self.recheck()

    # ----- the speller --------------------------------------------------------------------
    def speller(self) -> Speller | None:
        """The speller to check with, made at first use; None when checking is off or
        cannot work (then the user is told why, once)."""
        if not self.enabled():
            return None
        if self._speller is None:
            self._speller = Speller(self.language())
        if not self._speller.available:
            if not self._problem_said:
                self._problem_said = True
                self._say(self._speller.problem)
            return None
        return self._speller

    def recheck(self) -> None:
        """Underline again in every field (after a change of language or dictionary)."""
        for highlighter in list(self._highlighters.values()):
            highlighter.rehighlight()

    # ----- fields -------------------------------------------------------------------------
    def attach(self, field: QPlainTextEdit) -> None:
        """Check field's spelling as it is typed, with suggestions in its context menu."""
        if id(field) in self._highlighters:
            return
        key = id(field)
        self._highlighters[key] = SpellHighlighter(field, self)
        field.destroyed.connect(lambda _=None: self._highlighters.pop(key, None))
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(
            lambda pos, f=field: self._show_context_menu(f, pos)
        )

    def attach_item_fields(self, editors: Mapping[str, QWidget]) -> None:
        """Check the item editor's multi-line fields (wording, paragraphs, notes) but not
        the article's quoted words."""
        for name, widget in editors.items():
            if isinstance(widget, QPlainTextEdit) and name not in UNCHECKED_ITEM_FIELDS:
                self.attach(widget)

    def attach_editor(self, editor: CheckedEditor) -> None:
        """Check the briefing editor's bottom line, and each item's prose fields as the
        item editor builds them."""
        self.attach(editor.header.bottom_line)
        item_editor = editor.item_editor
        item_editor.fields_built.connect(
            lambda _widgets: self.attach_item_fields(item_editor.text_boxes)
        )
        self.attach_item_fields(item_editor.text_boxes)

    def is_attached(self, field: QPlainTextEdit) -> bool:
        return id(field) in self._highlighters

    # ----- the context menu ---------------------------------------------------------------
    def context_menu(self, field: QPlainTextEdit, pos: QPoint) -> QMenu:
        """The field's own menu with, for a misspelt word at pos (viewport coordinates),
        suggestions, Add to Dictionary and Ignore at the top."""
        menu = field.createStandardContextMenu(pos)
        cursor = field.cursorForPosition(pos)
        block = cursor.block()
        text = block.text()
        offsets = OffsetMap(text)
        span = word_at(text, offsets.to_python(cursor.positionInBlock()))
        speller = self.speller()
        if span is None or speller is None or speller.is_correct(span.word):
            return menu
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        suggestions = speller.suggestions(span.word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _=False, s=suggestion: self._correct(field, block.position(), text, span, s)
            )
            added.append(action)
        if not suggestions:
            none = QAction("(No spelling suggestions)", menu)
            none.setEnabled(False)
            added.append(none)
        add = QAction(f"Add “{span.word}” to Dictionary", menu)
        add.triggered.connect(lambda _=False: self._add_word(span.word))
        ignore = QAction("Ignore", menu)
        ignore.setToolTip("Accept this word until Briefing Builder closes")
        ignore.triggered.connect(lambda _=False: self._ignore(span.word))
        added += [add, ignore]
        if first is None:
            menu.addActions(added)
        else:
            menu.insertActions(first, added)
            menu.insertSeparator(first)
        return menu

    def _show_context_menu(self, field: QPlainTextEdit, pos: QPoint) -> None:
        menu = self.context_menu(field, pos)
        menu.exec(field.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _correct(
        self, field: QPlainTextEdit, block_start: int, text: str, span: WordSpan, new: str
    ) -> None:
        """Replace the word with new, through the field (so the briefing changes as by
        typing), as one undo step of its own."""
        cursor = field.textCursor()
        if cursor.block().document().findBlock(block_start).text() != text:
            return  # the text changed under the open menu
        offsets = OffsetMap(text)
        cursor.setPosition(block_start + offsets.to_qt(span.start))
        cursor.setPosition(block_start + offsets.to_qt(span.end), cursor.MoveMode.KeepAnchor)
        self._before_correction()
        cursor.insertText(new)
        self._before_correction()
        field.setTextCursor(cursor)

    def _add_word(self, word: str) -> None:
        speller = self.speller()
        if speller is not None:
            try:
                speller.add_to_dictionary(word)
            except Exception:  # the word list could not be written; the log has why
                _log.warning("adding %r to the personal word list failed", word, exc_info=True)
                self._say(
                    f"“{word}” could not be added to your dictionary: your word list "
                    "could not be written."
                )
                return
            self._say(f"Added “{word}” to your dictionary.")
        self.recheck()

    def _ignore(self, word: str) -> None:
        speller = self.speller()
        if speller is not None:
            speller.ignore(word)
        self.recheck()

    # ----- Edit → Spelling ----------------------------------------------------------------
    def build_menu(self, parent: QWidget) -> QMenu:
        """Edit → Spelling: checking on or off, and the language."""
        menu = QMenu("S&pelling", parent)
        toggle = QAction("&Check Spelling", menu)
        toggle.setCheckable(True)
        toggle.setChecked(self.enabled())
        toggle.setStatusTip("Underline unknown words in the bottom line, paragraphs and wording")
        toggle.toggled.connect(self.set_enabled)
        menu.addAction(toggle)
        menu.addSeparator()
        # The languages are listed when the menu first opens: asking Enchant loads its C
        # library, which the window's start-up should not wait for.
        menu.aboutToShow.connect(self._list_languages)
        self.toggle_action = toggle
        self.menu = menu
        return menu

    def _list_languages(self) -> None:
        menu = self.menu
        if menu is None or self.language_actions is not None:
            return
        group = QActionGroup(menu)
        installed = available_languages()
        for code in _offered_languages(installed, self.language()):
            name = LANGUAGE_NAMES.get(code, code)
            action = QAction(name if code in installed else f"{name} (not installed)", group)
            action.setCheckable(True)
            action.setChecked(code == self.language())
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            menu.addAction(action)
        self.language_actions = group


def _offered_languages(installed: list[str], current: str) -> list[str]:
    """British and American English always, the chosen language, then other English."""
    offered = [*LANGUAGE_NAMES, *([current] if current not in LANGUAGE_NAMES else [])]
    offered += [code for code in installed if code.startswith("en_") and code not in offered]
    return offered
