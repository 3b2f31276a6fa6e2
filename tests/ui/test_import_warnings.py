"""An article much shorter than its file opens, and the window says so (issue 15)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow


def test_short_article_opens_with_a_warning(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    comments = "".join(
        f"<p>Reader {i}: the council is wrong about this and should listen to the town.</p>"
        for i in range(40)
    )
    page = tmp_path / "paywall.html"
    page.write_text(
        "<html><body><article><h1>Bridge</h1>"
        "<p>Subscribe to read the rest of this story today.</p></article>"
        f'<div id="comments" class="comments">{comments}</div></body></html>',
        encoding="utf-8",
    )
    window.open_path(page)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    title, text = messages[0]
    assert title == "Article may be incomplete"
    assert text.startswith("paywall.html: only ")
    assert window.pane.sources.count() == 1  # the article is open all the same


def test_whole_article_opens_without_a_warning(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    page = tmp_path / "whole.html"
    paragraphs = "".join(
        f"<p>Paragraph {i}: the mayor said the bridge would reopen after the repairs.</p>"
        for i in range(12)
    )
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", "utf-8")
    window.open_path(page)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.pane.sources.count() == 1, timeout=10_000)
    assert messages == []
