"""The `briefing-builder` command: the window by default, headless subcommands otherwise.

This module is the composition root of the command line. It imports Qt only when the
window is wanted, so headless commands start fast and run where Qt cannot.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Protocol, cast

# The app uses no pydantic plugins; looking for them reads every installed package's entry
# points, about 20 ms of each start. A user who wants plugins can set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class Subcommand(Protocol):
    """A module of this package that runs one subcommand and gives its exit status."""

    def run(self, argv: Sequence[str]) -> int: ...


# Modules, imported only when their command runs: the window must not wait for the
# exporters (python-docx, reportlab) that only `export` needs.
SUBCOMMANDS: dict[str, str] = {
    "extract": "cli.extract_command",
    "export": "cli.export_command",
    "templates": "cli.templates_command",
    "compare": "cli.compare_command",
    "follow-up": "cli.follow_up_command",
    "refresh": "cli.refresh_command",
}


def subcommand(name: str) -> Subcommand:
    """The module that runs the subcommand name."""
    return cast(Subcommand, import_module(SUBCOMMANDS[name]))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing-builder` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        try:
            status = subcommand(args[0]).run(args[1:])
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away ("| head"): stop quietly, as command-line tools do, and
            # point stdout at nothing so that the interpreter's own final flush is silent.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        return status
    return _open_window(args)


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder",
        description="Turn news articles into meeting briefings. With no arguments, opens the "
        "window (on the sample article at first start).",
        epilog="Headless commands: "
        + ", ".join(f"'briefing-builder {name} --help'" for name in SUBCOMMANDS),
    )
    parser.add_argument(
        "file", nargs="?", help="an article, a .briefing file or an http(s) address to open"
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for: every start of the window need not."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _open_window(args: list[str]) -> int:
    parser = _window_parser()
    options = parser.parse_args(args)
    from app.fetching import is_address  # here: the headless commands need not load it

    if options.file and not (is_address(options.file) or Path(options.file).exists()):
        commands = ", ".join(SUBCOMMANDS)
        parser.error(f"{options.file}: no such file (commands are: {commands})")
    if not _display_available():
        print(
            "briefing-builder: no display to open the window on. Run it under xvfb-run, "
            "set QT_QPA_PLATFORM=offscreen, or use a command such as 'extract'.",
            file=sys.stderr,
        )
        return 2
    from ui.application import run_application  # Qt loads only here

    return run_application(file=options.file, qt_args=[])


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing-builder")
    except PackageNotFoundError:
        return "(not installed)"
