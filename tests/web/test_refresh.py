"""`refresh` against a local server whose page changes between two requests: exactly the
items of changed passages are flagged, both versions are saved, each check is one request;
and a saved briefing opens and exports with networking disabled."""

from __future__ import annotations

import html
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage import load_briefing
from tests.app.versions.article import CHANGED_WORDS, FIRST, GONE_SENTENCE, SECOND
from tests.test_cli import run_cli
from tests.web.server import LocalServer, local_server, send


def _page(text: str) -> bytes:
    headline, *paragraphs = text.split("\n")
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{headline}</title><script src='/app.js'></script>"
        f"</head><body><article><h1>{headline}</h1>\n{body}<img src='/photo.jpg'></article>"
        "</body></html>"
    ).encode()


@pytest.fixture
def page() -> dict[str, bytes]:
    return {"body": _page(FIRST)}


@pytest.fixture
def server(page: dict[str, bytes]) -> Iterator[LocalServer]:
    routes = {"/story": lambda h: send(h, page["body"], "text/html; charset=utf-8")}
    with local_server(routes) as running:
        yield running


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={**os.environ, "no_proxy": "127.0.0.1,localhost"})


def test_refresh_flags_exactly_the_items_whose_passage_changed(
    server: LocalServer, page: dict[str, bytes], tmp_path: Path
) -> None:
    saved = tmp_path / "story.briefing"
    assert run("export", server.url("/story"), "-o", str(saved)).returncode == 0
    first = load_briefing(saved)
    changed = {i.id for i in first.items() if any(w in i.anchor.text for w in CHANGED_WORDS)}
    gone = {i.id for i in first.items() if i.anchor.text in GONE_SENTENCE}
    assert changed and gone

    same = run("refresh", str(saved))
    assert same.returncode == 0, same.stderr
    assert "no changes" in same.stdout
    assert load_briefing(saved) == first  # nothing changed: the file is left alone

    page["body"] = _page(SECOND)
    result = run("refresh", str(saved), "--format", "json")
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    (article,) = report["articles"]
    flagged = {item["id"]: item["status"] for item in article["items"]}
    assert flagged == {**dict.fromkeys(changed, "changed"), **dict.fromkeys(gone, "gone")}
    assert {"changed", "added", "removed"} <= {d["kind"] for d in article["differences"]}
    assert report["saved"] == str(saved)

    after = load_briefing(saved)
    source = after.sources[0]
    assert source.version == 2 and len(source.earlier) == 1
    assert source.snapshot is not None and source.snapshot.body() == _page(SECOND)
    assert source.earlier[0].snapshot is not None
    assert source.earlier[0].snapshot.body() == _page(FIRST)
    for item in after.items():
        cites = source.cited(item.anchor)
        assert cites.text[item.anchor.start : item.anchor.end] == item.anchor.text
        assert (item.anchor.version == 1) == (item.id in changed | gone)

    again = run("refresh", str(saved))
    assert again.returncode == 0 and "no changes" in again.stdout
    # One request per check, for the page alone: no scripts, images or other pages.
    assert server.log == ["/story"] * 4


def test_dry_run_saves_nothing_and_a_failure_is_said(
    server: LocalServer, page: dict[str, bytes], tmp_path: Path
) -> None:
    saved = tmp_path / "story.briefing"
    assert run("export", server.url("/story"), "-o", str(saved)).returncode == 0
    before = saved.read_bytes()
    page["body"] = _page(SECOND)
    dry = run("refresh", str(saved), "--dry-run")
    assert dry.returncode == 3 and "15,000" in dry.stdout
    assert saved.read_bytes() == before

    server.routes.clear()  # the page is gone from the site: 404
    missing = run("refresh", str(saved))
    assert missing.returncode == 1
    assert "has no page at this address" in missing.stderr
    assert saved.read_bytes() == before


def test_refresh_reads_an_article_file_again(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(FIRST, encoding="utf-8")
    saved = tmp_path / "story.briefing"
    assert run("export", str(article), "-o", str(saved)).returncode == 0
    article.write_text(SECOND, encoding="utf-8")
    result = run("refresh", str(saved), "-o", str(tmp_path / "checked.briefing"))
    assert result.returncode == 3, result.stderr
    assert "“12,000” → “15,000”" in result.stdout and "gone" in result.stdout
    assert load_briefing(tmp_path / "checked.briefing").sources[0].version == 2
    assert load_briefing(saved).sources[0].version == 1  # -o leaves FILE as it was


# Run as the interpreter starts (PYTHONPATH): every socket connection fails, as with no
# network at all, so a command that tried to fetch anything would fail.
_NO_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("networking is disabled for this test")
socket.socket.connect = _refuse
socket.create_connection = _refuse
"""


def test_a_saved_briefing_opens_and_exports_with_networking_disabled(
    server: LocalServer, page: dict[str, bytes], tmp_path: Path
) -> None:
    saved = tmp_path / "story.briefing"
    assert run("export", server.url("/story"), "-o", str(saved)).returncode == 0
    page["body"] = _page(SECOND)
    assert run("refresh", str(saved)).returncode == 3
    offline = tmp_path / "offline"
    offline.mkdir()
    (offline / "sitecustomize.py").write_text(_NO_NETWORK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{offline}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    requests = len(server.log)

    for suffix in (".pdf", ".docx"):
        out = tmp_path / f"story{suffix}"
        done = run_cli("export", str(saved), "-o", str(out), env=env)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    refused = run_cli("refresh", str(saved), env=env)  # the check itself needs the network
    assert refused.returncode == 1 and "briefing-builder:" in refused.stderr
    assert len(server.log) == requests
