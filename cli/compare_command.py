"""`briefing-builder compare`: articles or .briefing files side by side: figure groups,
discrepancies and corroborated claims, as text for people or JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.compare import compare_articles, compare_briefing, comparison_json
from app.compare.origins import is_pronoun, origin_key
from app.compare.types import ClaimRef, Comparison, Corroboration, FigureGroup, FigureRef
from app.extraction import Extraction, extract
from app.importing import ImportFailure, import_file
from app.models import Briefing, GlossaryEntry, Item, Section, Source
from app.proposals import all_proposals, item_from_proposal, proposal_key
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing
from cli.output import write_utf8

_SEPARATOR = " · "


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-builder compare",
        description="Compare articles: figures that count the same thing side by side, "
        "where they disagree, and claims several articles carry. PATHs are article files "
        "(every proposal counts) or .briefing files (their items count).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="articles or .briefing files")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: for people (default); json: every group, figure and claim, for scripts",
    )
    parser.add_argument("--encoding", help="read text articles in this encoding")
    parser.add_argument(
        "--all", action="store_true", help="text: list figures found in one article only too"
    )
    return parser


def run(argv: Sequence[str]) -> int:
    """Print the comparison; status 1 (and nothing compared) when an input is unreadable."""
    parser = build_parser()
    options = parser.parse_args(argv)
    paths = [Path(p) for p in options.paths]
    briefings = [p for p in paths if p.suffix.lower() == BRIEFING_SUFFIX]
    if not briefings and len(paths) < 2:
        parser.error("give two or more articles to compare, or a .briefing file")
    write_utf8()
    try:
        comparison = _compare(paths, options.encoding)
    except _Unreadable as problems:
        for problem in problems.args:
            print(f"briefing-builder: {problem}", file=sys.stderr)
        print("briefing-builder: nothing was compared.", file=sys.stderr)
        return 1
    if options.format == "json":
        print(json.dumps(comparison_json(comparison), ensure_ascii=False, indent=2))
    else:
        print(comparison_text(comparison, every_group=options.all))
    return 0


class _Unreadable(Exception):
    """Inputs that could not be read; args are one sentence each."""


def _compare(paths: list[Path], encoding: str | None) -> Comparison:
    briefings: list[Briefing] = []
    articles: list[tuple[Source, Extraction]] = []
    problems: list[str] = []
    for path in paths:
        try:
            if path.suffix.lower() == BRIEFING_SUFFIX:
                briefings.append(load_briefing(path))
            else:
                source = import_file(path, encoding=encoding)
                articles.append((source, extract(source)))
        except (ImportFailure, StorageError) as error:
            problems.append(str(error))
    if problems:
        raise _Unreadable(*problems)
    if not briefings:
        return compare_articles([s for s, _ in articles], [e for _, e in articles])
    return compare_briefing(_combined(briefings, articles))


def _combined(briefings: list[Briefing], articles: list[tuple[Source, Extraction]]) -> Briefing:
    """One briefing holding every input: the briefings' items, and each article's
    proposals as items named by their passage keys (the same names as for bare articles)."""
    sources: dict[str, Source] = {}
    items: dict[str, Item] = {}
    glossary: list[GlossaryEntry] = []
    for briefing in briefings:
        sources.update((s.id, s) for s in briefing.sources)
        items.update((i.id, i) for i in briefing.items())
        glossary += briefing.glossary
    for source, extraction in articles:
        sources[source.id] = source
        for proposal in all_proposals(extraction):
            item = item_from_proposal(source, proposal)
            key = proposal_key(source, proposal)
            items[key] = item.model_copy(update={"id": key})
    section = Section(title="Compared", items=tuple(items.values()))
    return Briefing(sections=(section,), sources=tuple(sources.values()), glossary=tuple(glossary))


def comparison_text(comparison: Comparison, *, every_group: bool = False) -> str:
    """The comparison as lines for people: shared figures with any discrepancy, then
    claims several articles carry."""
    names = list(dict.fromkeys(f.source_name for g in comparison.groups for f in g.figures))
    lines = [f"Compared {comparison.source_count} articles: {'; '.join(names)}", ""]
    shared = [g for g in comparison.groups if g.source_count > 1]
    alone = [g for g in comparison.groups if g.source_count <= 1]
    lines.append("Figures in more than one article:" if shared else "No figure is in two articles.")
    for group in shared + (alone if every_group else []):
        lines += _group_lines(group)
    if alone and not every_group:
        lines.append(f"({len(alone)} more figures are in one article only; --all lists them.)")
    lines += [
        "",
        "Claims in more than one article:"
        if comparison.corroborations
        else "No claim is in two articles.",
    ]
    lines += [_corroboration_line(c) for c in comparison.corroborations]
    return "\n".join(lines)


def _group_lines(group: FigureGroup) -> list[str]:
    label = group.label + (f" ({group.unit})" if group.unit else "")
    shown = list(dict.fromkeys(_figure_shown(f) for f in group.figures))
    counts = {text: sum(_figure_shown(f) == text for f in group.figures) for text in shown}
    values = _SEPARATOR.join(
        text + (f" ×{counts[text]}" if counts[text] > 1 else "") for text in shown
    )
    lines = [f"{label}: {values}"]
    if group.discrepancy:
        lines.append(f"  ! discrepancy: {group.discrepancy_note}")
    return lines


def _figure_shown(figure: FigureRef) -> str:
    who = _given_by(figure.asserted_by, figure.origin, figure.source_name)
    return f"{' '.join(figure.text.split())} ({who})"


def _given_by(asserted_by: str, origin: str, source_name: str) -> str:
    """ "NIS, via the Capital Wire news agency, Meridian Post, 18 Oct": who gives it, and
    whom they cite when that is someone else."""
    who = " ".join(asserted_by.split())
    if not who or is_pronoun(who):
        cites = origin and not source_name.startswith(origin)
        return f"{origin}, {source_name}" if cites else source_name
    if origin and origin_key(origin) != origin_key(who):
        return f"{origin}, via {who}, {source_name}"
    return f"{who}, {source_name}"


def _corroboration_line(corroboration: Corroboration) -> str:
    state = f", {corroboration.confirmation}" if corroboration.confirmation else ""
    claims = _SEPARATOR.join(_claim_shown(c) for c in corroboration.claims)
    return f"- {corroboration.label}{state}: {claims}"


def _claim_shown(claim: ClaimRef) -> str:
    text = " ".join(claim.text.split())
    text = text if len(text) <= 120 else text[:119].rstrip() + "…"
    return f"“{text}” ({_given_by('', claim.origin, claim.source_name)})"
