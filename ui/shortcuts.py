"""Every keyboard shortcut of the window, in one place, so none is taken twice.

Standard keys come from Qt (they follow the platform: Ctrl+O here, Cmd+O on a Mac); the
rest are written as Qt key sequences.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

Key = QKeySequence.StandardKey | str

# File
NEW: Key = QKeySequence.StandardKey.New
NEW_FROM_TEMPLATE: Key = "Ctrl+Shift+N"
OPEN: Key = QKeySequence.StandardKey.Open
ADD_ARTICLE: Key = "Ctrl+Shift+O"
OPEN_URL: Key = "Ctrl+L"  # as browsers focus their address bar
PASTE_ARTICLE: Key = "Ctrl+Shift+V"
SAVE: Key = QKeySequence.StandardKey.Save
SAVE_AS: Key = QKeySequence.StandardKey.SaveAs
EXPORT_PDF: Key = "Ctrl+E"
EXPORT_WORD: Key = "Ctrl+Shift+E"
PRINT: Key = QKeySequence.StandardKey.Print
QUIT: Key = QKeySequence.StandardKey.Quit

# Edit
UNDO: Key = QKeySequence.StandardKey.Undo
REDO: Key = QKeySequence.StandardKey.Redo
COPY: Key = QKeySequence.StandardKey.Copy  # text, or briefing items with their citations
FIND: Key = QKeySequence.StandardKey.Find
FIND_NEXT: Key = QKeySequence.StandardKey.FindNext
FIND_PREVIOUS: Key = QKeySequence.StandardKey.FindPrevious
CLOSE_FIND: Key = QKeySequence.StandardKey.Cancel

# Capturing a selection of the article (the reader has focus)
CAPTURE = {
    "statement": "Ctrl+1",
    "figure": "Ctrl+2",
    "question": "Ctrl+3",
    "note": "Ctrl+4",
}
# The analyst's own paragraph, from anywhere (Ctrl+4 too, with nothing selected)
NEW_PARAGRAPH: Key = "Ctrl+Alt+N"
# The article in view: its outlet, title, author, dates and URL
ARTICLE_PROPERTIES: Key = "Alt+Return"
CHECK_FOR_UPDATES: Key = QKeySequence.StandardKey.Refresh  # F5, as browsers reload a page

# Reviewing proposals (the proposals list has focus)
ACCEPT = "Return"
REJECT = "Delete"
RESTORE = "Insert"

# Arranging the briefing (the briefing tree or the item editor has focus)
MOVE_UP = "Alt+Up"
MOVE_DOWN = "Alt+Down"
MOVE_TO_SECTION = "Ctrl+Shift+M"
DELETE_ITEM: Key = QKeySequence.StandardKey.Delete
# Sections (Delete and Alt+Up/Down act on a section when a section row is selected)
ADD_SECTION: Key = "Ctrl+Shift+Return"
RENAME: Key = "F2"

# View: the Sources Compared dock (figures, claims and glossary across the articles)
SOURCES_COMPARED: Key = "Ctrl+Shift+C"

# Help: the list of keyboard shortcuts (F1 too, where F1 is the platform's help key)
SHORTCUT_LIST: Key = "Ctrl+/"
HELP = QKeySequence.StandardKey.HelpContents

# The PDF preview
SAVE_PREVIEW: Key = QKeySequence.StandardKey.Save


def key_text(key: Key) -> str:
    """The shortcut as this platform writes it, for tooltips."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
