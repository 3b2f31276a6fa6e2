"""`briefing-builder export`: a .briefing file or an article in, a Word or PDF briefing out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.extraction import extract
from app.fetching import is_address
from app.importing import ImportFailure
from app.importing.web import import_location
from app.models import Briefing
from app.proposals import briefing_from_article
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing, save_briefing
from app.template_library import find_template
from app.templates import apply_template
from cli.paths import same_file
from exporters.common import ExportError, target_problem
from exporters.export import FORMATS, export_briefing, format_of


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder export",
        description="Export a briefing as Word or PDF. INPUT is a .briefing file, or an "
        "article (a file or an http(s) address): then every proposal is accepted into the "
        "default sections, under the article's title, as a first-time user would get it. "
        "OUT ending in .briefing saves that briefing (with the page's snapshot).",
    )
    parser.add_argument("input", metavar="INPUT", help="a .briefing file or an article file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write")
    parser.add_argument(
        "--format", choices=sorted(FORMATS), help="docx or pdf (default: from OUT's suffix)"
    )
    parser.add_argument("--encoding", help="read a text article in this encoding")
    parser.add_argument(
        "--template",
        metavar="NAME",
        help="lay the briefing out in this template's sections "
        "and page size (see 'briefing-builder templates list')",
    )
    return parser


def run(argv: Sequence[str]) -> int:
    """Export one input; a clear message and status 1 when it cannot be read or written."""
    parser = build_parser()
    options = parser.parse_args(argv)
    output = Path(options.output)
    if same_file(Path(options.input), output):
        parser.error("OUT is the input file itself; choose another output name")
    if output.suffix.lower() == BRIEFING_SUFFIX and not options.format:
        return _save_briefing(options, output)
    output_format = options.format or format_of(output)
    if output_format is None:
        parser.error(f"cannot tell the format from '{output.name}': add --format docx or pdf")
    suffix_format = format_of(output)
    if output.suffix and suffix_format != output_format:
        parser.error(
            f"'{output.name}' does not end in .{output_format}; a {output_format} file with "
            "another suffix would not open in the program people expect"
        )
    problem = target_problem(output)  # said before the article is read, not after
    if problem:
        return _failed(problem)
    try:
        briefing = read_input(options.input, encoding=options.encoding)
        if options.template:
            briefing = apply_template(briefing, find_template(options.template))
        report = export_briefing(briefing, output, output_format)
    except (ImportFailure, StorageError, ExportError) as error:
        return _failed(str(error))
    except MemoryError:
        return _failed(
            "The input is too large to export with the memory available; nothing was written."
        )
    except Exception:  # a last guard: a sentence and status 1, never a traceback
        return _failed(
            "The export failed because of an error inside Briefing Builder; nothing was "
            "written. Please report it with the input file."
        )
    for warning in report.warnings:
        print(f"briefing-builder: warning: {warning}", file=sys.stderr)
    print(f"Wrote {output}")
    return 0


def _save_briefing(options: argparse.Namespace, output: Path) -> int:
    """OUT.briefing: the briefing a first-time user gets, saved (with the page's snapshot
    when INPUT is an address), to open in the window later, offline."""
    try:
        briefing = read_input(options.input, encoding=options.encoding)
        if options.template:
            briefing = apply_template(briefing, find_template(options.template))
        save_briefing(briefing, output)
    except (ImportFailure, StorageError) as error:
        return _failed(str(error))
    print(f"Wrote {output}")
    return 0


def _failed(message: str) -> int:
    print(f"briefing-builder: {message}", file=sys.stderr)
    return 1


def read_input(location: str, *, encoding: str | None = None) -> Briefing:
    """The briefing in a .briefing file, or the one a first start builds from an article
    (a file or an http(s) address)."""
    path = Path(location)
    if path.suffix.lower() == BRIEFING_SUFFIX and not is_address(location):
        return load_briefing(path)
    source = import_location(location, encoding=encoding)
    return briefing_from_article(source, extract(source))
