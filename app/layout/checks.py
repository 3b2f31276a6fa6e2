"""What the person exporting is told: misquotes, what the template asks for and the briefing
does not give yet, and sections over their limits. The export still goes ahead."""

from __future__ import annotations

from app.edits import UNSORTED
from app.fidelity import normalised, quote_is_faithful
from app.layout.glossary import unexplained_count
from app.layout.wording import clean
from app.models import Briefing, Section, Source, Statement

_NAME_CHARS = 80  # a title or name quoted in a warning: the warning stays a sentence
_NAMES_LISTED = 6  # speakers named in one warning; the rest are counted
_NEAR_ANCHOR = 2  # the article read around a quote's anchor, in quote lengths either side


def export_warnings(briefing: Briefing) -> tuple[str, ...]:
    return tuple(
        _content_warnings(briefing)
        + _completeness_warnings(briefing)
        + _style_warnings(briefing)
        + _limit_warnings(briefing)
        + _glossary_warnings(briefing)
        + _update_warnings(briefing)
    )


def _update_warnings(briefing: Briefing) -> list[str]:
    """Items whose passage changed in a newer version of their article, not yet answered:
    they are exported as they were taken, citing the version they came from."""
    waiting = [item for item in briefing.items() if item.passage_change is not None]
    if not waiting:
        return []
    gone = sum(
        1 for item in waiting if item.passage_change and item.passage_change.status == "gone"
    )
    detail = f", {gone} of them gone from it" if gone else ""
    return [
        _counted(len(waiting), "item cites a passage", "items cite passages")
        + f" that changed in a newer version of {'its' if len(waiting) == 1 else 'their'} "
        f"article{detail}; exported as taken, citing the earlier version. Answer them in the "
        "Versions window (Article menu)."
    ]


def _glossary_warnings(briefing: Briefing) -> list[str]:
    """Terms the glossary cannot explain yet: left out of the export, so the analyst knows."""
    if not briefing.style.glossary:
        return []
    missing = unexplained_count(briefing)
    if not missing:
        return []
    terms = "glossary term has" if missing == 1 else "glossary terms have"
    them = "it is" if missing == 1 else "they are"
    return [f"{missing} {terms} no expansion; {them} left out of the export’s Glossary."]


def _style_warnings(briefing: Briefing) -> list[str]:
    """What the template asks for and the briefing does not yet give."""
    warnings = []
    style = briefing.style
    if style.grading:
        ungraded = [
            item
            for item in briefing.items()
            if item.kind in ("statement", "figure") and not (item.reliability and item.credibility)
        ]
        if ungraded:
            warnings.append(
                _counted(len(ungraded), "statement or figure has", "statements or figures have")
                + " no full Admiralty grade; the export shows grades only where they are given."
            )
    if style.likelihood_terms and clean(briefing.bottom_line):
        if not briefing.likelihood:
            warnings.append("The bottom line has no likelihood term chosen.")
        elif briefing.likelihood not in style.likelihood_terms:
            warnings.append(
                f"The likelihood “{clean(briefing.likelihood)}” is not one of the template’s terms."
            )
    return warnings


def _limit_warnings(briefing: Briefing) -> list[str]:
    """Sections holding more items than their limit allows."""
    return [
        f"“{_title_of(section)}” holds {len(section.items)} items; "
        + (
            f"its guidance asks for no more than {section.item_limit}."
            if clean(section.guidance)
            else f"its limit is {section.item_limit}."
        )
        for section in briefing.sections
        if section.item_limit is not None and len(section.items) > section.item_limit
    ]


def _completeness_warnings(briefing: Briefing) -> list[str]:
    """What a senior reader looks for first and the briefing does not have yet. Empty
    sections are left out of the export, so the analyst is told rather than surprised."""
    if not briefing.items():
        return []
    warnings = []
    if not clean(briefing.bottom_line):
        warnings.append("The briefing has no bottom line.")
    if briefing.date is None:
        warnings.append("The briefing has no date.")
    empty = [f"“{_title_of(s)}”" for s in briefing.sections if not s.items and s.title != UNSORTED]
    if empty:
        sections = _listed(empty)
        warnings.append(f"Empty, so left out of the export: {sections}.")
    return warnings


def _title_of(section: Section) -> str:
    return _short(clean(section.title)) or "Untitled section"


def _short(text: str) -> str:
    return text if len(text) <= _NAME_CHARS else text[: _NAME_CHARS - 1].rstrip() + "…"


def _listed(names: list[str]) -> str:
    """ "A, B, C" or "A, B, C and 12 others": a warning never lists thousands of names."""
    shown = ", ".join(_short(name) for name in names[:_NAMES_LISTED])
    rest = len(names) - _NAMES_LISTED
    return f"{shown} and {rest} others" if rest > 0 else shown


def _content_warnings(briefing: Briefing) -> list[str]:
    """Direct quotes whose words are not in their article: misquotes must not go unnoticed."""
    sources = {source.id: source for source in reversed(briefing.sources)}
    unfaithful = [
        item
        for item in briefing.items()
        if isinstance(item, Statement)
        and item.anchor is not None
        and not _faithful(item, sources.get(item.anchor.source_id))
    ]
    warnings = [] if briefing.items() else ["The briefing has no items yet."]
    if not unfaithful:
        return warnings
    who = _listed(sorted({clean(s.speaker) or "unattributed" for s in unfaithful}))
    return [
        *warnings,
        _counted(len(unfaithful), "direct quote no longer matches", "direct quotes no longer match")
        + f" the article word for word ({who}); they are exported as edited. Check them, or "
        "mark them as reported speech.",
    ]


def _faithful(statement: Statement, source: Source | None) -> bool:
    """quote_is_faithful, first tried on the article around the quote's anchor: a quote
    found there is in the article. Searching a long report whole for each of thousands of
    quotes took minutes; only a quote not found near its anchor is looked for everywhere."""
    anchor = statement.anchor
    if source is None or anchor is None or statement.wording.strip() or not statement.direct:
        return quote_is_faithful(statement, source)
    source = source.cited(anchor)
    words = normalised(statement.content)
    reach = _NEAR_ANCHOR * max(len(statement.content), anchor.end - anchor.start, 1)
    near = source.text[max(0, anchor.start - reach) : anchor.end + reach]
    if words and words in normalised(near):
        return True
    return quote_is_faithful(statement, source)


def _counted(count: int, one: str, several: str) -> str:
    """ "1 direct quote no longer matches", "3 direct quotes no longer match" """
    return f"{count} {one if count == 1 else several}"
