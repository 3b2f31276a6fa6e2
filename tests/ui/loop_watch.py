"""How long the Qt event loop was blocked: the longest gap between ticks of a fast timer."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class LoopWatch:
    """Starts ticking when made; stop() returns the longest gap, in seconds."""

    def __init__(self, tick_ms: int = 5) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()  # a block still going on at the end counts too
        self._timer.stop()
        return self.longest
