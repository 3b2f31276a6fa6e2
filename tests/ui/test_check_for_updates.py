"""Article → Check for Updates in the real window: the article's file (or page) read
again, the Versions window with the differences and the flagged items, each answered by
its buttons and undone by Edit → Undo; the window's argument may be an address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app import edits
from app.models import Figure
from tests.app.versions.article import FIRST, GONE_SENTENCE, SECOND
from tests.ui.conftest import wait_loaded
from tests.web.server import LocalServer, local_server, send
from ui.main_window import MainWindow
from ui.updates import VersionsDialog


def _open_story(window: MainWindow, qtbot, tmp_path: Path) -> Path:
    article = tmp_path / "story.txt"
    article.write_text(FIRST, encoding="utf-8")
    window.open_path(article)
    wait_loaded(qtbot, window)
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all(kind)
    qtbot.waitUntil(lambda: not window.acceptance.busy(), timeout=10_000)
    return article


def _check(window: MainWindow, qtbot) -> None:
    window.updates.check_action.trigger()
    wait_loaded(qtbot, window)


def _dialog(window: MainWindow) -> VersionsDialog:
    dialog = window.updates.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _rows(dialog: VersionsDialog) -> list[tuple[str, str]]:
    return [
        (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    ]


def test_check_for_updates_flags_changed_items_and_answers_are_undoable(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    assert window.updates.check_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    article = _open_story(window, qtbot, tmp_path)
    before = window.briefing
    _check(window, qtbot)
    assert window.briefing is before  # the same words: nothing to do
    assert window.updates.dialog is None

    article.write_text(SECOND, encoding="utf-8")
    _check(window, qtbot)
    dialog = _dialog(window)
    source = window.briefing.sources[0]
    assert source.version == 2 and source.text == SECOND
    rows = _rows(dialog)
    assert ("12,000", "15,000") in rows
    assert any(new == "(gone from this version)" and old in GONE_SENTENCE for old, new in rows)
    shown = dialog.changes.toPlainText()
    assert "15,000" in shown and "Russia has not commented" in shown

    figure_row = rows.index(("12,000", "15,000"))
    dialog.select_rows([figure_row])
    assert dialog.use_new.isEnabled()
    dialog.use_new.click()
    figure = next(i for i in window.briefing.items() if isinstance(i, Figure) and i.value == 15000)
    assert figure.passage_change is None and figure.anchor and figure.anchor.version == 0
    assert ("12,000", "15,000") not in _rows(dialog)

    gone_row = next(r for r, (_, new) in enumerate(_rows(dialog)) if new.startswith("(gone"))
    dialog.select_rows([gone_row])
    assert not dialog.use_new.isEnabled()  # nothing to take from a cut passage
    dialog.keep.click()
    kept = [i for i in window.briefing.items() if i.anchor and i.anchor.text in GONE_SENTENCE]
    assert any(i.passage_change is None and i.anchor and i.anchor.version == 1 for i in kept)

    window.undo_action.trigger()  # the Keep
    window.undo_action.trigger()  # the new wording
    figure_again = edits.find_item(window.briefing, figure.id)
    assert figure_again.passage_change is not None and figure_again.anchor.version == 1
    window.undo_action.trigger()  # the update itself
    assert window.briefing.sources[0].text == FIRST and window.briefing.sources[0].version == 1


def test_a_flagged_item_says_so_in_the_briefing_tree(
    window: MainWindow, qtbot, tmp_path: Path, messages: list
) -> None:
    article = _open_story(window, qtbot, tmp_path)
    article.write_text(SECOND, encoding="utf-8")
    _check(window, qtbot)
    window.updates.dialog.close()
    model = window.editor.model
    labels = []
    for s in range(model.rowCount()):
        section = model.index(s, 0)
        for r in range(model.rowCount(section)):
            labels.append((str(model.index(r, 0, section).data()), model.index(r, 0, section)))
    flagged = [(text, index) for text, index in labels if text.startswith("⟳")]
    assert flagged
    tip = str(flagged[0][1].data(Qt.ItemDataRole.ToolTipRole))
    assert "version 2" in tip and "Versions" in tip
    assert any("(version 1)" in text for text, _ in flagged)


def test_a_pasted_article_cannot_be_checked_and_says_why(
    window: MainWindow, qtbot, messages: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(FIRST)
    window.paste_action.trigger()
    wait_loaded(qtbot, window)
    window.updates.check_action.trigger()
    assert any("no address or file" in text for _, text in messages)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    page = "<html><head><title>Story</title></head><body><article><h1>Story</h1>" + "".join(
        f"<p>{line}</p>" for line in FIRST.split("\n")[1:]
    )
    routes = {"/story": lambda h: send(h, page.encode(), "text/html; charset=utf-8")}
    with local_server(routes) as running:
        yield running


def test_the_window_opens_an_address_given_as_its_argument(
    window: MainWindow, qtbot, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    window.open_initial(server.url("/story"))
    wait_loaded(qtbot, window)
    (source,) = window.briefing.sources
    assert source.origin == server.url("/story") and source.snapshot is not None
    assert server.log == ["/story"]
