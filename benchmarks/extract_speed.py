"""Extraction speed on real news: MB/s on documents of 0.5, 1, 2 and 4 MB, and how time grows.

The documents are built at run time from real articles: the texts of the evaluation kit's dev
sets (../shared/eval/dev: the real-news pages' plain texts, PolNeAR and FactBank articles and
the NewsQuant sentences), shuffled once with a fixed seed and cycled until a document reaches
its size, so every size holds the same mix. Nothing from the kit is copied into the
repository. Where the kit is absent the script says so and falls back to the sample
article's prose, which is lighter than real news: its figures are then not the issue's
measure.

For each size it prints the median over several runs of import (`import_text`: cleaning,
paragraphs, boilerplate) and of `extract()`, MB/s of extraction and of both, and seconds per
MB; linear cost shows as a constant s/MB across sizes (the last column, relative to the
smallest document). It also times the sample article and a worst case (a table pasted as one
300,000-character line, a figure every few characters), and prints the machine.
Target (issue 15): at least 1 MB/s of real news text on one core, linear in length.

Usage: .venv/bin/python benchmarks/extract_speed.py [--runs 5] [--sizes 0.5,1,2,4]
       .venv/bin/python benchmarks/extract_speed.py --profile 2   (cProfile of the 2 MB document)
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from app.extraction import extract  # noqa: E402
from app.importing import import_text  # noqa: E402
from app.models import Source  # noqa: E402
from app.sample import load_sample  # noqa: E402
from benchmarks.machine import describe  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
ARTICLE_SETS = ("realnews", "polnear", "factbank")  # folders of one article per .txt file
SENTENCE_SETS = ("figures_newsquant.jsonl",)  # one news sentence per line, as "text"
SENTENCES_PER_PARAGRAPH = 4
SEED = 15  # a fixed shuffle, so every size holds the same mix of sets and runs compare


def real_articles(dev: Path) -> list[str]:
    """The dev sets' news texts, shuffled in a fixed order so that a document of any size
    holds the same mix of sets (NewsQuant's sentences five paragraphs to a text); empty
    when the kit is absent."""
    articles: list[str] = []
    for name in ARTICLE_SETS:
        folder = dev / name
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                text = path.read_text(encoding="utf-8").strip()
                if text:
                    articles.append(text)
    for name in SENTENCE_SETS:
        path = dev / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            sentences = [json.loads(line)["text"].strip() for line in lines if line.strip()]
            paragraphs = [
                " ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
                for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
            ]
            articles.extend(
                "\n\n".join(paragraphs[i : i + 5]) for i in range(0, len(paragraphs), 5)
            )
    random.Random(SEED).shuffle(articles)
    return articles


def sample_prose() -> list[str]:
    """The fallback: the sample article's prose paragraphs (not real news at scale)."""
    paragraphs = load_sample().text.split("\n")
    return ["\n\n".join(p for p in paragraphs if len(p.split()) > 12)]


def document(articles: list[str], megabytes: float) -> str:
    """Whole articles, cycled in order, until the UTF-8 text reaches the size."""
    target = int(megabytes * 1e6)
    parts: list[str] = []
    size = 0
    while size < target:
        article = articles[len(parts) % len(articles)]
        parts.append(article)
        size += len(article.encode("utf-8")) + 2
    return "\n\n".join(parts)


def dense_table(chars: int) -> str:
    row = "12,400 tonnes 1/2 3.5% $4.2bn a dozen 7 in 10 thousands of "
    return (row * (chars // len(row) + 1))[:chars]


def median_time(run: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def items(source: Source) -> int:
    found = extract(source)
    return len(found.statements) + len(found.figures) + len(found.questions)


def measure(name: str, text: str, runs: int, base: list[float]) -> None:
    megabytes = len(text.encode("utf-8")) / 1e6
    importing = median_time(lambda: import_text(text), runs)
    source = import_text(text)
    extracting = median_time(lambda: extract(source), runs)
    per_mb = extracting / megabytes
    if not base:
        base.append(per_mb)
    print(
        f"{name:>15}: {megabytes:5.2f} MB {len(text):>9,} chars {items(source):>6} items | "
        f"import {importing:6.3f} s | extract {extracting:6.3f} s = {megabytes / extracting:5.2f}"
        f" MB/s | both {megabytes / (importing + extracting):5.2f} MB/s | "
        f"{per_mb:5.3f} s/MB (x{per_mb / base[0]:.2f})",
        flush=True,
    )


def profile(text: str, top: int) -> None:
    source = import_text(text)
    extract(source)  # warm caches and compiled patterns first
    profiler = cProfile.Profile()
    profiler.enable()
    extract(source)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per size (3 from 2 MB up)")
    parser.add_argument("--sizes", default="0.5,1,2,4", help="document sizes in MB")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="the kit's dev folder")
    parser.add_argument("--profile", type=float, metavar="MB", help="profile one size instead")
    parser.add_argument("--top", type=int, default=40, help="rows of the profile")
    options = parser.parse_args()

    print(f"machine: {describe()}")
    articles = real_articles(options.dev)
    if articles:
        chars = sum(len(a) for a in articles)
        print(f"real news: {len(articles)} texts, {chars:,} chars, from {options.dev}")
    else:
        print(
            f"NOTE: the evaluation kit is absent ({options.dev} has no article texts), so the "
            "documents repeat the sample article's prose. That text is lighter than real news: "
            "these figures are NOT the issue's measure (1 MB/s of real news)."
        )
        articles = sample_prose()
    if options.profile:
        profile(document(articles, options.profile), options.top)
        return

    base: list[float] = []
    for size in (float(s) for s in options.sizes.split(",")):
        runs = options.runs if size < 2 else max(3, options.runs // 2)
        measure(f"{size:g} MB", document(articles, size), runs, base)
    print("worst cases and the sample (x: s/MB relative to the first document above):")
    measure("sample article", load_sample().text, options.runs, base)
    measure("one-line table", dense_table(300_000), options.runs, base)


if __name__ == "__main__":
    main()
