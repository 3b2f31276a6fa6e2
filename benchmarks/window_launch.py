"""Launch time of the desktop window against a bare Qt window, and its peak memory.

In one run, on one machine, prints:
- launch to an interactive window, as a first start (a new user's settings, data and log
  folders, all thrown away afterwards): the app showing the embedded sample article with its
  proposals, and a bare PySide6 window (a QPlainTextEdit in a QMainWindow) showing the same
  text. The two are run interleaved (app, bare, app, bare, ...) in fresh processes, after one
  discarded warm-up pair; medians, min/max and the ratio of the medians are printed.
- the peak resident memory (ru_maxrss) of the app after it opened a 300,000-character
  document on top of the sample (median of several fresh processes).
Targets (issue 4): ratio at most 2.5; peak memory at most 150 MB.
Benchmarks print figures; tests never assert timings.

Usage: .venv/bin/python benchmarks/window_launch.py [--runs 7] [--memory-runs 5]
Runs offscreen unless a display is set (then on it, e.g. under xvfb-run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Report = dict[str, float]  # one child's figures, as launch_child.py prints them
CHILD = Path(__file__).with_name("launch_child.py")
INTERACTIVE = (
    "interactive = the time from just before the parent starts the process to the first "
    "turn of the event loop after a frame was painted while the window already showed all "
    "of its content (app: the sample's text in the reader, every proposal listed, and the "
    "window's is_loading() false; bare: the text in the editor). Bytecode caches are "
    "written and used, as after an install."
)


def run_child(kind: str, *args: str) -> Report:
    """One fresh process with throwaway settings, data and log folders; its JSON report."""
    with tempfile.TemporaryDirectory(prefix="bb-launch-") as tmp:
        env = {
            **os.environ,
            "BRIEFING_BUILDER_DATA_DIR": str(Path(tmp) / "data"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),  # QSettings: a first start
            "XDG_DATA_HOME": str(Path(tmp) / "share"),
            "XDG_STATE_HOME": str(Path(tmp) / "state"),  # the log file
            "PYTHONPATH": str(ROOT),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode caches in place
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        command = [sys.executable, str(CHILD), kind, repr(time.time()), *args]
        out = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True, timeout=180)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines or "error" in json.loads(lines[-1]):
        raise SystemExit(
            f"the {kind} window did not report:\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}"
        )
    report: Report = json.loads(lines[-1])
    return report


def proposal_count(text: str) -> int:
    from app.extraction import extract
    from app.importing import import_text

    extraction = extract(import_text(text))
    return len(extraction.statements) + len(extraction.figures) + len(extraction.questions)


def spread(values: list[float], unit: str, digits: int) -> str:
    return (
        f"median {statistics.median(values):.{digits}f} {unit} "
        f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})"
    )


def measure_launch(
    runs: int, sample_file: Path, proposals: int
) -> tuple[list[Report], list[Report]]:
    app_runs, bare_runs = [], []
    for run in range(runs + 1):  # run 0 is a warm-up pair (disk caches), not counted
        app_result = run_child("app", str(proposals))
        bare_result = run_child("bare", str(sample_file))
        if run:
            app_runs.append(app_result)
            bare_runs.append(bare_result)
    return app_runs, bare_runs


def launch_line(runs: list[Report]) -> str:
    loop = statistics.median(r["exec"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    return (
        f"{spread([r['launch'] for r in runs], 's', 3)}; event loop entered at {loop:.3f} s; "
        f"CPU time (user+sys, less disturbed by other load) {cpu:.3f} s"
    )


def measure_memory(runs: int, sample_proposals: int, folder: Path) -> list[Report]:
    from tests.ui.long_article import long_article

    text = long_article(300_000)
    document = folder / "long.txt"
    document.write_text(text, encoding="utf-8")
    expected = str(proposal_count(text))
    return [run_child("app", str(sample_proposals), str(document), expected) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="launch pairs (at least 7)")
    parser.add_argument("--memory-runs", type=int, default=5)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from app.sample import load_sample
    from benchmarks.machine import describe

    sample = load_sample()
    proposals = proposal_count(sample.text)
    print(f"machine: {describe()}")
    print(INTERACTIVE)
    with tempfile.TemporaryDirectory() as tmp:
        sample_file = Path(tmp) / "sample.txt"
        sample_file.write_text(sample.text, encoding="utf-8")
        app_runs, bare_runs = measure_launch(max(options.runs, 7), sample_file, proposals)
        print(f"app  (sample, {proposals} proposals): {launch_line(app_runs)}")
        print(f"bare (same text in QPlainTextEdit): {launch_line(bare_runs)}")
        app_median = statistics.median(r["launch"] for r in app_runs)
        ratio = app_median / statistics.median(r["launch"] for r in bare_runs)
        print(f"ratio of medians app/bare: {ratio:.2f}x (target at most 2.5x)")
        cpu_ratio = statistics.median(r["cpu"] for r in app_runs) / statistics.median(
            r["cpu"] for r in bare_runs
        )
        print(f"ratio of median CPU times app/bare: {cpu_ratio:.2f}x")
        memory = measure_memory(options.memory_runs, proposals, Path(tmp))
    print(
        "peak RSS, sample then a 300,000-character document open: "
        f"{spread([r['peak_rss_mb'] for r in memory], 'MB', 0)} (target at most 150 MB); "
        f"RSS at interactive with the sample: "
        f"{statistics.median(r['launch_rss_mb'] for r in memory):.0f} MB, "
        f"once the long document is in: {statistics.median(r['rss_mb'] for r in memory):.0f} MB"
    )


if __name__ == "__main__":
    main()
