"""The `briefing-builder` command: the window by default, headless subcommands otherwise.

This module is the composition root of the command line. It imports Qt only when the
window is wanted, so headless commands start fast and run where Qt cannot.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli import extract_command

SUBCOMMANDS = {"extract": extract_command}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing-builder` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]].run(args[1:])
    return _open_window(args)


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder",
        description="Turn news articles into meeting briefings. With no arguments, opens the "
        "window (on the sample article at first start).",
        epilog="Headless commands: "
        + ", ".join(f"'briefing-builder {name} --help'" for name in SUBCOMMANDS),
    )
    parser.add_argument("file", nargs="?", help="an article or a .briefing file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def _open_window(args: list[str]) -> int:
    options, qt_args = _window_parser().parse_known_args(args)
    from ui.application import run_application  # Qt loads only here

    return run_application(file=options.file, qt_args=qt_args)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing-builder")
    except PackageNotFoundError:
        return "(not installed)"
