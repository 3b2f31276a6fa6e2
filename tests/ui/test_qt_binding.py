"""The Qt binding itself must not corrupt Python: a guard against a known PySide6 bug.

PySide6 6.12.0 releases a reference to None each time a method returning nothing is
called. On Python 3.11, where None is not immortal, the app then dies after some thousands
of such calls. pyproject.toml keeps that release out; this test fails if one like it
comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def test_void_methods_keep_none_alive(qtbot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("word " * 100)
    cursor = QTextCursor(editor.document())
    before = sys.getrefcount(None)
    for _ in range(500):
        cursor.setPosition(3)
        editor.setExtraSelections([])
    assert sys.getrefcount(None) - before > -100  # a leak would show as about -1000
