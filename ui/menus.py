"""The window's menu bar: every command with a standard shortcut where Qt has one.

The menus see the window through MenuHost, the commands and panes they need, and leave
their actions on it as WindowActions, so this module never imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from ui import shortcuts as keys
from ui.briefing_editor import BriefingEditor
from ui.compare_view import SourcesCompared
from ui.document import BriefingDocument
from ui.exporting import ExportActions
from ui.follow_up import FollowUpActions
from ui.new_paragraph import AnalystText
from ui.proposals import ProposalsPanel
from ui.reader_pane import ReaderPane
from ui.recent import RecentFiles
from ui.shortcut_list import COMMAND_NAME
from ui.source_dialog import SourceProperties
from ui.templates import TemplateActions
from ui.updates import UpdateActions
from ui.writing_tools import WritingTools


class WindowActions:
    """The window's commands, which build_menus makes and leaves on the window."""

    recent_menu: QMenu
    new_action: QAction
    new_from_template_action: QAction
    open_action: QAction
    add_article_action: QAction
    open_url_action: QAction
    paste_action: QAction
    reencode_action: QAction
    save_action: QAction
    save_as_action: QAction
    export_pdf_action: QAction
    export_word_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    find_next_action: QAction
    find_previous_action: QAction
    apply_template_action: QAction
    save_template_action: QAction
    update_template_action: QAction
    manage_templates_action: QAction


class MenuHost(Protocol):
    """What the menus use of the window."""

    document: BriefingDocument
    recent: RecentFiles
    pane: ReaderPane
    proposals: ProposalsPanel
    editor: BriefingEditor
    exports: ExportActions
    templates: TemplateActions
    analyst_text: AnalystText
    article_properties: SourceProperties
    writing: WritingTools
    follow_up: FollowUpActions
    sources_compared: SourcesCompared
    updates: UpdateActions

    def menuBar(self) -> QMenuBar: ...
    def action(
        self, text: str, slot: Callable[[], object], keys: keys.Key | None = None, tip: str = ""
    ) -> QAction: ...
    def new_briefing(self) -> None: ...
    def ask_and_open(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...
    def ask_add_article(self) -> None: ...
    def ask_open_url(self) -> None: ...
    def paste_article(self) -> None: ...
    def ask_reopen_encoding(self) -> None: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def close(self) -> bool: ...
    def open_sample(self) -> None: ...


def build_menus(window: MenuHost, actions: WindowActions, parent: QWidget) -> None:
    """The menu bar of window, its commands left on actions; parent (the window as a
    widget) owns undo, redo and About."""
    _file_menu(window, actions)
    _edit_menu(window, actions, parent)
    _view_menu(window)
    article = window.menuBar().addMenu("&Article")
    article.addAction(window.article_properties.action)
    article.addSeparator()
    article.addActions([window.updates.check_action, window.updates.versions_action])
    _item_menu(window)
    window.menuBar().addMenu("&Section").addActions(window.editor.sections.actions())
    _templates_menu(window, actions)
    _help_menu(window, parent)


def _file_menu(w: MenuHost, a: WindowActions) -> None:
    menu = w.menuBar().addMenu("&File")
    a.new_action = w.action("&New Briefing", w.new_briefing, keys.NEW, "Start an empty briefing")
    a.new_from_template_action = w.action(
        "New from &Template…",
        w.templates.new_from_template,
        keys.NEW_FROM_TEMPLATE,
        "Start a briefing with a template's sections, marking and look",
    )
    a.open_action = w.action(
        "&Open…", w.ask_and_open, keys.OPEN, "Open a saved briefing, or an article as a new one"
    )
    a.open_url_action = w.action(
        "Open &URL…",
        w.ask_open_url,
        keys.OPEN_URL,
        "Open an article from its web address (only the page itself is fetched)",
    )
    menu.addActions([a.new_action, a.new_from_template_action])
    menu.addAction(w.follow_up.new_follow_up_action)
    menu.addActions([a.open_action, a.open_url_action])
    a.recent_menu = menu.addMenu("Open &Recent")
    a.recent_menu.aboutToShow.connect(lambda: _fill_recent(w, a))
    menu.addSeparator()
    a.add_article_action = w.action(
        "&Add Article…", w.ask_add_article, keys.ADD_ARTICLE, "Add another article to this briefing"
    )
    a.paste_action = w.action(
        "&Paste Article",
        w.paste_article,
        keys.PASTE_ARTICLE,
        "Add the article text on the clipboard to this briefing",
    )
    a.reencode_action = w.action(
        "Reopen with &Encoding…",
        w.ask_reopen_encoding,
        None,
        "Read the current text file in another encoding",
    )
    menu.addActions([a.add_article_action, a.paste_action, a.reencode_action])
    menu.addSeparator()
    a.save_action = w.action("&Save", w.save, keys.SAVE, "Save the briefing")
    a.save_as_action = w.action(
        "Save &As…", w.save_as, keys.SAVE_AS, "Save the briefing under a new name"
    )
    menu.addActions([a.save_action, a.save_as_action])
    menu.addSeparator()
    a.export_pdf_action = w.action(
        "Export as &PDF…",
        w.exports.export_pdf,
        keys.EXPORT_PDF,
        "Preview the briefing as a PDF, then save it",
    )
    a.export_word_action = w.action(
        "Export as &Word…", w.exports.export_word, keys.EXPORT_WORD, "Save the briefing as a .docx"
    )
    menu.addActions([a.export_pdf_action, a.export_word_action])
    menu.addSeparator()
    menu.addAction(w.writing.print_action)
    menu.addSeparator()
    menu.addAction(w.action("&Quit", w.close, keys.QUIT, "Close the window"))


def _fill_recent(w: MenuHost, a: WindowActions) -> None:
    a.recent_menu.clear()
    paths = w.recent.paths()
    for number, path in enumerate(paths, start=1):
        action = a.recent_menu.addAction(f"&{number % 10} {path.name}")
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: w.open_recent(p))
    if not paths:
        a.recent_menu.addAction("No recent files").setEnabled(False)
        return
    a.recent_menu.addSeparator()
    a.recent_menu.addAction("&Clear List", w.recent.clear)


def _edit_menu(w: MenuHost, a: WindowActions, parent: QWidget) -> None:
    menu = w.menuBar().addMenu("&Edit")
    stack = w.document.undo_stack
    a.undo_action = stack.createUndoAction(parent, "&Undo")
    a.undo_action.setShortcut(keys.UNDO)
    a.redo_action = stack.createRedoAction(parent, "&Redo")
    a.redo_action.setShortcut(keys.REDO)
    for action, name in ((a.undo_action, "Undo"), (a.redo_action, "Redo")):
        action.setProperty(COMMAND_NAME, name)  # their text names the step ("Undo Edit title")
    menu.addActions([a.undo_action, a.redo_action])
    menu.addSeparator()
    menu.addAction(w.writing.copy_action)
    menu.addSeparator()
    pane = w.pane
    a.find_action = w.action("&Find in Article…", pane.find_bar.open_bar, keys.FIND)
    a.find_next_action = w.action("Find &Next", pane.find_bar.find_next, keys.FIND_NEXT)
    a.find_previous_action = w.action(
        "Find Pre&vious", pane.find_bar.find_previous, keys.FIND_PREVIOUS
    )
    menu.addActions([a.find_action, a.find_next_action, a.find_previous_action])
    menu.addSeparator()
    menu.addMenu(w.writing.spelling.build_menu(parent))


def _view_menu(w: MenuHost) -> None:
    menu = w.menuBar().addMenu("&View")
    menu.addAction(w.sources_compared.toggle_action)


def _item_menu(w: MenuHost) -> None:
    menu = w.menuBar().addMenu("&Item")
    menu.addActions(w.pane.reader.capture_actions)
    menu.addAction(w.analyst_text.new_paragraph_action)
    menu.addSeparator()
    panel = w.proposals
    menu.addActions([panel.accept_action, panel.reject_action, panel.restore_action])
    accept_all = QMenu("Accept A&ll", menu)
    accept_all.addActions(list(panel.accept_all_actions.values()))
    menu.addMenu(accept_all)
    menu.addSeparator()
    editor = w.editor
    menu.addActions(
        [
            editor.move_up_action,
            editor.move_down_action,
            editor.move_to_action,
            editor.delete_action,
        ]
    )
    menu.addSeparator()
    menu.addActions([w.follow_up.mark_answered_action, w.follow_up.mark_open_action])


def _templates_menu(w: MenuHost, a: WindowActions) -> None:
    menu = w.menuBar().addMenu("&Templates")
    menu.addAction(a.new_from_template_action)
    a.apply_template_action = w.action(
        "&Apply Template…",
        w.templates.apply,
        None,
        "Lay this briefing out in another template's sections; nothing is lost (undoable)",
    )
    a.save_template_action = w.action(
        "&Save as Template…",
        w.templates.save_as_template,
        None,
        "Keep this briefing's sections, marking and look as a template of your own",
    )
    a.manage_templates_action = w.action(
        "&Manage Templates…",
        w.templates.manage,
        None,
        "Rename, duplicate, delete, import or export templates",
    )
    a.update_template_action = w.action(
        "&Update Template from Briefing…",
        w.templates.update_from_briefing,
        None,
        "Give one of your templates this briefing's sections and look",
    )
    menu.addActions([a.apply_template_action, a.save_template_action, a.update_template_action])
    menu.addSeparator()
    menu.addAction(a.manage_templates_action)


def _help_menu(w: MenuHost, parent: QWidget) -> None:
    menu = w.menuBar().addMenu("&Help")
    menu.addAction(w.writing.shortcut_list_action)
    menu.addAction(
        w.action("Open &Sample Article", w.open_sample, None, "Open the sample article (Sky News)")
    )
    menu.addAction(w.action("&About Briefing Builder", lambda: _about(parent)))


def _about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Briefing Builder",
        "Briefing Builder turns news articles into meeting briefings: it proposes key "
        "statements, figures and open questions, each linked to its passage, and keeps every "
        "change undoable and autosaved.",
    )
