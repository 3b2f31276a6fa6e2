"""`briefing-builder extract`: articles in, proposed items out as JSON (the extract contract)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from app.extraction import extract
from app.importing import ImportFailure
from app.importing.web import import_location
from cli.output import write_utf8


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder extract",
        description="Propose statements, figures and open questions for each article, "
        "one JSON object per input path.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files to read")
    parser.add_argument(
        "--format",
        choices=("jsonl", "json"),
        default="jsonl",
        help="jsonl: one object per line (default); json: indented, for people",
    )
    parser.add_argument("--encoding", help="read text files in this encoding instead of guessing")
    return parser


def run(argv: Sequence[str]) -> int:
    """Print the contract object for each path; failures go to stderr, the rest still run."""
    options = build_parser().parse_args(argv)
    write_utf8()
    # A reader that goes away ("| head") is handled for every command in `cli.main`.
    failures = _extract_all(options.paths, options.encoding, options.format)
    return 1 if failures else 0


def _extract_all(paths: list[str], encoding: str | None, output: str) -> int:
    failures = 0
    several = output == "json" and len(paths) > 1
    results = []
    for path in paths:
        try:
            result = extract_path(path, encoding=encoding)
        except ImportFailure as error:
            failures += 1
            print(f"briefing-builder: {error}", file=sys.stderr)
            continue
        if output == "jsonl":
            print(json.dumps(result, ensure_ascii=False))
        elif several:
            results.append(result)
        else:
            print(json.dumps(result, ensure_ascii=False, indent=2))
    if several:  # one JSON document: an array with an object per readable path
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return failures


def extract_path(path: str, *, encoding: str | None = None) -> dict[str, object]:
    """The contract object for one article file or address. What the import warns about (bytes that
    were replaced, notes left out) goes to stderr: the JSON on stdout stays the contract."""
    warnings: list[str] = []
    source = import_location(path, encoding=encoding, warnings=warnings)
    for warning in warnings:
        print(f"briefing-builder: warning: {warning}", file=sys.stderr)
    return {"path": path, "text": source.text, **extract(source).as_contract()}
