"""Time per megabyte of the worst inputs we know of, at two sizes, for import, extraction and
export: whitespace runs, Markdown runs, combining floods, dense figure lines, many citations
and long words. Linear work shows the same time per megabyte at both sizes, and its "x2 ratio"
(the time when the size doubles over the time before) is about 2; quadratic work shows about
4 and cubic about 8: a ratio growing past 2 is a regression to look at.

Each figure is the median of --runs runs. The machine is printed beside the figures.

Usage: .venv/bin/python benchmarks/pathological.py [--runs 3] [--size-kb 256] [--only NAME]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from app.extraction import extract
from app.importing import ImportFailure, import_file
from app.models import Briefing, Figure, Note, Section
from benchmarks.machine import describe
from exporters.export import document_bytes
from tests.hostile.briefings import many_citations

TAIL = "\n\nThe foreign minister, Maria Lopez, said on Tuesday that “the talks have failed”.\n"


@dataclass(frozen=True)
class Input:
    """One pathological input: its name, the stage it stresses, and how to make it of n chars."""

    name: str
    stage: str  # import | extract | export
    make: Callable[[int], object]
    suffix: str = ".txt"


def repeated(piece: str, head: str = "", tail: str = TAIL) -> Callable[[int], str]:
    return lambda n: head + piece * max(1, (n - len(head) - len(tail)) // len(piece)) + tail


def figure_line(n: int) -> str:
    return "Officials counted " + "1,000 troops, 2.5 million dollars and 40% more; " * (n // 48)


def long_word_briefing(n: int) -> Briefing:
    note = Note(text="Maria Lopez wrote " + " ".join(["w" * 100_000] * max(1, n // 100_000)))
    return Briefing(title="Long words", sections=(Section(title="Notes", items=(note,)),))


def figure_table_briefing(n: int) -> Briefing:
    figure = Figure(text="5,000", value=5000, counts="12,345 | " * (n // 9))
    return Briefing(title="Figures", sections=(Section(title="Figures", items=(figure,)),))


def citations_briefing(n: int) -> Briefing:
    paragraphs = max(10, n // 45)  # each paragraph line is 45 characters
    return many_citations(max(1, paragraphs // 10), paragraphs)


INPUTS = (
    Input("spaces run", "import", repeated(" ", head="Intro.")),
    Input("tabs run", "import", repeated("\t", head="Intro.")),
    Input("nbsp/space/tab run", "import", repeated(" \u00a0\t", head="Intro.")),
    Input("short lines", "import", repeated("ab\n")),
    Input("combining flood", "import", repeated("\u0301", head="a")),
    Input("heading of spaces", "import", repeated(" ", head="#", tail="x" + TAIL), ".md"),
    Input("emphasis run *a", "import", repeated("*a"), ".md"),
    Input("open brackets", "import", repeated("["), ".md"),
    Input("long word", "import", repeated("x")),
    Input("dense figure line", "extract", figure_line),
    Input("said flood", "extract", repeated("said ")),
    Input("numbered lines 1\\n", "extract", repeated("1\n")),
    Input("digits and spaces", "extract", repeated("5 ")),
    Input("number words", "extract", repeated("three million and twenty-two thousand ")),
    Input("long words (PDF)", "export", long_word_briefing, ".pdf"),
    Input("long words (Word)", "export", long_word_briefing, ".docx"),
    Input("figure table line (PDF)", "export", figure_table_briefing, ".pdf"),
    Input("many citations (PDF)", "export", citations_briefing, ".pdf"),
    Input("many citations (Word)", "export", citations_briefing, ".docx"),
)


def run_once(item: Input, size: int, folder: Path) -> float:
    """Seconds for item's stage on an input of about size characters (made beforehand)."""
    made = item.make(size)
    if item.stage == "export":
        assert isinstance(made, Briefing)
        started = time.perf_counter()
        document_bytes(made, item.suffix.lstrip("."))
        return time.perf_counter() - started
    path = folder / f"input{item.suffix}"
    path.write_text(str(made), encoding="utf-8")
    started = time.perf_counter()
    try:
        source = import_file(path)
    except ImportFailure:  # a refusal is an answer too; its time is what counts here
        return time.perf_counter() - started
    if item.stage == "extract":
        started = time.perf_counter()  # extraction alone
    extract(source)
    return time.perf_counter() - started


def measure(item: Input, size: int, runs: int, folder: Path) -> float:
    """Median seconds per megabyte (of size characters) for item's stage."""
    times = [run_once(item, size, folder) for _ in range(runs)]
    return statistics.median(times) / (size / 1_000_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size-kb", type=int, default=256, help="the smaller of two sizes")
    parser.add_argument("--only", help="run only inputs whose name contains this")
    options = parser.parse_args()
    small = options.size_kb * 1000
    print(f"Machine: {describe()}")
    print(f"Median of {options.runs} runs; sizes {small // 1000} k and {2 * small // 1000} k chars")
    print(f"{'input':28} {'stage':8} {'s/MB small':>11} {'s/MB x2':>9} {'x2 ratio':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for item in INPUTS:
            if options.only and options.only not in item.name:
                continue
            first = measure(item, small, options.runs, Path(folder))
            second = measure(item, 2 * small, options.runs, Path(folder))
            ratio = (second * 2) / first if first else float("nan")
            print(
                f"{item.name:28} {item.stage:8} {first:11.2f} {second:9.2f} {ratio:9.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
