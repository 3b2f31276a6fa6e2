"""`briefing-builder templates`: list, show, import and export briefing templates."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.storage import StorageError
from app.template_library import (
    all_templates,
    export_template,
    find_template,
    import_template,
    is_builtin,
    user_templates,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder templates", description="Briefing templates."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="list the built-in and your own templates")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = commands.add_parser("show", help="print one template as JSON")
    show.add_argument("name")
    add = commands.add_parser("import", help="validate a template file and add it to yours")
    add.add_argument("file")
    export = commands.add_parser("export", help="write a template to a file to share")
    export.add_argument("name")
    export.add_argument("file")
    return parser


def run(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        # A file name the system could not decode is printed escaped, never a traceback.
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        return _COMMANDS[options.command](options)
    except StorageError as error:
        print(f"briefing-builder: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # the reader went away: `cli.main` ends quietly
    except OSError as error:  # a file name too long, a folder that cannot be made, ...
        where = f"{error.filename}" if error.filename else "The file"
        reason = (error.strerror or "the system refused").lower()
        print(f"briefing-builder: {where} could not be used: {reason}.", file=sys.stderr)
        return 1


def _list(options: argparse.Namespace) -> int:
    templates = all_templates()
    for problem in user_templates()[1]:
        print(f"briefing-builder: skipped: {problem}", file=sys.stderr)
    if options.format == "json":
        rows = [
            {
                "name": t.name,
                "description": t.description,
                "builtin": is_builtin(t),
                "sections": [s.title for s in t.sections],
                "page_size": t.style.page_size,
            }
            for t in templates
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for template in templates:
        kind = "built-in" if is_builtin(template) else "yours"
        print(f"{template.name} ({kind}): {template.description}")
    return 0


def _show(options: argparse.Namespace) -> int:
    template = find_template(options.name)
    print(json.dumps(template.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def _import(options: argparse.Namespace) -> int:
    template = import_template(Path(options.file))
    print(f"Imported '{template.name}'.")
    return 0


def _export(options: argparse.Namespace) -> int:
    target = export_template(options.name, Path(options.file))
    print(f"Wrote {target}")
    return 0


_COMMANDS = {"list": _list, "show": _show, "import": _import, "export": _export}
