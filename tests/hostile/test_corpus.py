"""Every hostile case through the real entry points, each in its own process.

The corpus is written once per session; all cases then run two at a time (the cases are
independent processes), each with a 60 s guard against hangs: a guard, not a speed check.
Each case is then one test, so a failure names its case, its entry point and what happened.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, generate
from tests.hostile.messages import assert_clear_sentence

ROOT = Path(__file__).resolve().parents[2]
GUARD = Path(__file__).with_name("guard")
HANG_GUARD_SECONDS = 60
WORKERS = max(1, min(2, len(os.sched_getaffinity(0))))


@dataclass
class Run:
    """What one case's process did."""

    case: Case
    result: dict | None
    text: str
    stderr: str
    timed_out: bool
    seconds: float
    leftovers: list[str]
    network: str

    def describe(self) -> str:
        entry = " then ".join(
            step.get("op") if step["op"] != "cli" else "cli " + " ".join(step["argv"][:2])[:60]
            for step in self.case.steps
        )
        return f"{self.case.name} [{self.case.kind}] via {entry}"


def _corpus_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bb-hostile-"))
    # Written at collection (the case names are the test ids); removed even if no case runs.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


CORPUS = _corpus_folder()
CASES = generate(CORPUS)


def case_file(case: Case) -> Path:
    folder = CORPUS / "cases"
    folder.mkdir(exist_ok=True)
    path = folder / (re.sub(r"[^\w.-]", "_", case.name) + ".json")
    path.write_text(json.dumps(case.to_json()), encoding="utf-8")
    return path


def run_case(case: Case, scratch: Path) -> Run:
    """case in a fresh process with its own temp, data and output folders, and no network."""
    out = scratch / re.sub(r"[^\w.-]", "_", case.name)
    temp, data = out / "tmp", out / "data"
    for folder in (temp, data):
        folder.mkdir(parents=True)
    network_log = scratch / (out.name + ".network")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(GUARD), str(ROOT)]),
        "TMPDIR": str(temp),
        "BRIEFING_BUILDER_DATA_DIR": str(data),
        "HOSTILE_NETWORK_LOG": str(network_log),
    }
    command = [sys.executable, "-m", "tests.hostile.run_case", str(case_file(case)), str(out)]
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _, err = process.communicate(timeout=HANG_GUARD_SECONDS)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the case's own process group only
        _, err = process.communicate()
        timed_out = True
    seconds = time.monotonic() - started
    result_file = out / "result.json"
    result = json.loads(result_file.read_text()) if result_file.exists() else None
    text_file = out / "result.txt"
    text = text_file.read_text(encoding="utf-8", errors="replace") if text_file.exists() else ""
    return Run(
        case,
        result,
        text,
        err.decode("utf-8", "replace"),
        timed_out,
        seconds,
        leftovers(out, temp),
        network_log.read_text() if network_log.exists() else "",
    )


def leftovers(out: Path, temp: Path) -> list[str]:
    """Temporary files a case left behind: anything in its TMPDIR, and *.tmp anywhere."""
    left = [str(p.relative_to(out)) for p in temp.rglob("*")]
    left += [str(p.relative_to(out)) for p in out.rglob("*.tmp") if temp not in p.parents]
    return left


@pytest.fixture(scope="session")
def runs(request: pytest.FixtureRequest) -> Iterator[dict[str, Run]]:
    scratch = Path(tempfile.mkdtemp(prefix="bb-hostile-runs-"))
    chosen = selected_names(request.session.items)  # only what -k / --lf left to run
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        done = list(
            pool.map(
                lambda case: run_case(case, scratch),
                [case for case in CASES if case.name in chosen],
            )
        )
    write_summary(done)
    yield {run.case.name: run for run in done}
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(CORPUS, ignore_errors=True)


def selected_names(items: list[pytest.Item]) -> set[str]:
    return {
        item.callspec.params["name"]
        for item in items
        if isinstance(item, pytest.Function)
        and hasattr(item, "callspec")
        and "name" in item.callspec.params
    }


def write_summary(done: list[Run]) -> None:
    """With HOSTILE_SUMMARY=FILE, one line per case (seconds, outcome, case, entry point) to
    FILE: the figures behind a report, and a quick view of the slowest cases."""
    target = os.environ.get("HOSTILE_SUMMARY")
    if not target:
        return
    lines = []
    for run in sorted(done, key=lambda r: -r.seconds):
        outcome = "HANG" if run.timed_out else (run.result or {}).get("outcome", "CRASH")
        said = (run.result or {}).get("message", "")[:160]
        lines.append(
            f"{run.seconds:6.1f}s {outcome:8} {run.describe()}"
            + (f"\n{'':16}{said}" if said else "")
        )
    Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_corpus_is_large_and_varied() -> None:
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 120 and len(kinds) >= 15
    steps = {step["op"] for case in CASES for step in case.steps}
    assert {"import", "paste", "load_save", "cli"} <= steps
    commands = {step["argv"][0] for case in CASES for step in case.steps if step["op"] == "cli"}
    assert commands == {"extract", "export", "templates"}


@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_hostile_case(name: str, runs: dict[str, Run]) -> None:
    run = runs[name]
    where = run.describe()
    assert not run.timed_out, f"{where}: still running after {HANG_GUARD_SECONDS} s (a hang)"
    assert "Traceback" not in run.stderr, f"{where}: traceback\n{run.stderr[-1200:]}"
    assert run.result is not None, f"{where}: the process died\n{run.stderr[-2000:]}"
    assert not run.network, f"{where}: tried the network: {run.network[:300]}"
    assert not run.leftovers, f"{where}: left temporary files {run.leftovers[:5]}"
    check_outcome(run, where)


def test_no_case_wrote_into_the_corpus(runs: dict[str, Run]) -> None:
    """Inputs are only read: no temporary or output file may appear beside them."""
    strays = [
        str(path.relative_to(CORPUS))
        for path in CORPUS.rglob("*")
        if path.name.endswith(".tmp") or path.name.startswith(".")
    ]
    assert strays == [], f"files left in the corpus folder: {strays[:5]}"


def check_outcome(run: Run, where: str) -> None:
    result, case = run.result or {}, run.case
    outcome, message = result["outcome"], result["message"]
    if case.expect != "either":
        assert outcome == case.expect, f"{where}: expected {case.expect}, got {outcome}: {message}"
    for said in [message, *result["warnings"]] if message else result["warnings"]:
        assert_clear_sentence(said, where)
    if case.unsaid:
        assert case.unsaid not in message.lower(), f"{where}: the message is untrue: {message}"
    assert not result["changed"], f"{where}: changed files it should have kept: {result['changed']}"
    if outcome == "refused":
        return
    assert not result["problems"], f"{where}: {result['problems'][:3]}"
    if case.phrase:
        assert case.phrase in run.text, f"{where}: '{case.phrase}' was lost"
    if case.absent:
        assert case.absent not in run.text, f"{where}: '{case.absent}' should not be there"
    if case.warned:
        assert any(not w.startswith("warning: The briefing") for w in result["warnings"]), (
            f"{where}: no warning for the user"
        )
    if case.clean:
        odd = [c for c in run.text if unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t"]
        assert not odd, f"{where}: control characters kept: {odd[:5]!r}"
