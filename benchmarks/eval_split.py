"""Extraction quality on the dev kit, split into a tuning half and a held-out half.

The dev kit lives outside this repository (../shared/eval); this script only reads it through
the kit's own scorer, so no dev text ever enters the project. Documents and sentences are
split by their position in the scorer's sorted order: even positions are the tuning half,
odd positions the held-out half that rules are never tuned on.

Usage: .venv/bin/python benchmarks/eval_split.py [--kit ../shared/eval] [--part tune|held-out|all]
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import os
import tempfile
import time
from pathlib import Path
from types import ModuleType

from cli.extract_command import extract_path

DEFAULT_KIT = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load_scorer(kit: Path) -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("bb_scorer", str(kit / "score"))
    spec = importlib.util.spec_from_loader("bb_scorer", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def halves(items: list, part: str) -> list:
    if part == "all":
        return items
    keep = 0 if part == "tune" else 1
    return [x for i, x in enumerate(items) if i % 2 == keep]


def run(scorer: ModuleType, part: str) -> dict:
    docs, sents = scorer.load_dev()
    by_set: dict[str, list] = {}
    for doc in docs:
        by_set.setdefault(doc["set"], []).append(doc)
    docs = [d for name in by_set for d in halves(by_set[name], part)]
    sents = [
        s
        for name in ("quantulum3", "newsquant")
        for s in halves([x for x in sents if x["set"] == name], part)
    ]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bb-split-") as tmp:
        paths = [d["path"] for d in docs]
        for s in sents:
            paths.append(os.path.join(tmp, s["id"] + ".txt"))
            Path(paths[-1]).write_text(s["text"] + "\n", encoding="utf-8")
        objs = [extract_path(p) for p in paths]
    seconds = time.perf_counter() - started
    for n, obj in enumerate(objs):
        scorer.validate(obj, f"object {n}")
    return score(scorer, docs, sents, objs, seconds)


def score(scorer: ModuleType, docs: list, sents: list, objs: list, seconds: float) -> dict:
    preds = [scorer.predictions(o, d["text"]) for o, d in zip(objs, docs, strict=False)]
    pairs = {
        name: [(d, p) for d, p in zip(docs, preds, strict=True) if d["set"] == name]
        for name in scorer.DOC_SETS
    }
    st = {
        name: [(d["text"], d["statements"], p["statements"]) for d, p in x]
        for name, x in pairs.items()
    }
    fig_objs = objs[len(docs) :]
    figs = {
        name: [
            (s["figures"], o["figures"])
            for s, o in zip(sents, fig_objs, strict=True)
            if s["set"] == name
        ]
        for name in scorer.SENTENCE_SETS
    }
    fig_docs = [
        (d["figures"], p["figures"])
        for d, p in zip(docs, preds, strict=True)
        if d["figures"] is not None
    ]
    chars = sum(len(d["text"]) for d in docs) + sum(len(s["text"]) for s in sents)
    return {
        "statements all": scorer.score_statements(st["kit"])["0.3"],
        "statements direct": scorer.score_statements(st["kit"], *scorer.DIRECT)["0.3"],
        "PolNeAR direct/mixed": scorer.score_statements(st["polnear"], *scorer.DIRECT)["0.3"],
        "PolNeAR all attributions": scorer.score_statements(st["polnear"])["0.3"],
        "figures sample span+value": scorer.score_doc_figures(fig_docs)["span+value"],
        "figures quantulum3 value": scorer.score_values(figs["quantulum3"])["value"],
        "figures quantulum3 value+unit": scorer.score_values(figs["quantulum3"])["value+unit"],
        **{
            f"figures NewsQuant {k}": v
            for k, v in scorer.score_newsquant(figs["newsquant"]).items()
        },
        **{
            f"questions {k}": v
            for k, v in scorer.score_questions(list(zip(docs, preds, strict=True))).items()
        },
        "FactBank uncertain sentences": scorer.score_uncertain_sentences(pairs["factbank"]),
        "boilerplate candidates": sum(
            scorer.boilerplate_hits(d, p) for d, p in zip(docs, preds, strict=True)
        ),
        "chars per second (in-process)": round(chars / seconds),
    }


def print_table(title: str, metrics: dict) -> None:
    print(f"\n== {title}")
    print(f"{'':34s}{'P':>6s}{'R':>6s}{'F1':>6s}{'pred':>6s}{'gold':>6s}  extra")
    for name, row in metrics.items():
        if not isinstance(row, dict):
            print(f"{name:34s}{row}")
            continue
        cells = "".join(
            f"{row.get(k) if row.get(k) is not None else '-':>6}"
            for k in ("P", "R", "F1", "n_pred", "n_gold")
        )
        extra = ""
        if "speaker_acc" in row:
            extra = f"  speaker {row['speaker_acc']} cue {row['cue_acc']}"
        print(f"{name:34s}{cells}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=DEFAULT_KIT)
    parser.add_argument("--part", choices=("tune", "held-out", "all", "both"), default="both")
    options = parser.parse_args()
    scorer = load_scorer(options.kit)
    parts = ("tune", "held-out") if options.part == "both" else (options.part,)
    for part in parts:
        print_table(f"{part} half" if part != "all" else "whole dev kit", run(scorer, part))


if __name__ == "__main__":
    main()
