"""`briefing-builder refresh`: Article → Check for Updates without the window.

Each article of a briefing is read again (fetched from its address, or read from its
file); where its words changed, the newer text becomes its next version, items are placed
in it, and the items whose passage changed or is gone are printed. The briefing is saved
with both versions (unless --dry-run). Exit status: 0 nothing changed, 3 an article
changed, 1 an article could not be checked and none changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.importing.errors import ImportFailure
from app.models import Briefing
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing, save_briefing
from app.versions import SourceUpdate, source_name, update_source
from app.versions.reread import read_again, update_location
from cli.output import write_utf8

CHANGED = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder refresh",
        description="Check a briefing's articles for updates: fetch each again from its "
        "address (one request per article) or read its file again, keep the newer text as "
        "a new version, and list the items whose passage changed or is gone. Exit status "
        "0: nothing changed; 3: an article changed; 1: an article could not be checked.",
    )
    parser.add_argument("file", metavar="FILE.briefing", help="the briefing to check")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: for people (default); json: every change, for scripts",
    )
    saving = parser.add_mutually_exclusive_group()
    saving.add_argument(
        "-o",
        "--output",
        metavar="OUT.briefing",
        help="save the checked briefing here instead of over FILE",
    )
    saving.add_argument(
        "--dry-run", action="store_true", help="report what changed, but save nothing"
    )
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    options = parser.parse_args(argv)
    path = Path(options.file)
    if path.suffix.lower() != BRIEFING_SUFFIX:
        parser.error(f"FILE must be a {BRIEFING_SUFFIX} file")
    output = Path(options.output) if options.output else path
    if output.suffix.lower() != BRIEFING_SUFFIX:
        parser.error(f"OUT must be a {BRIEFING_SUFFIX} file")
    write_utf8()
    try:
        briefing = load_briefing(path)
    except StorageError as error:
        print(f"briefing-builder: {error}", file=sys.stderr)
        return 1
    briefing, updates, problems = check_all(briefing, path.parent)
    for problem in problems:
        print(f"briefing-builder: {problem}", file=sys.stderr)
    changed = any(update.changed for update in updates)
    saved = None
    if changed and not options.dry_run:
        try:
            save_briefing(briefing, output)
        except StorageError as error:
            print(f"briefing-builder: {error}", file=sys.stderr)
            return 1
        saved = output
    if options.format == "json":
        print(json.dumps(_as_json(updates, problems, saved), ensure_ascii=False, indent=2))
    else:
        print(_as_text(updates, saved))
    if changed:
        return CHANGED
    return 1 if problems else 0


def check_all(
    briefing: Briefing, beside: Path | None
) -> tuple[Briefing, list[SourceUpdate], list[str]]:
    """Every article read again and put in, in order; sentences on those that could not be."""
    updates: list[SourceUpdate] = []
    problems: list[str] = []
    for source in briefing.articles():
        if not update_location(source, beside):
            problems.append(f"{source_name(source)}: no address or file to check it against.")
            continue
        try:
            fresh = read_again(source, beside)
        except ImportFailure as error:
            problems.append(f"{source_name(source)}: {error}")
            continue
        update = update_source(briefing, source.id, fresh)
        briefing = update.briefing
        updates.append(update)
    return briefing, updates, problems


def _as_text(updates: list[SourceUpdate], saved: Path | None) -> str:
    lines = []
    for update in updates:
        lines.append(update.summary())
        for item in update.flagged:
            if item.status == "gone":
                lines.append(f"  gone     {item.kind:<9} “{_short(item.old_text)}”")
            else:
                old, new = _where_they_differ(item.old_text, item.new_text)
                lines.append(f"  changed  {item.kind:<9} “{old}” → “{new}”")
    if saved is not None:
        lines.append(f"Saved {saved} with the earlier versions kept.")
    return "\n".join(lines) if lines else "No articles to check."


def _where_they_differ(old: str, new: str, lead: int = 30) -> tuple[str, str]:
    """Both wordings shortened around where they first differ, so a long statement shows
    its changed words rather than a beginning the two share."""
    old, new = " ".join(old.split()), " ".join(new.split())
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    cut = old.rfind(" ", 0, same - lead) + 1 if same > 2 * lead else 0
    mark = "…" if cut else ""
    return _short(mark + old[cut:]), _short(mark + new[cut:])


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _as_json(updates: list[SourceUpdate], problems: list[str], saved: Path | None) -> Any:
    return {
        "changed": any(update.changed for update in updates),
        "saved": str(saved) if saved else None,
        "articles": [_update_json(update) for update in updates],
        "problems": problems,
    }


def _update_json(update: SourceUpdate) -> dict[str, Any]:
    return {
        "source_id": update.source_id,
        "title": update.name,
        "changed": update.changed,
        "old_version": update.old_version or None,
        "new_version": update.new_version or None,
        "differences": [
            {"kind": d.kind, "old_text": d.old_text, "new_text": d.new_text}
            for d in update.differences
        ],
        "items": [
            {
                "id": item.item_id,
                "kind": item.kind,
                "status": item.status,
                "old_text": item.old_text,
                "new_text": item.new_text,
            }
            for item in update.flagged
        ],
        "unchanged_items": update.unchanged_items,
    }
