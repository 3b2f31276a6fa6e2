"""Export from the window: the PDF preview shows the real pages, Save writes those bytes.

Exports are built in a child process; the tests wait for them as a user would.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from ui.main_window import MainWindow

EXPORT_WAIT_MS = 60_000


def sample_with_everything_accepted(window: MainWindow, qtbot) -> None:
    window.open_sample()
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all_actions[kind].trigger()
    window.editor.header.title.selectAll()
    qtbot.keyClicks(window.editor.header.title, "Morning brief: Korea and Ukraine")
    window.editor.header.marking.setCurrentText("OFFICIAL-SENSITIVE")


def answer_export_path(monkeypatch: pytest.MonkeyPatch, window: MainWindow, path: Path | None):
    asked: list[str] = []

    def ask(output_format: str) -> Path | None:
        asked.append(output_format)
        return path

    monkeypatch.setattr(window.exports, "_ask_export_path", ask)
    return asked


def press_in_preview(window: MainWindow, button: QDialogButtonBox.StandardButton, seen: dict):
    """Once the preview is open: let every page render, note what it shows, press button."""

    def act() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible():
            QTimer.singleShot(20, act)
            return
        preview.finish_rendering()
        seen["pages"] = preview.page_count()
        seen["rendered"] = preview.rendered_pages()
        seen["width"] = preview.page_image(0).width()
        seen["warnings"] = [label.text() for label in preview.warning_labels]
        preview.buttons.button(button).click()

    QTimer.singleShot(0, act)


def test_pdf_preview_then_save_writes_the_previewed_pages(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_with_everything_accepted(window, qtbot)
    target = tmp_path / "brief.pdf"
    asked = answer_export_path(monkeypatch, window, target)
    seen: dict = {}
    press_in_preview(window, QDialogButtonBox.StandardButton.Save, seen)
    assert window.export_pdf_action.shortcut().toString() == "Ctrl+E"
    with qtbot.waitSignal(window.exports.exported, timeout=EXPORT_WAIT_MS):
        window.export_pdf_action.trigger()
        assert window.busy.is_visible()  # built in the background, with Cancel on offer
    assert asked == ["pdf"]
    reader = pypdf.PdfReader(target)
    assert seen["pages"] == len(reader.pages) >= 2 and seen["rendered"] == seen["pages"]
    assert seen["width"] > 500  # a real page image, not a placeholder
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Morning brief: Korea and Ukraine" in text
    assert text.count("OFFICIAL-SENSITIVE") == 2 * len(reader.pages)
    flat = " ".join(text.split())  # a quote may wrap across lines
    assert "Volodymyr Zelenskyy, the Ukrainian president, called any North Korean" in flat
    assert "the first step to a world war" in flat
    assert "Exported brief.pdf" in window.statusBar().currentMessage()


def test_cancelling_the_preview_writes_nothing_and_asks_nothing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_with_everything_accepted(window, qtbot)
    asked = answer_export_path(monkeypatch, window, tmp_path / "never.pdf")
    seen: dict = {}
    press_in_preview(window, QDialogButtonBox.StandardButton.Cancel, seen)
    window.exports.export_pdf()
    qtbot.waitUntil(
        lambda: "rendered" in seen and window.exports.preview is None, timeout=EXPORT_WAIT_MS
    )
    assert seen["rendered"] == seen["pages"] and asked == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_export_word_writes_a_document_with_the_briefing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_with_everything_accepted(window, qtbot)
    target = tmp_path / "brief.docx"
    answer_export_path(monkeypatch, window, target)
    with qtbot.waitSignal(window.exports.exported, timeout=EXPORT_WAIT_MS):
        window.export_word_action.trigger()
    document = docx.Document(str(target))
    assert document.core_properties.title == "Morning brief: Korea and Ukraine"
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Body Text", "List Number"} <= styles
    statements = [p.text for p in document.paragraphs if "Volodymyr Zelenskyy" in p.text]
    assert any(" called any North Korean involvement " in text for text in statements)
    assert len(document.tables) == 1 and document.tables[0].style.name == "Briefing Table"


def test_export_to_an_unwritable_place_says_so_and_keeps_the_briefing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    sample_with_everything_accepted(window, qtbot)
    before = window.briefing
    answer_export_path(monkeypatch, window, tmp_path / "missing" / "brief.docx")
    window.export_word_action.trigger()  # said at once: no document is built for nothing
    assert not window.exports.running()
    assert messages and messages[-1][0] == "Export failed"
    assert "Cannot save in" in messages[-1][1]
    assert window.briefing == before and not (tmp_path / "missing").exists()


def test_preview_warns_about_a_quote_that_no_longer_matches_the_article(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_with_everything_accepted(window, qtbot)
    quote = next(i for i in window.briefing.items() if i.kind == "statement" and i.direct)
    window.editor.select_item(quote.id)
    window.editor.item_editor.editors["content"].setPlainText("Words nobody said.")
    answer_export_path(monkeypatch, window, tmp_path / "brief.pdf")
    seen: dict = {}
    press_in_preview(window, QDialogButtonBox.StandardButton.Save, seen)
    with qtbot.waitSignal(window.exports.exported, timeout=EXPORT_WAIT_MS):
        window.export_pdf_action.trigger()
    misquotes = [w for w in seen["warnings"] if "no longer matches the article" in w]
    assert len(misquotes) == 1 and quote.speaker in misquotes[0]
    assert seen["warnings"][0] == misquotes[0]  # the worst news first
    assert (tmp_path / "brief.pdf").exists()  # a warning, not a refusal


def test_a_long_preview_draws_the_pages_in_view_and_more_as_it_scrolls(
    window: MainWindow, qtbot
) -> None:
    from app.layout import layout
    from app.models import Note, Section
    from exporters.pdf import pdf_bytes
    from ui.pdf_preview import PdfPreviewDialog

    notes = tuple(Note(text=f"Paragraph {n} " + "of the long report. " * 30) for n in range(300))
    briefing = window.briefing.model_copy(update={"sections": (Section(title="N", items=notes),)})
    data, _ = pdf_bytes(layout(briefing))
    preview = PdfPreviewDialog(data, title="Long", warnings=[], parent=window)
    qtbot.addWidget(preview)
    preview.show()
    pages = preview.page_count()
    qtbot.waitUntil(lambda: preview.rendered_pages() > 0)
    assert pages > 20 and preview.rendered_pages() <= 4
    assert preview.page_image(0) is not None
    bar = preview.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: preview.page_image(pages - 1) is not None)
    assert preview.page_image(0) is None  # far behind the view: let go
