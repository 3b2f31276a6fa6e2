"""Extraction speed: characters per second on a long document made from the sample article.

Usage: .venv/bin/python benchmarks/extract_speed.py [--chars 1000000] [--runs 5]
Prints the median of several runs and the machine it ran on.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from app.extraction import extract
from app.importing import import_text
from app.sample import load_sample


def long_article(chars: int) -> str:
    paragraphs = load_sample().text.split("\n")
    body = [p for p in paragraphs if len(p.split()) > 12]  # skip headlines and link lists
    out: list[str] = []
    while sum(len(p) + 1 for p in out) < chars:
        out.extend(body)
    return "\n".join(out)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    source = import_text(long_article(options.chars))
    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        found = extract(source)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )
    print(
        f"document: {len(source.text):,} characters; {len(found.statements)} statements, "
        f"{len(found.figures)} figures, {len(found.questions)} questions"
    )
    print(
        f"extract: median {median:.3f} s over {options.runs} runs "
        f"({len(source.text) / median:,.0f} chars/s)"
    )


if __name__ == "__main__":
    main()
