"""A file name that looks like markup is shown as written in message boxes, not rendered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument

from ui.context import as_shown


def rendered(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text) if text.startswith("<p") else document.setPlainText(text)
    return document.toPlainText()


def test_plain_text_passes_unchanged() -> None:
    assert as_shown("Could not open report.txt.") == "Could not open report.txt."


def test_markup_in_a_name_reads_as_written() -> None:
    message = "<b>bold</b> & <img src=x>.briefing is damaged."
    assert rendered(as_shown(message)) == message


def test_a_damaged_briefing_named_like_markup_is_named_as_written(
    window, messages: list, tmp_path: Path
) -> None:
    path = tmp_path / "<i>draft<i> & co.briefing"
    path.write_text("{not json", encoding="utf-8")

    window.open_path(path)

    assert messages, "the damaged file was not reported"
    _title, text = messages[-1]
    assert "&lt;i&gt;draft&lt;i&gt; &amp; co.briefing" in text
    assert "<i>draft" not in text
