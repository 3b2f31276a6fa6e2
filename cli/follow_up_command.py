"""`briefing-builder follow-up`: the next briefing of a series, as File → New Follow-up
Briefing makes it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from app.follow_up import start_follow_up
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing, save_briefing
from cli.paths import same_file


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder follow-up",
        description="Start the next briefing of a series from OLD: the same sections, "
        "marking and look, its open questions carried with their history, and OLD listed "
        "as a source.",
    )
    parser.add_argument("old", metavar="OLD.briefing", help="the briefing to follow up")
    parser.add_argument(
        "-o", "--output", metavar="NEW.briefing", required=True, help="the new briefing file"
    )
    parser.add_argument(
        "--date", type=_date, help="the new briefing's date, YYYY-MM-DD (default: today)"
    )
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-10-18") from None


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    options = parser.parse_args(argv)
    old, new = Path(options.old), Path(options.output)
    if old.suffix.lower() != BRIEFING_SUFFIX:
        parser.error(f"OLD must be a {BRIEFING_SUFFIX} file (an article starts a new briefing)")
    if new.suffix.lower() != BRIEFING_SUFFIX:
        parser.error(f"NEW must be a {BRIEFING_SUFFIX} file")
    if same_file(old, new):
        parser.error("NEW is OLD itself; the previous briefing is never overwritten")
    try:
        previous = load_briefing(old)
        follow_up = start_follow_up(
            previous, file_name=old.name, today=options.date or dt.date.today()
        )
        save_briefing(follow_up, new)
    except StorageError as error:
        print(f"briefing-builder: {error}", file=sys.stderr)
        return 1
    carried = len(follow_up.previous.question_ids) if follow_up.previous else 0
    noun = "question" if carried == 1 else "questions"
    print(f"Carried {carried} open {noun} from {old.name}; wrote {new}")
    return 0
