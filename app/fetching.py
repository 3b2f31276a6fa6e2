"""Fetching one article from its address: one request, nothing else, with clear failures.

Only the page (or PDF) itself is requested: no images, scripts, styles or linked pages, and
no cookies are kept. Redirects are followed up to a cap, the body is read up to a size cap
within a time limit, and the system's proxy settings (http_proxy, https_proxy, no_proxy)
are honoured, as urllib does by default. Every failure is an ImportFailure in plain words.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from app.importing.errors import ImportFailure

MAX_REDIRECTS = 5
MAX_BYTES = 20 * 1024 * 1024  # the largest article, HTML or PDF, worth reading
TIMEOUT_SECONDS = 20.0  # for the whole response, not only each read
_CHUNK = 64 * 1024
_USER_AGENT = "BriefingBuilder/1 (+one request per user action; no images or scripts)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf",)
TEXT_TYPES = ("text/plain", "text/markdown")


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of one response, with what a snapshot keeps of it."""

    url: str  # as the user gave it
    final_url: str  # after redirects
    media_type: str  # "text/html", "application/pdf", "text/plain"
    charset: str  # declared in the Content-Type header, or ""
    body: bytes
    retrieved: dt.datetime


def is_address(text: str) -> bool:
    """True for an http:// or https:// address (what Open URL and the commands accept)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def fetch(
    url: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
    cancelled: threading.Event | None = None,
) -> Fetched:
    """The page or PDF at url; ImportFailure says, in words, why not."""
    url = url.strip()
    if not is_address(url):
        raise ImportFailure(f"“{url[:200]}” is not a web address (http:// or https://).")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            media_type, charset = _content_type(response.headers)
            _check_type(media_type, url)
            _check_declared_size(response.headers, max_bytes, url)
            body = _read_body(response, max_bytes, deadline, cancelled, url)
            final_url = response.geturl()
    except ImportFailure:
        raise
    except urllib.error.HTTPError as error:
        raise ImportFailure(_http_problem(error.code, url)) from None
    except urllib.error.URLError as error:
        raise ImportFailure(_network_problem(error.reason, url)) from None
    except TimeoutError:
        raise ImportFailure(f"{_host(url)} did not answer within {timeout:.0f} seconds.") from None
    except (ConnectionError, OSError, ValueError) as error:
        raise ImportFailure(_network_problem(error, url)) from None
    return Fetched(
        url=url,
        final_url=final_url,
        media_type=media_type,
        charset=charset,
        body=body,
        retrieved=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )


_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8"


class _CappedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener with its proxy handling and a redirect cap, and no cookie jar (urllib
    keeps none unless asked)."""
    return urllib.request.build_opener(_CappedRedirects())


def _content_type(headers: Message) -> tuple[str, str]:
    media_type = (headers.get_content_type() or "").lower()
    charset = headers.get_content_charset() or ""
    return media_type, charset


def _check_type(media_type: str, url: str) -> None:
    if media_type in HTML_TYPES or media_type in PDF_TYPES or media_type in TEXT_TYPES:
        return
    raise ImportFailure(
        f"{_host(url)} sent {media_type or 'something without a type'}, not a web page or a "
        "PDF: only articles can be opened."
    )


def _check_declared_size(headers: Message, max_bytes: int, url: str) -> None:
    length = headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise ImportFailure(_too_large(url, max_bytes))


def _read_body(
    response: object,
    max_bytes: int,
    deadline: float,
    cancelled: threading.Event | None,
    url: str,
) -> bytes:
    """The body in chunks: stops at the size cap, at the deadline, or when cancelled."""
    chunks: list[bytes] = []
    size = 0
    read = response.read  # type: ignore[attr-defined]
    while True:
        if cancelled is not None and cancelled.is_set():
            raise ImportFailure("Opening the address was cancelled.")
        if time.monotonic() > deadline:
            raise ImportFailure(f"{_host(url)} was too slow: the page did not arrive in time.")
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ImportFailure(_too_large(url, max_bytes))
        chunks.append(chunk)


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"The page at {_host(url)} is larger than {max_bytes // (1024 * 1024)} MB, too large "
        "to be an article."
    )


def _http_problem(code: int, url: str) -> str:
    host = _host(url)
    if 300 <= code < 400:
        return f"{host} redirected too many times; the page could not be reached."
    if code == 404 or code == 410:
        return f"{host} has no page at this address (error {code}): check the address."
    if code in (401, 402, 403):
        return (
            f"{host} refused the page (error {code}): it may be behind a paywall or a login. "
            "Save the page from your browser and open the file instead."
        )
    if code == 429:
        return f"{host} is refusing requests for now (too many). Try again later."
    if 500 <= code < 600:
        return f"{host} had a problem of its own (error {code}). Try again later."
    return f"{host} answered with error {code}; the page could not be opened."


def _network_problem(reason: object, url: str) -> str:
    host = _host(url)
    if isinstance(reason, socket.gaierror):
        return f"{host} could not be found: check the address, or the network connection."
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"{host} did not answer in time."
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection."
    if isinstance(reason, ssl.SSLError):
        return f"The secure connection to {host} failed ({reason.reason or 'certificate'})."
    text = str(reason)
    if "redirect" in text.lower():
        return f"{host} redirected too many times; the page could not be reached."
    return f"{host} could not be reached: {text or 'no network connection'}."


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or "The site"
    except ValueError:
        return "The site"
