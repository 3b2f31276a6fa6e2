"""The worst of the hostile corpus opened in the real window: the event loop is never blocked
for more than a second while an article loads, is extracted and fills the reader, and what
opens can be edited and saved.

The one-second bound is the issue's own acceptance figure for a frozen window, not a speed
target: the work itself runs off the GUI thread, and a block this long means pure-Python
work on the GUI thread (or a loader thread holding the interpreter lock for that long).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app import edits
from app.storage import load_briefing
from tests.hostile import briefings as bf
from tests.hostile.corpus import Corpus, markdown_cases, pathological_text_cases, pdf_cases
from tests.hostile.messages import assert_clear_sentence
from tests.ui.loop_watch import LoopWatch
from tests.ui.test_export import answer_export_path
from ui.main_window import MainWindow

MAX_BLOCK_SECONDS = 1.0
HANG_GUARD_MS = 60_000
WORST_ARTICLES = (
    "spaces-100k.txt",
    "nbsp-run.txt",
    "tabs-1mb.txt",
    "million-lines.txt",
    "long-word.txt",
    "combining-flood.txt",
    "said-flood.txt",
    "heading-3000-spaces.md",
    "emphasis-40k.md",
    "brackets-60k.md",
    "images-run.md",
    "operators-300k.pdf",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-window")
    written = Corpus(folder)
    for group in (pathological_text_cases, markdown_cases, pdf_cases):
        group(written)
    return folder


def settle(window: MainWindow, qtbot) -> None:
    """Until loading is over and the reader holds the whole text (it fills in slices), then
    through a resize: the user's next move, and one that lays every visible text out again."""
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=HANG_GUARD_MS)
    qtbot.waitUntil(window.reader.is_ready, timeout=HANG_GUARD_MS)
    qtbot.wait(100)  # anything queued behind the last slice runs inside the watch too
    size = window.size()
    window.resize(size.width() - 120, size.height() - 40)
    qtbot.wait(150)
    window.resize(size)
    qtbot.wait(150)


def watched(window: MainWindow, qtbot, action) -> float:
    """The longest event-loop block, in seconds, while action runs and the window settles."""
    qtbot.waitExposed(window)
    qtbot.wait(200)  # the first paint belongs to start-up, not to what is measured
    watch = LoopWatch()
    action()
    settle(window, qtbot)
    return watch.stop()


@pytest.mark.parametrize("name", WORST_ARTICLES)
def test_the_worst_articles_never_freeze_the_window(
    name: str, corpus: Path, window: MainWindow, qtbot, messages: list
) -> None:
    longest = watched(window, qtbot, lambda: window.open_path(corpus / name))
    assert longest < MAX_BLOCK_SECONDS, f"{name}: the window froze for {longest:.1f} s"
    for _title, text in messages:  # a refusal is fine, if it is said in words
        assert_clear_sentence(text, name)
    if not messages:
        assert "Maria Lopez" in window.reader.toPlainText()


def write_briefing(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_offsets_beyond_the_text_open_and_reveal_without_a_crash(
    tmp_path: Path, window: MainWindow, qtbot, messages: list
) -> None:
    _, _, briefing, _ = next(b for b in bf.export_briefings() if b[0] == "offsets-beyond.briefing")
    path = write_briefing(tmp_path, "beyond.briefing", bf.briefing_file(briefing))
    assert window.open_path(path)
    settle(window, qtbot)
    for item in window.briefing.items():
        window._reveal_item(item.id)  # the reader is asked for the far-away passage
    qtbot.wait(50)
    assert all(
        len(window.briefing.sources[0].text) >= (i.anchor.end if i.anchor else 0)
        for i in window.briefing.items()
    )
    for _title, text in messages:
        assert_clear_sentence(text, "offsets-beyond")


def test_a_briefing_with_lone_surrogates_opens_edits_and_saves(
    tmp_path: Path, window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    path = write_briefing(tmp_path, "surrogates.briefing", bf.surrogate_briefing())
    assert window.open_path(path)
    settle(window, qtbot)
    window.document.apply("Retitle", edits.set_header(window.briefing, "title", "Edited"))
    target = tmp_path / "saved.briefing"
    monkeypatch.setattr(window, "_ask_save_path", lambda: target)
    window.save_as_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    saved = load_briefing(target)
    assert saved.title == "Edited" and saved.author == "\ufffd"
    assert saved.sections[0].items[0].note == "note \ufffd\ufffd"
    assert messages == [] and [p.name for p in tmp_path.glob("*.tmp")] == []


@pytest.mark.xfail(
    strict=True,
    reason="known fault, not yet fixed: opening a briefing of 10,000 items in one section "
    "blocks the window for about 4-5 s inside the sections tree's model reset (Qt's C++ "
    "side; the model, tree and expansion alone take 0.05 s, so something else in the "
    "window reacts to the reset). Reported in the issue-16 note.",
)
def test_ten_thousand_citations_open_without_freezing(
    tmp_path: Path, window: MainWindow, qtbot, messages: list
) -> None:
    path = write_briefing(
        tmp_path, "citations.briefing", bf.briefing_file(bf.many_citations(10_000, 100_000))
    )
    longest = watched(window, qtbot, lambda: window.open_path(path))
    assert len(window.briefing.items()) == 10_000
    assert longest < MAX_BLOCK_SECONDS, f"opening froze the window for {longest:.1f} s"


def save_when_previewed(window: MainWindow) -> None:
    """Press Save in the PDF preview as soon as it shows (pages render as they scroll in)."""

    def act() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible():
            QTimer.singleShot(20, act)
            return
        preview.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, act)


@pytest.mark.parametrize("output_format", ["pdf", "docx"])
@pytest.mark.parametrize(
    "name", ["long-words.briefing", "marking-2000.briefing", "figure-line-1mb.briefing"]
)
def test_exporting_the_worst_briefings_never_freezes_the_window(
    name: str,
    output_format: str,
    tmp_path: Path,
    window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list,
) -> None:
    briefing = next(b[2] for b in bf.export_briefings() if b[0] == name)
    target = tmp_path / f"out.{output_format}"
    answer_export_path(monkeypatch, window, target)
    if output_format == "pdf":
        save_when_previewed(window)
    action = window.export_pdf_action if output_format == "pdf" else window.export_word_action
    qtbot.waitExposed(window)
    qtbot.wait(200)
    watch = LoopWatch()  # showing the briefing in the editor counts: it is rendering too
    window.document.reset(briefing, None)
    qtbot.wait(100)
    action.trigger()
    qtbot.waitUntil(lambda: target.exists() or bool(messages), timeout=HANG_GUARD_MS)
    settle(window, qtbot)
    longest = watch.stop()
    for _title, text in messages:
        assert_clear_sentence(text, name)
    assert target.exists(), f"{name}: not exported: {messages}"
    assert longest < MAX_BLOCK_SECONDS, f"{name}: exporting froze the window for {longest:.1f} s"
