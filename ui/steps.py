"""Long GUI work done in small steps between events, so the window never freezes.

Some work must happen on the GUI thread (filling a text document, building tree rows).
It is written as a generator that yields after each small piece; the pump runs pieces
for a few milliseconds per turn of the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

BUDGET_SECONDS = 0.012  # per turn of the event loop, far under the 100 ms users notice


class StepPump(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[None] | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_for_a_while)

    def start(self, steps: Iterator[None]) -> None:
        """Replace any unfinished work with steps, which run from the next turn on."""
        self._steps = steps
        self._timer.start()

    def busy(self) -> bool:
        return self._steps is not None

    def finish(self) -> None:
        """Run what is left now (for callers that need the result at once)."""
        if not self._running:
            self._run_for_a_while(budget=float("inf"))

    def _run_for_a_while(self, budget: float = BUDGET_SECONDS) -> None:
        if self._running:
            return  # asked to finish from inside a step: the running loop carries on
        self._running = True
        try:
            self._run_steps(time.perf_counter() + budget)
        finally:
            self._running = False

    def _run_steps(self, deadline: float) -> None:
        while self._steps is not None and time.perf_counter() < deadline:
            try:
                next(self._steps)
            except StopIteration:
                self._steps = None
                self._timer.stop()
