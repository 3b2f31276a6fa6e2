"""Opening articles by address, against a local server: one request for the page and
nothing else, redirects capped, clear failures, and a snapshot kept in the briefing."""

from __future__ import annotations

import io
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.fetching import fetch, is_address
from app.importing import ImportFailure
from app.importing.web import import_location
from app.models import Briefing
from app.storage import load_briefing, save_briefing
from tests.test_cli import run_cli
from tests.web.server import (
    ARTICLE_HTML,
    CYRILLIC,
    HEADER_CHARSET_HTML,
    LocalServer,
    local_server,
    redirect,
    send,
    slow,
)


def _pdf() -> bytes:
    data = io.BytesIO()
    page = canvas.Canvas(data)
    page.drawString(72, 720, "Officials said 5,000 troops were moved to the border on Monday.")
    page.drawString(72, 700, "It is unclear whether more will follow, the ministry said.")
    page.save()
    return data.getvalue()


ROUTES = {
    "/article": lambda h: send(h, ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
    "/start": redirect("/middle"),
    "/middle": redirect("/article"),
    "/loop": redirect("/loop"),
    "/slow": slow,
    "/big": lambda h: send(h, b"<p>x</p>" * 40_000, "text/html"),
    "/report.pdf": lambda h: send(h, _pdf(), "application/pdf"),
    "/cyrillic": lambda h: send(
        h, HEADER_CHARSET_HTML.encode("windows-1251"), "text/html; charset=windows-1251"
    ),
    "/photo.png": lambda h: send(h, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
    "/paywall": lambda h: send(
        h, b"<html><body><p>Subscribe to read this article.</p></body></html>", "text/html"
    ),
    "/empty": lambda h: send(h, b"   ", "text/html"),
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    # A proxy set on the test machine must not catch requests to the local server.
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with local_server(ROUTES) as running:
        yield running


def test_a_page_is_read_with_one_request_and_nothing_else(server: LocalServer) -> None:
    source = import_location(server.url("/article"))

    assert "12,000 North Korean troops" in source.text
    assert source.title == "Troops reach the border"
    assert source.origin == server.url("/article") and source.retrieved is not None
    assert server.log == ["/article"]  # no stylesheet, script, image or linked page
    assert source.snapshot is not None
    assert source.snapshot.body() == ARTICLE_HTML.encode()
    assert source.snapshot.media_type == "text/html"


def test_redirects_are_followed_and_capped(server: LocalServer) -> None:
    source = import_location(server.url("/start"))
    assert source.snapshot is not None and source.snapshot.final_url == server.url("/article")
    assert server.log == ["/start", "/middle", "/article"]
    with pytest.raises(ImportFailure, match="redirected too many times"):
        fetch(server.url("/loop"))
    assert 2 <= server.log.count("/loop") <= 6


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/missing", "has no page at this address"),
        ("/photo.png", "not a web page or a PDF"),
        ("/paywall", "looks like a paywall"),
        ("/empty", "is empty"),
    ],
)
def test_failures_say_what_went_wrong(server: LocalServer, path: str, says: str) -> None:
    with pytest.raises(ImportFailure, match=says):
        import_location(server.url(path))


def test_a_slow_server_times_out_and_a_huge_page_is_refused(server: LocalServer) -> None:
    with pytest.raises(ImportFailure, match=r"too slow|did not answer"):
        fetch(server.url("/slow"), timeout=1.0)
    with pytest.raises(ImportFailure, match="larger than"):
        fetch(server.url("/big"), max_bytes=100_000)


def test_no_server_at_the_address_is_said_plainly(server: LocalServer) -> None:
    with pytest.raises(ImportFailure, match=r"could not be reached|refused the connection"):
        fetch("http://127.0.0.1:9/article", timeout=2.0)  # the discard port: nobody listens
    with pytest.raises(ImportFailure, match="not a web address"):
        fetch("file:///etc/passwd")
    assert not is_address("ftp://example.org/a") and is_address("https://example.org/a")


def test_a_pdf_by_address(server: LocalServer) -> None:
    source = import_location(server.url("/report.pdf"))
    assert "5,000 troops" in source.text
    assert source.snapshot is not None and source.snapshot.media_type == "application/pdf"
    assert source.snapshot.body()[:5] == b"%PDF-"


def test_a_charset_declared_only_in_the_header_is_honoured(server: LocalServer) -> None:
    source = import_location(server.url("/cyrillic"))
    assert "Министр сказал" in source.text and source.title == CYRILLIC


def test_the_snapshot_survives_a_save_and_opens_offline(
    server: LocalServer, tmp_path: Path
) -> None:
    source = import_location(server.url("/article"))
    path = tmp_path / "b.briefing"
    save_briefing(Briefing(sources=(source,)), path)
    before = len(server.log)

    loaded = load_briefing(path).sources[0]

    assert len(server.log) == before  # opening never fetches
    assert loaded.snapshot == source.snapshot and loaded.snapshot is not None
    assert loaded.snapshot.body() == ARTICLE_HTML.encode()
    assert loaded.retrieved == source.retrieved and loaded.url


def test_the_commands_accept_an_address(server: LocalServer, tmp_path: Path) -> None:
    env = {**os.environ, "no_proxy": "127.0.0.1,localhost"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=env)

    extracted = run("extract", server.url("/article"), "--format", "json")
    assert extracted.returncode == 0, extracted.stderr
    result = json.loads(extracted.stdout)
    assert result["path"] == server.url("/article")
    assert any(f["text"] == "12,000" for f in result["figures"])

    saved = tmp_path / "first.briefing"
    done = run("export", server.url("/article"), "-o", str(saved))
    assert done.returncode == 0, done.stderr
    briefing = load_briefing(saved)
    assert briefing.items() and briefing.sources[0].snapshot is not None
    assert briefing.sources[0].snapshot.body() == ARTICLE_HTML.encode()

    pdf = tmp_path / "first.pdf"
    exported = run("export", str(saved), "-o", str(pdf))  # offline: from the snapshot's text
    assert exported.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-"

    missing = run("export", server.url("/missing"), "-o", str(tmp_path / "m.briefing"))
    assert missing.returncode == 1 and "has no page at this address" in missing.stderr
    assert not (tmp_path / "m.briefing").exists()
    assert server.log.count("/article") == 2  # one request per command, nothing else
