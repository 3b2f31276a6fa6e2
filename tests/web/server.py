"""A local HTTP server for the tests of opening articles by address: 127.0.0.1 only, on a
free port, logging every path it is asked for (to prove what is never requested)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

Route = Callable[[BaseHTTPRequestHandler], None]

ARTICLE_HTML = """<!doctype html><html><head><title>Troops reach the border</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head>
<body><nav><a href="/other">Other story</a></nav><article><h1>Troops reach the border</h1>
<p>By Ann Writer</p>
<p>About 12,000 North Korean troops have reached the border, South Korea's National
Intelligence Service (NIS) said on Friday, in a statement to lawmakers in Seoul.</p>
<p>"The first group has already left for the front," the agency said, adding that it was
watching the deployment closely with its allies in the region.</p>
<img src="/photo.jpg" alt="Troops">
<p>It is not known whether the troops will fight inside Ukraine or only guard Russian
territory, officials in Kyiv said, calling the move a dangerous escalation of the war.</p>
</article></body></html>"""

CYRILLIC = "Войска у границы"
HEADER_CHARSET_HTML = (
    "<html><head><title>"
    + CYRILLIC
    + "</title></head><body><article><p>"
    + ("Министр сказал, что 12 000 солдат находятся у границы. " * 12)
    + "</p></article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    log: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.log.append(self.path)
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, *_args: object) -> None:  # quiet test output
        return


def send(
    handler: BaseHTTPRequestHandler, body: bytes, content_type: str, status: int = 200
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(target: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def slow(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(40):  # trickles for 4 s: longer than the tests' 1 s limit
        handler.wfile.write(b"<p>slow</p>")
        handler.wfile.flush()
        time.sleep(0.1)


class LocalServer:
    def __init__(self, server: ThreadingHTTPServer, handler: type[_Handler]) -> None:
        self._server = server
        self.log = handler.log
        self.routes = handler.routes

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"


@contextmanager
def local_server(routes: dict[str, Route]) -> Iterator[LocalServer]:
    handler = type("Handler", (_Handler,), {"routes": dict(routes), "log": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(server, handler)
    finally:
        server.shutdown()
        server.server_close()
