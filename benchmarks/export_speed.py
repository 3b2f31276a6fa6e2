"""Export speed: Word and PDF export of briefings with 10, 50 and 500 items.

The briefings are built from real content: the sample article's accepted proposals, repeated
with fresh ids round-robin across statements, figures and questions (each in its own section),
with a marking and a bottom line. For each size it prints the median time of layout + .docx,
of layout + PDF and, when soffice is on PATH, of LibreOffice converting our .docx to PDF (after
one untimed warm-up conversion, so creating its profile is not counted), with the ratio
LibreOffice time / our PDF time, and the machine it ran on.
Targets: a 50-item briefing exports (Word or PDF) in well under a second; our PDF is at least
10x faster than LibreOffice's conversion of the same briefing.

Usage: .venv/bin/python benchmarks/export_speed.py [--runs 5] [--soffice-runs 3]
       .venv/bin/python benchmarks/export_speed.py --profile 500   (where the PDF time goes)
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.extraction import extract
from app.layout import layout
from app.models import Briefing, Item, new_id
from app.proposals import briefing_from_article
from app.sample import load_sample
from exporters.pdf import pdf_bytes
from exporters.word import docx_bytes

SIZES = (10, 50, 500)
KINDS = ("statement", "figure", "question")
SOFFICE_TIMEOUT = 600  # seconds for one conversion

Timed = Callable[[], object]


def sample_briefing() -> Briefing:
    """The briefing a first-time user gets by accepting every proposal of the sample."""
    source = load_sample()
    return briefing_from_article(source, extract(source))


def sized_briefing(base: Briefing, count: int) -> Briefing:
    """base's items repeated with fresh ids until there are count, round-robin over KINDS."""
    by_kind = {kind: [i for i in base.items() if i.kind == kind] for kind in KINDS}
    kinds = [kind for kind in KINDS if by_kind[kind]]
    chosen: dict[str, list[Item]] = {kind: [] for kind in kinds}
    for n in range(count):
        kind = kinds[n % len(kinds)]
        pool = by_kind[kind]
        original = pool[len(chosen[kind]) % len(pool)]
        chosen[kind].append(original.model_copy(update={"id": new_id()}))
    sections = tuple(
        section.model_copy(
            update={"items": tuple(i for kind in section.kinds for i in chosen.get(kind, []))}
        )
        for section in base.sections
    )
    return base.model_copy(
        update={
            "title": f"Export benchmark: {count} items",
            "date": dt.date(2024, 10, 21),
            "author": "Benchmark",
            "marking": "OFFICIAL-SENSITIVE",
            "bottom_line": (
                "Casualty figures remain contested and largely unverified.\n"
                "Treat the numbers below as claims until confirmed."
            ),
            "sections": sections,
        }
    )


def median_time(action: Timed, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def soffice_version(soffice: str) -> str:
    out = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() or "unknown version"


def convert(soffice: str, docx: Path, profile: Path) -> None:
    """LibreOffice's conversion of docx to a PDF next to it, with its own profile folder."""
    pdf = docx.with_suffix(".pdf")
    pdf.unlink(missing_ok=True)
    args = [
        soffice,
        "--headless",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(docx.parent),
        str(docx),
    ]
    out = subprocess.run(args, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT)
    if out.returncode != 0 or not pdf.exists():
        raise SystemExit(f"soffice did not convert {docx.name}: {out.stderr[-2000:]}")


def soffice_time(soffice: str, docx: bytes, folder: Path, runs: int) -> float:
    path = folder / "briefing.docx"
    path.write_bytes(docx)
    return median_time(lambda: convert(soffice, path, folder / "profile"), runs)


def machine_line(soffice: str | None) -> str:
    office = soffice_version(soffice) if soffice else "LibreOffice not found"
    return (
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}, {office}"
    )


def measure(
    briefing: Briefing, runs: int, soffice: str | None, soffice_runs: int, folder: Path
) -> tuple[float, float, float | None]:
    """Median seconds of layout + Word, layout + PDF and (if soffice) LibreOffice's PDF."""
    word = median_time(lambda: docx_bytes(layout(briefing)), runs)
    pdf = median_time(lambda: pdf_bytes(layout(briefing)), runs)
    if soffice is None:
        return word, pdf, None
    return word, pdf, soffice_time(soffice, docx_bytes(layout(briefing)), folder, soffice_runs)


def table_row(cells: list[str]) -> str:
    return f"{cells[0]:>6}  {cells[1]:>10}  {cells[2]:>10}  {cells[3]:>14}  {cells[4]:>16}"


def result_row(count: int, word: float, pdf: float, office: float | None) -> str:
    return table_row(
        [
            str(count),
            f"{word:.3f}",
            f"{pdf:.3f}",
            "-" if office is None else f"{office:.3f}",
            "-" if office is None else f"{office / pdf:.1f}x",
        ]
    )


def profile_pdf(briefing: Briefing) -> None:
    """Where the time of layout + PDF goes, after one warm-up run (fonts, imports)."""
    pdf_bytes(layout(briefing))
    profiler = cProfile.Profile()
    profiler.runcall(lambda: pdf_bytes(layout(briefing)))
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--soffice-runs", type=int, default=3)
    parser.add_argument(
        "--profile",
        type=int,
        metavar="ITEMS",
        help="instead, profile layout + PDF of a briefing of ITEMS items and print where the "
        "time goes (cProfile, by time spent in each function itself)",
    )
    options = parser.parse_args()
    if options.profile:
        profile_pdf(sized_briefing(sample_briefing(), options.profile))
        return
    soffice = shutil.which("soffice")
    print(machine_line(soffice))
    base = sample_briefing()
    with tempfile.TemporaryDirectory(prefix="bb-export-") as tmp:
        folder = Path(tmp)
        if soffice:  # warm-up: the first start creates the profile, which is not measured
            (folder / "warmup.docx").write_bytes(docx_bytes(layout(sized_briefing(base, 10))))
            convert(soffice, folder / "warmup.docx", folder / "profile")
        print(
            f"median seconds: ours over {options.runs} runs, LibreOffice over "
            f"{options.soffice_runs} runs"
        )
        print(table_row(["items", "Word", "PDF", "LibreOffice PDF", "LibreOffice/ours"]))
        for count in SIZES:
            briefing = sized_briefing(base, count)
            times = measure(briefing, options.runs, soffice, options.soffice_runs, folder)
            print(result_row(count, *times))
    if not soffice:
        print("soffice is not on PATH: the LibreOffice comparison was skipped")
    print(
        "targets: 50 items well under 1 s (Word and PDF); "
        "our PDF at least 10x faster than LibreOffice"
    )


if __name__ == "__main__":
    main()
