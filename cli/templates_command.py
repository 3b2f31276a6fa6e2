"""`briefing-builder templates`: list, show, import and export briefing templates."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from app.storage import StorageError
from app.templates import (
    TEMPLATE_SUFFIX,
    all_templates,
    find_template,
    is_builtin,
    load_template,
    save_template,
    user_templates,
    user_templates_dir,
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
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        return _COMMANDS[options.command](options)
    except StorageError as error:
        print(f"briefing-builder: {error}", file=sys.stderr)
        return 1


def _list(options: argparse.Namespace) -> int:
    templates = all_templates()
    for problem in user_templates()[1]:
        print(f"briefing-builder: skipped: {problem}", file=sys.stderr)
    if options.format == "json":
        rows = [
            {"name": t.name, "description": t.description, "builtin": is_builtin(t),
             "sections": [s.title for s in t.sections], "page_size": t.page_size}
            for t in templates
        ]  # fmt: skip
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
    source = Path(options.file)
    template = load_template(source)
    if is_builtin(template):
        raise StorageError(f"'{template.name}' is the name of a built-in template; rename it.")
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in template.name).strip()
    if template.reference_docx:  # the only other file a template may bring, from beside it
        shutil.copyfile(source.parent / template.reference_docx, folder / template.reference_docx)
    save_template(template, folder / f"{stem}{TEMPLATE_SUFFIX}")
    print(f"Imported '{template.name}'.")
    return 0


def _export(options: argparse.Namespace) -> int:
    template = find_template(options.name)
    target = Path(options.file)
    if target.suffix != TEMPLATE_SUFFIX:
        target = target.with_name(target.name + TEMPLATE_SUFFIX)
    save_template(template, target)
    print(f"Wrote {target}")
    return 0


_COMMANDS = {"list": _list, "show": _show, "import": _import, "export": _export}
