"""Child processes that a Cancel from another thread kills at once.

Work that runs in a child process (the PDF reader) is started through run_child. A caller
that may cancel it (the window's background job) runs the work inside `with scope:` on its
own thread and calls scope.cancel() from any other thread: every child started in the
scope is killed, and a child started after the cancel is killed as it starts.
"""

from __future__ import annotations

import subprocess
import threading
from contextvars import ContextVar, Token

_current: ContextVar[CancelScope | None] = ContextVar("cancel_scope", default=None)


class Cancelled(Exception):
    """The work was cancelled and its child process killed."""


class CancelScope:
    """Kills the child processes started inside it when cancelled."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._children: set[subprocess.Popen[bytes]] = set()
        self._tokens: list[Token[CancelScope | None]] = []
        self.cancelled = False

    def __enter__(self) -> CancelScope:
        self._tokens.append(_current.set(self))
        return self

    def __exit__(self, *exc: object) -> None:
        _current.reset(self._tokens.pop())

    def cancel(self) -> None:
        """Kill every child started in this scope (and any started later)."""
        with self._lock:
            self.cancelled = True
            children = list(self._children)
        for child in children:
            child.kill()

    def children(self) -> list[subprocess.Popen[bytes]]:
        """The child processes running in this scope now."""
        with self._lock:
            return list(self._children)

    def _adopt(self, child: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._children.add(child)
            cancelled = self.cancelled
        if cancelled:
            child.kill()

    def _release(self, child: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._children.discard(child)


def run_child(command: list[str], *, timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run command with its output captured, like subprocess.run: TimeoutExpired when it
    runs past timeout (it is killed), Cancelled when the current scope is cancelled."""
    scope = _current.get()
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    if scope is not None:
        scope._adopt(child)
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except BaseException:  # the timeout, or anything else: never leave the child running
        child.kill()
        child.communicate()
        raise
    finally:
        if scope is not None:
            scope._release(child)
    if scope is not None and scope.cancelled:
        raise Cancelled
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)
