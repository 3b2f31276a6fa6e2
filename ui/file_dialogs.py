"""File dialogs. Save dialogs add the file type's suffix themselves.

Adding a suffix after the dialog closed would skip the dialog's own "replace it?" check:
typing "brief" would silently overwrite an existing "brief.docx".
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.importing import SUPPORTED_SUFFIXES
from app.models import Source
from app.storage import BRIEFING_SUFFIX


def ask_save_name(
    parent: QWidget, *, title: str, suggested: str, file_filter: str, suffix: str
) -> str:
    """The chosen file name (with suffix added before the overwrite check), or ''."""
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def open_filter(*, articles_only: bool = False) -> str:
    """The Open dialog's filter: articles, and saved briefings unless articles_only."""
    suffixes = SUPPORTED_SUFFIXES if articles_only else (*SUPPORTED_SUFFIXES, BRIEFING_SUFFIX)
    patterns = " ".join(f"*{s}" for s in suffixes)
    kind = "Articles" if articles_only else "Articles and briefings"
    return f"{kind} ({patterns});;All files (*)"


def ask_save_changes(parent: QWidget, app_name: str) -> QMessageBox.StandardButton:
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    return QMessageBox.question(
        parent,
        app_name,
        "Save changes to this briefing?",
        buttons,
        QMessageBox.StandardButton.Save,
    )


ENCODINGS = (
    "utf-8",
    "cp1252",
    "latin-1",
    "iso-8859-15",
    "cp1251",
    "koi8-r",
    "utf-16",
    "mac-roman",
    "shift_jis",
    "gb18030",
    "big5",
)


def ask_encoding(parent: QWidget, source: Source) -> str | None:
    """The encoding to read source's file in again (the list is editable), or None."""
    current = ENCODINGS.index(source.encoding) if source.encoding in ENCODINGS else 0
    encoding, ok = QInputDialog.getItem(
        parent, "Reopen with Encoding", f"Read {source.origin} as:", ENCODINGS, current, True
    )
    return encoding if ok and encoding else None
