"""Extraction speed: characters per second on the sample article and on 300,000- and
3,000,000-character documents built by repeating the sample's prose.

Usage: .venv/bin/python benchmarks/extract_speed.py [--runs 5]
Prints the median of several runs per document and the machine it ran on. Target (issue 3):
at least 1 MB of article text per second on one core.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from app.extraction import extract
from app.importing import import_text
from app.sample import load_sample


def long_article(chars: int) -> str:
    """The sample's prose paragraphs repeated until the text is chars long."""
    paragraphs = load_sample().text.split("\n")
    body = [p for p in paragraphs if len(p.split()) > 12]  # skip headlines and link lists
    out: list[str] = []
    while sum(len(p) + 1 for p in out) < chars:
        out.extend(body)
    return "\n".join(out)[:chars]


def dense_table(chars: int) -> str:
    row = "12,400 tonnes 1/2 3.5% $4.2bn a dozen 7 in 10 thousands of "
    return (row * (chars // len(row) + 1))[:chars]


def time_extract(text: str, runs: int) -> tuple[float, int]:
    source = import_text(text)
    timings, found = [], None
    for _ in range(runs):
        started = time.perf_counter()
        found = extract(source)
        timings.append(time.perf_counter() - started)
    items = len(found.statements) + len(found.figures) + len(found.questions)
    return statistics.median(timings), items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )
    documents = {
        "sample article": load_sample().text,
        "300,000 chars": long_article(300_000),
        "3,000,000 chars": long_article(3_000_000),
        # The worst case rather than the target: a table pasted as one 300,000-character
        # line, a figure every few characters. It shows cost stays linear in the figures.
        "one-line table": dense_table(300_000),
    }
    for name, text in documents.items():
        runs = options.runs if len(text) < 1_000_000 else max(3, options.runs // 2)
        median, items = time_extract(text, runs)
        megabytes = len(text.encode("utf-8")) / 1e6
        print(
            f"{name:>16}: {len(text):>9,} chars, {items:>5} items, median {median:.4f} s "
            f"over {runs} runs = {len(text) / median:>11,.0f} chars/s "
            f"({megabytes / median:.2f} MB/s)"
        )


if __name__ == "__main__":
    main()
