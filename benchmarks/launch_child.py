"""The process benchmarks/window_launch.py starts and times: the app, or a bare Qt window.

Kept to the standard library's lightest modules (sys, time, json, os, resource) so that the
harness costs the app and the bare window the same. It imports nothing of Qt itself: an
import hook wraps QApplication.exec when the program under test first imports QtWidgets,
so the app's own start-up runs in its own order, unchanged, up to its event loop.
Prints one JSON line, then exits at once.

Usage (from window_launch.py only):
    launch_child.py app STARTED EXPECTED_PROPOSALS [LONG_DOCUMENT EXPECTED_LONG_PROPOSALS]
    launch_child.py bare STARTED TEXT_FILE
STARTED is the parent's time.time() just before it started this process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

TYPE_CHECKING = False  # typing is not imported at run time: the harness stays light
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any

    from PySide6.QtCore import QAbstractItemModel, QModelIndex
    from PySide6.QtWidgets import QMainWindow

STARTED = float(sys.argv[2])
SAMPLE_START = "Are 10,000 North Korean troops"
LONG_START = "Long report on the border crisis"


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _report(result: dict[str, float]) -> None:
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_mb"] = _rss_mb()
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    os._exit(0)  # no closing dialogs, autosave or teardown: they are not part of the start


def _guarded(function: Callable[..., None]) -> Callable[..., None]:
    def run(*args: Any) -> None:
        try:
            function(*args)
        except BaseException as error:  # the app's excepthook would open a message box
            print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
            os._exit(1)

    return run


class _ExecHook:
    """A meta path finder that, once QtWidgets is loaded, makes QApplication.exec call
    on_exec() just before the event loop starts."""

    def __init__(self, on_exec: Callable[[], None]) -> None:
        self._on_exec = on_exec

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader: Any = spec.loader
        load = loader.exec_module
        on_exec = self._on_exec

        def exec_module(module: Any) -> None:
            load(module)
            original = module.QApplication.exec

            def exec_with_probe(*args: object) -> int:
                on_exec()
                result: int = original(*args)
                return result

            module.QApplication.exec = staticmethod(exec_with_probe)  # as Qt's own is

        loader.exec_module = exec_module
        return spec


def _when_event_loop_starts(on_exec: Callable[[], None]) -> None:
    sys.meta_path.insert(0, _ExecHook(_guarded(on_exec)))


class Probe:
    """Watches paint events; reports once a frame was painted while ready() was true."""

    def __init__(self, ready: Callable[[], bool], on_interactive: Callable[..., None]) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        probe = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and not probe.painted and probe.ready():
                    # The frame being painted now shows the loaded window; the timer fires
                    # on the next turn of the event loop, once the whole frame is done.
                    probe.painted = True
                    QTimer.singleShot(0, probe.interactive)
                return False

        self.painted = False
        self.ready = ready
        self._on_interactive = on_interactive
        self._filter = Filter()
        app = QApplication.instance()
        assert app is not None, "the probe starts with the event loop"
        app.installEventFilter(self._filter)
        self._app = app

    def interactive(self) -> None:
        now = time.time()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime  # all threads, up to the interactive window
        self._app.removeEventFilter(self._filter)
        self._on_interactive(now - STARTED, cpu)


def _listed(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    """Rows without children (the proposals, not the group rows above them)."""
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    count = 0
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        count += _listed(model, index) if model.rowCount(index) else 1
    return count


class AppWindow:
    """The app's main window, found among the top-level widgets, and what it shows."""

    def __init__(self) -> None:
        self.window: Any = None

    def find(self) -> QMainWindow | None:
        from PySide6.QtWidgets import QApplication, QMainWindow

        if self.window is None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMainWindow) and widget.isVisible():
                    self.window = widget
        return self.window

    def shows(self, start: str, proposals: int) -> bool:
        """True once the reader shows the article beginning with start, every proposal is
        listed, and the window says it is not loading anything."""
        from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit

        window = self.find()
        if window is None:
            return False
        is_loading = getattr(window, "is_loading", None)
        if is_loading is not None and is_loading():
            return False
        readers = window.findChildren(QPlainTextEdit)
        if not any(reader.toPlainText().startswith(start) for reader in readers):
            return False
        views = window.findChildren(QAbstractItemView)
        return any(view.model() and _listed(view.model()) >= proposals for view in views)


def bare() -> None:
    with open(sys.argv[3], encoding="utf-8") as file:
        text = file.read()
    result: dict[str, float] = {}
    editors: list[Any] = []

    def on_interactive(seconds: float, cpu: float) -> None:
        _report({**result, "launch": seconds, "cpu": cpu})

    def on_exec() -> None:
        result["exec"] = time.time() - STARTED
        Probe(lambda: editors[0].toPlainText() == text, _guarded(on_interactive))

    _when_event_loop_starts(on_exec)
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication(["bare"])
    window = QMainWindow()
    editor = QPlainTextEdit(window)
    editors.append(editor)
    editor.setPlainText(text)
    window.setCentralWidget(editor)
    window.resize(1600, 1000)
    window.show()
    app.exec()


def app() -> None:
    expected = int(sys.argv[3])
    long_document = sys.argv[4] if len(sys.argv) > 4 else None
    found = AppWindow()
    result: dict[str, float] = {}

    def on_interactive(seconds: float, cpu: float) -> None:
        result.update(launch=seconds, cpu=cpu, launch_rss_mb=_rss_mb())
        if long_document is None:
            return _report(result)
        from pathlib import Path

        found.window.open_path(Path(long_document))
        wait_for_long()

    def wait_for_long() -> None:
        from PySide6.QtCore import QTimer

        if found.shows(LONG_START, int(sys.argv[5])):
            result["long_loaded"] = time.time() - STARTED
            _report(result)
        QTimer.singleShot(50, _guarded(wait_for_long))

    def on_exec() -> None:
        result["exec"] = time.time() - STARTED
        Probe(lambda: found.shows(SAMPLE_START, expected), _guarded(on_interactive))

    _when_event_loop_starts(on_exec)
    from cli.main import main  # the app's own start-up, as the console script runs it

    main([])


if __name__ == "__main__":
    {"app": app, "bare": bare}[sys.argv[1]]()
