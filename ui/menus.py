"""The window's menu bar: every command with a standard shortcut where Qt has one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMessageBox

from ui import shortcuts as keys

if TYPE_CHECKING:  # the window builds its menus through this module: no import at run time
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    _file_menu(window)
    _edit_menu(window)
    _item_menu(window)
    _templates_menu(window)
    _help_menu(window)


def _file_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&File")
    w.new_action = w.action("&New Briefing", w.new_briefing, keys.NEW, "Start an empty briefing")
    w.new_from_template_action = w.action(
        "New from &Template…", w.templates.new_from_template, keys.NEW_FROM_TEMPLATE,
        "Start a briefing with a template's sections, marking and look",
    )  # fmt: skip
    w.open_action = w.action(
        "&Open…", w.ask_and_open, keys.OPEN, "Open a saved briefing, or an article as a new one"
    )
    menu.addActions([w.new_action, w.new_from_template_action, w.open_action])
    w.recent_menu = menu.addMenu("Open &Recent")
    w.recent_menu.aboutToShow.connect(lambda: _fill_recent(w))
    menu.addSeparator()
    w.add_article_action = w.action(
        "&Add Article…", w.ask_add_article, keys.ADD_ARTICLE, "Add another article to this briefing"
    )
    w.paste_action = w.action(
        "&Paste Article",
        w.paste_article,
        keys.PASTE_ARTICLE,
        "Add the article text on the clipboard to this briefing",
    )
    w.reencode_action = w.action(
        "Reopen with &Encoding…",
        w.ask_reopen_encoding,
        None,
        "Read the current text file in another encoding",
    )
    menu.addActions([w.add_article_action, w.paste_action, w.reencode_action])
    menu.addSeparator()
    w.save_action = w.action("&Save", w.save, keys.SAVE, "Save the briefing")
    w.save_as_action = w.action(
        "Save &As…", w.save_as, keys.SAVE_AS, "Save the briefing under a new name"
    )
    menu.addActions([w.save_action, w.save_as_action])
    menu.addSeparator()
    w.export_pdf_action = w.action(
        "Export as &PDF…",
        w.exports.export_pdf,
        keys.EXPORT_PDF,
        "Preview the briefing as a PDF, then save it",
    )
    w.export_word_action = w.action(
        "Export as &Word…", w.exports.export_word, keys.EXPORT_WORD, "Save the briefing as a .docx"
    )
    menu.addActions([w.export_pdf_action, w.export_word_action])
    menu.addSeparator()
    menu.addAction(w.action("&Quit", w.close, keys.QUIT, "Close the window"))


def _fill_recent(w: MainWindow) -> None:
    w.recent_menu.clear()
    paths = w.recent.paths()
    for number, path in enumerate(paths, start=1):
        action = w.recent_menu.addAction(f"&{number % 10} {path.name}")
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: _open_recent(w, p))
    if not paths:
        w.recent_menu.addAction("No recent files").setEnabled(False)
        return
    w.recent_menu.addSeparator()
    w.recent_menu.addAction("&Clear List", w.recent.clear)


def _open_recent(w: MainWindow, path: Path) -> None:
    if w._goes_into_this_briefing(path) or w._may_discard_changes():
        w.open_path(path)


def _edit_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&Edit")
    stack = w.document.undo_stack
    w.undo_action = stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcut(keys.UNDO)
    w.redo_action = stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcut(keys.REDO)
    menu.addActions([w.undo_action, w.redo_action])
    menu.addSeparator()
    pane = w.pane
    w.find_action = w.action("&Find in Article…", pane.find_bar.open_bar, keys.FIND)
    w.find_next_action = w.action("Find &Next", pane.find_bar.find_next, keys.FIND_NEXT)
    w.find_previous_action = w.action(
        "Find Pre&vious", pane.find_bar.find_previous, keys.FIND_PREVIOUS
    )
    menu.addActions([w.find_action, w.find_next_action, w.find_previous_action])


def _item_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&Item")
    menu.addActions(w.reader.capture_actions)
    menu.addSeparator()
    panel = w.proposals
    menu.addActions([panel.accept_action, panel.reject_action, panel.restore_action])
    accept_all = QMenu("Accept A&ll", menu)
    accept_all.addActions(list(panel.accept_all_actions.values()))
    menu.addMenu(accept_all)
    menu.addSeparator()
    editor = w.editor
    menu.addActions(
        [editor.move_up_action, editor.move_down_action, editor.move_to_action,
         editor.delete_action]
    )  # fmt: skip


def _templates_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&Templates")
    menu.addAction(w.new_from_template_action)
    w.apply_template_action = w.action(
        "&Apply Template…", w.templates.apply, None,
        "Lay this briefing out in another template's sections; nothing is lost (undoable)",
    )  # fmt: skip
    w.save_template_action = w.action(
        "&Save as Template…", w.templates.save_as_template, None,
        "Keep this briefing's sections, marking and look as a template of your own",
    )  # fmt: skip
    w.manage_templates_action = w.action(
        "&Manage Templates…", w.templates.manage, None,
        "Rename, duplicate, delete, import or export templates",
    )  # fmt: skip
    menu.addActions([w.apply_template_action, w.save_template_action])
    menu.addSeparator()
    menu.addAction(w.manage_templates_action)


def _help_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&Help")
    menu.addAction(
        w.action("Open &Sample Article", w.open_sample, None, "Open the sample article (Sky News)")
    )
    menu.addAction(w.action("&About Briefing Builder", lambda: _about(w)))


def _about(w: MainWindow) -> None:
    QMessageBox.about(
        w,
        "About Briefing Builder",
        "Briefing Builder turns news articles into meeting briefings: it proposes key "
        "statements, figures and open questions, each linked to its passage, and keeps every "
        "change undoable and autosaved.",
    )
