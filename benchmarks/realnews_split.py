"""Real-news scores split into a tuning half and a held-out half.

Runs the evaluation kit's `score-realnews` (outside this repository, ../shared/eval) once with
per-page rows, then adds the pages up by half: pages in even positions of the scorer's order
are the tuning half, odd positions the held-out half that rules are never tuned on. True
positives are recovered from each page's precision and recall, so the halves' figures can
differ from a direct count by rounding (a tenth of a point).

Usage: .venv/bin/python benchmarks/realnews_split.py [--kit ../shared/eval] [--input html|txt]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_KIT = ROOT.parent / "shared" / "eval"
Row = dict[str, float | None]
Pick = Callable[[dict], Row]

METRICS: dict[str, Pick] = {
    "statements all @0.3": lambda page: page["statements"],
    "figures value": lambda page: page["figures"],  # the per-page figures row is by value
    "questions explicit": lambda page: page["questions"]["explicit"],
    "questions open": lambda page: page["questions"]["open"],
}


def scored_pages(kit: Path, source: str) -> list[dict]:
    command = [
        str(kit / "score-realnews"),
        "--cmd",
        f"{ROOT / '.venv' / 'bin' / 'briefing-builder'} extract",
        "--input",
        source,
        "--json",
        "--per-doc",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=1800)
    return list(json.loads(done.stdout)["per_doc"])


def totals(rows: list[Row]) -> tuple[float, float, float, float]:
    """(true positives among predictions, predictions, gold found, gold)."""
    hit_pred = hit_gold = n_pred = n_gold = 0.0
    for row in rows:
        pred, gold = float(row["n_pred"] or 0), float(row["n_gold"] or 0)
        hit_pred += (row["P"] or 0.0) * pred / 100
        hit_gold += (row["R"] or 0.0) * gold / 100
        n_pred, n_gold = n_pred + pred, n_gold + gold
    return hit_pred, n_pred, hit_gold, n_gold


def prf(rows: list[Row]) -> str:
    hit_pred, n_pred, hit_gold, n_gold = totals(rows)
    precision = 100 * hit_pred / n_pred if n_pred else 0.0
    recall = 100 * hit_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:5.1f} {recall:5.1f} {f1:5.1f} {int(n_pred):5d} {int(n_gold):5d}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=DEFAULT_KIT)
    parser.add_argument("--input", choices=("html", "txt"), default="html")
    args = parser.parse_args()
    pages = scored_pages(args.kit, args.input)
    halves = {"tune": pages[0::2], "held-out": pages[1::2], "all": pages}
    print(f"real-news pages, {args.input} in: {len(pages)} ({len(pages[0::2])} tune)")
    print(f"{'':24} {'part':9}     P     R    F1 n_pred n_gold")
    for name, pick in METRICS.items():
        for part, chosen in halves.items():
            print(f"{name:24} {part:9} {prf([pick(page) for page in chosen])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
