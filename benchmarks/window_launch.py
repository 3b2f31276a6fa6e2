"""Launch time and memory of the desktop window.

Prints (median of several runs, each in a fresh process, with the machine they ran on):
- the time from starting the process to an interactive window showing the sample article
  with its proposals, measured as a first start (a new user's settings and data folder);
- the peak resident memory of a window with a 300,000-character document open.
Targets (issue 4): under 1.0 s and under 250 MB.

Usage: .venv/bin/python benchmarks/window_launch.py [--runs 5]
Runs offscreen unless a display is set (then on it, e.g. under xvfb-run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
started = float(sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
app = QApplication(["briefing-builder"])
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.open_initial(None)
result = {}

def interactive():
    # The first turn of the event loop after showing: the window answers input now.
    result["launch"] = time.time() - started
    result["sample_loaded"] = window.reader.toPlainText().startswith("Are 10,000")
    if len(sys.argv) > 3:
        from pathlib import Path
        window.open_path(Path(sys.argv[3]))
        QTimer.singleShot(50, wait_loaded)
    else:
        finish()

def wait_loaded():
    if window.is_loading():
        QTimer.singleShot(50, wait_loaded)
        return
    result["long_loaded"] = window.reader.toPlainText().startswith("Long report")
    finish()

def finish():
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result), flush=True)
    window.document.reset(window.briefing, None)  # nothing to ask about at close
    app.quit()

QTimer.singleShot(0, interactive)
app.exec()
"""


def run_once(long_document: Path | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bb-launch-") as tmp:
        env = {**os.environ, "BRIEFING_BUILDER_DATA_DIR": str(Path(tmp) / "data"),
               "PYTHONPATH": str(ROOT)}  # fmt: skip
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        args = [sys.executable, "-c", CHILD, str(time.time()), str(Path(tmp) / "s.ini")]
        if long_document:
            args.append(str(long_document))
        out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit(f"the window did not report: {out.stderr[-2000:]}")
        return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    from tests.ui.long_article import long_article

    launches = [run_once(None) for _ in range(runs)]
    assert all(r["sample_loaded"] for r in launches), "the sample did not open"
    with tempfile.TemporaryDirectory() as tmp:
        document = Path(tmp) / "long.txt"
        document.write_text(long_article(300_000), encoding="utf-8")
        memory = [run_once(document) for _ in range(runs)]
    assert all(r["long_loaded"] for r in memory), "the long document did not open"
    launch = statistics.median(r["launch"] for r in launches)
    rss = statistics.median(r["peak_rss_mb"] for r in memory)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}, display: {os.environ.get('DISPLAY') or 'offscreen'}"
    )
    print(
        f"launch to interactive window with the sample: median {launch:.2f} s "
        f"over {runs} runs (target < 1.0 s)"
    )
    print(
        f"peak memory with a 300,000-character document open: median {rss:.0f} MB "
        f"over {runs} runs (target < 250 MB)"
    )


if __name__ == "__main__":
    main()
