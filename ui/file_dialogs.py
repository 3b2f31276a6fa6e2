"""Save dialogs that add the file type's suffix themselves.

Adding a suffix after the dialog closed would skip the dialog's own "replace it?" check:
typing "brief" would silently overwrite an existing "brief.docx".
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


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
