"""Child processes started inside a cancel scope die when it is cancelled, from any thread."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from app.child_process import Cancelled, CancelScope, run_child

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_child_runs_and_its_output_comes_back() -> None:
    done = run_child([sys.executable, "-c", "print('hello')"], timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == b"hello"


def test_cancel_from_another_thread_kills_the_child_at_once() -> None:
    scope = CancelScope()
    outcome: list[object] = []

    def work() -> None:
        with scope:
            try:
                run_child(SLEEPER, timeout=60)
            except Cancelled as error:
                outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    deadline = time.monotonic() + 10
    while not scope.children() and time.monotonic() < deadline:
        time.sleep(0.01)
    child = scope.children()[0]
    started = time.monotonic()
    scope.cancel()
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - started < 5
    assert child.returncode is not None and isinstance(outcome[0], Cancelled)
    assert scope.children() == []


def test_a_child_started_after_the_cancel_dies_as_it_starts() -> None:
    scope = CancelScope()
    scope.cancel()
    started = time.monotonic()
    with scope, pytest.raises(Cancelled):
        run_child(SLEEPER, timeout=60)
    assert time.monotonic() - started < 5


def test_a_child_past_its_time_is_killed() -> None:
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        run_child(SLEEPER, timeout=0.2)
    assert time.monotonic() - started < 5
