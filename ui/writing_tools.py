"""What people expect of a writing tool, wired to the window in one place: spell checking,
Print, dropping files, copying items with citations, and the list of keyboard shortcuts.

The window makes one WritingTools; the menus place its actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar, QWidget

from ui import shortcuts as keys
from ui.briefing_editor import BriefingEditor
from ui.clipboard import ItemCopy
from ui.compare_view import SourcesCompared
from ui.context import Messages, WindowContext
from ui.document import BriefingDocument
from ui.drop import FileDrops
from ui.loading import JobRunner
from ui.printing import PrintActions
from ui.shortcut_list import ShortcutListDialog, shortcut_rows
from ui.spelling import SpellChecking


class ToolsHost(Protocol):
    """What the writing tools use of the window."""

    settings: QSettings
    messages: Messages
    document: BriefingDocument
    context: WindowContext
    jobs: JobRunner
    editor: BriefingEditor
    sources_compared: SourcesCompared

    def menuBar(self) -> QMenuBar: ...
    def open_path(self, path: Path, *, encoding: str | None = None, add: bool = False) -> bool: ...
    def is_loading(self) -> bool: ...


class WritingTools(QObject):
    """Spelling, printing, drops, copy and the shortcut list of one window."""

    def __init__(self, host: ToolsHost, window: QMainWindow) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self.spelling = SpellChecking(
            host.settings,
            lambda text: host.messages.say(text, 10000),
            before_correction=host.document.end_merging,
            parent=self,
        )
        self.spelling.attach_editor(host.editor)
        self.printing = PrintActions(host.context, host.jobs)
        self.drops = FileDrops(host, window)
        editor = host.editor
        self.copying = ItemCopy(
            host.document, editor.tree, editor.selected_item_ids, host.messages.say, window
        )
        self.copy_action = self.copying.action
        editor.sections.item_actions.append(self.copy_action)  # not on a section's menu
        self.print_action = _action(
            "&Print…", keys.PRINT, "Print the briefing as it exports to PDF", window
        )
        self.print_action.triggered.connect(lambda _=False: self.printing.print_briefing())
        self.shortcut_list_action = _action(
            "&Keyboard Shortcuts", keys.SHORTCUT_LIST, "Every command that has keys", window
        )
        self.shortcut_list_action.setShortcuts(
            [QKeySequence(keys.SHORTCUT_LIST), *QKeySequence.keyBindings(keys.HELP)]
        )
        self.shortcut_list_action.triggered.connect(lambda _=False: self.show_shortcuts())
        self.shortcut_list: ShortcutListDialog | None = None

    def show_shortcuts(self) -> ShortcutListDialog:
        """The shortcut list, built from the actions as they are now."""
        editor = self._host.editor
        panes: dict[str, QWidget] = {
            "Briefing": editor.tree,
            "Briefing editor": editor,
            "Window": self._window,
            "Glossary terms": self._host.sources_compared.glossary.entries,
            "Proposed terms": self._host.sources_compared.glossary.proposals,
        }
        rows = shortcut_rows(self._host.menuBar(), panes)
        if self.shortcut_list is not None:
            self.shortcut_list.close()
            self.shortcut_list.deleteLater()
        self.shortcut_list = ShortcutListDialog(rows, self._window)
        self.shortcut_list.show()
        return self.shortcut_list


def _action(text: str, key: keys.Key, tip: str, window: QWidget) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(key))
    action.setStatusTip(tip)
    action.setToolTip(tip)
    window.addAction(action)
    return action
