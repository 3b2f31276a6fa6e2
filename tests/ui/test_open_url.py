"""File → Open URL in the real window, against a local server: the article opens with its
snapshot, failures are messages, Cancel stops a slow download, and nothing else is fetched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence

from tests.ui.conftest import wait_loaded
from tests.web.server import ARTICLE_HTML, LocalServer, local_server, send, slow
from ui.main_window import MainWindow

ROUTES = {
    "/article": lambda h: send(h, ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
    "/slow": slow,
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with local_server(ROUTES) as running:
        yield running


def test_open_url_reads_the_article_and_keeps_its_snapshot(
    window: MainWindow, qtbot, server: LocalServer
) -> None:
    assert window.open_url_action.shortcut() == QKeySequence("Ctrl+L")
    window._ask_address = lambda: server.url("/article")  # type: ignore[method-assign]

    window.open_url_action.trigger()
    wait_loaded(qtbot, window)

    (source,) = window.briefing.sources
    assert source.title == "Troops reach the border"
    assert source.snapshot is not None and source.snapshot.body() == ARTICLE_HTML.encode()
    assert window.proposals.model.shown()  # its proposals are there to review
    assert server.log == ["/article"]


def test_a_failure_is_a_message_and_not_an_address_is_refused(
    window: MainWindow, qtbot, server: LocalServer, messages: list
) -> None:
    window._ask_address = lambda: server.url("/nothing-here")  # type: ignore[method-assign]
    window.open_url_action.trigger()
    wait_loaded(qtbot, window)
    assert any("has no page at this address" in text for _, text in messages)
    assert window.briefing.sources == ()

    window._ask_address = lambda: "not an address"  # type: ignore[method-assign]
    window.open_url_action.trigger()
    assert any("http://" in text for _, text in messages[1:])


def test_cancel_stops_a_slow_download(
    window: MainWindow, qtbot, server: LocalServer, messages: list
) -> None:
    window._ask_address = lambda: server.url("/slow")  # type: ignore[method-assign]
    window.open_url_action.trigger()
    qtbot.waitUntil(lambda: "/slow" in server.log, timeout=5000)
    assert window.is_loading()
    window.cancel_loading()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=5000)
    qtbot.wait(300)
    assert window.briefing.sources == () and messages == []
