"""Comparison speed: 20 generated articles of 5,000 words each, compared side by side.

The articles are built at run time from varied sentences of our own (figures with
qualifiers, quotes, names, reporting verbs, citations, unconfirmed claims and denials),
filled from fixed word lists with a seeded generator, so every run compares the same text.
Printed: the median of several runs of (a) `compare_articles` given the extractions and
(b) extraction and comparison end to end, with the groups and corroborations found, and
the machine. Target (issue 17): (a) under 1 s.

Usage: .venv/bin/python benchmarks/compare.py [--runs 5] [--articles 20] [--words 5000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from app.compare import compare_articles  # noqa: E402
from app.compare.types import Comparison  # noqa: E402
from app.extraction import Extraction, extract  # noqa: E402
from app.importing import import_text  # noqa: E402
from app.models import Source  # noqa: E402
from benchmarks.machine import describe  # noqa: E402

SEED = 17
OUTLETS = ["Harbour Times", "Valley News", "Coastal Herald", "Northern Post", "Daily Ledger"]
PEOPLE = [
    "Anna Berg",
    "Tomas Keller",
    "Mira Osei",
    "Jonas Vale",
    "Lena Park",
    "Omar Haddad",
    "Sofia Reyes",
    "Ivan Petrenko",
]
BODIES = ["the defence ministry", "the NIS", "the port authority", "the Red Cross", "the UN"]
PLACES = ["Kursk", "Donetsk", "Vladivostok", "Odesa", "Kharkiv", "Chongjin", "Busan", "Riga"]
OWNERS = ["North Korean", "Russian", "Ukrainian", "South Korean", ""]
NOUNS = ["troops", "soldiers", "civilians", "refugees", "drones", "shells", "tanks", "workers"]
QUALIFIERS = ["", "", "about ", "more than ", "nearly ", "up to ", "some "]
UNITS = ["", "", "", " a day", " a week"]
MONEY = ["$", "€", "£"]
VERBS = ["said", "told reporters", "warned", "claimed", "estimated", "confirmed"]
TOPICS = [
    "the convoy reached {place} before dawn",
    "the bridge near {place} was closed for repairs",
    "talks in {place} would resume next week",
    "the power plant at {place} had been hit twice",
    "aid trucks were waiting at the border crossing near {place}",
    "the ferry service to {place} had stopped",
]
SENTENCES = [
    "{who} {verb} that {qual}{number:,} {owner}{noun} were in {place}{unit}.",
    '"We counted {qual}{number:,} {owner}{noun} near {place}," {who} said.',
    "{Owner}{noun} numbering {qual}{number:,} arrived in {place}, according to {body}.",
    "{who_cap} said that {topic}.",
    "{who_cap}, citing {body}, reported that {qual}{number:,} {owner}{noun} had left {place}.",
    "The claim that {topic} could not be independently verified.",
    "{body_cap} denied that {topic}.",
    "{body_cap} confirmed that {topic}.",
    "Officials pledged {money}{amount} million to rebuild {place}, {who} said.",
    "Is it true that {topic}?",
    "Thousands of {owner}{noun} were reported near {place}.",
    "It is not known whether {topic}.",
]


def build_article(rng: random.Random, number: int, words: int) -> str:
    """An article of about words words, with a title line and paragraphs of 3 sentences."""
    outlet = OUTLETS[number % len(OUTLETS)]
    lines = [f"Report {number} on the war", f"By {rng.choice(PEOPLE)}, {outlet}"]
    count = 0
    paragraph: list[str] = []
    while count < words:
        sentence = _sentence(rng)
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) == 3:
            lines.append(" ".join(paragraph))
            paragraph = []
    lines.append(" ".join(paragraph))
    return "\n".join(line for line in lines if line)


def _sentence(rng: random.Random) -> str:
    owner = rng.choice(OWNERS)
    who = rng.choice(PEOPLE + BODIES)
    body = rng.choice(BODIES)
    place = rng.choice(PLACES)
    return rng.choice(SENTENCES).format(
        who=who,
        who_cap=who[:1].upper() + who[1:],
        verb=rng.choice(VERBS),
        qual=rng.choice(QUALIFIERS),
        number=rng.choice([1_000, 1_200, 1_500, 10_000, 12_000, 600, 3_000, 45]),
        owner=f"{owner} " if owner else "",
        Owner=f"{owner} " if owner else "Some ",
        noun=rng.choice(NOUNS),
        place=place,
        unit=rng.choice(UNITS),
        topic=rng.choice(TOPICS).format(place=place),
        body=body,
        body_cap=body[:1].upper() + body[1:],
        money=rng.choice(MONEY),
        amount=rng.choice([5, 12, 40, 250]),
    )


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--words", type=int, default=5000)
    options = parser.parse_args()
    rng = random.Random(SEED)
    texts = [build_article(rng, n, options.words) for n in range(options.articles)]
    sources = [import_text(text, origin=f"article-{n}.txt") for n, text in enumerate(texts)]
    extractions = [extract(source) for source in sources]
    words = sum(len(text.split()) for text in texts)
    result: list[Comparison] = []

    def compare_only() -> None:
        result.append(compare_articles(sources, extractions))

    def end_to_end() -> None:
        found: list[Extraction] = [extract(source) for source in sources]
        compare_articles(list[Source](sources), found)

    compared = median_seconds(compare_only, options.runs)
    both = median_seconds(end_to_end, options.runs)
    comparison = result[-1]
    proposals = sum(len(e.statements) + len(e.figures) + len(e.questions) for e in extractions)
    print(f"{options.articles} articles, {words:,} words, {proposals:,} proposals")
    print(
        f"groups: {len(comparison.groups)} ({sum(g.source_count > 1 for g in comparison.groups)}"
        f" across articles), discrepancies: {len(comparison.discrepancies)}, "
        f"corroborations: {len(comparison.corroborations)}"
    )
    print(f"(a) compare_articles, extractions given: median {compared:.3f} s of {options.runs}")
    print(f"(b) extract + compare, end to end:       median {both:.3f} s of {options.runs}")
    print(f"target (a) < 1 s: {'met' if compared < 1 else 'NOT met'}")
    print(f"machine: {describe()}")


if __name__ == "__main__":
    main()
