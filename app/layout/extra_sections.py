"""The sections layout() adds to a template's own, each behind its switch in the style and
each only when it has something to say: "Since the last briefing" after the bottom line;
"Figures compared" and the "Glossary" after the last section, before the sources."""

from __future__ import annotations

from app.compare import compare_briefing
from app.follow_up import changes_since_last
from app.layout import blocks as b
from app.layout.compared import figures_compared
from app.layout.glossary import glossary_section
from app.layout.parts import LayoutParts
from app.layout.since_last import since_last_section
from app.models import Briefing, Figure


def opening_sections(
    briefing: Briefing, parts: LayoutParts, *, since_last_heading: str
) -> list[b.Block]:
    """What goes straight after the bottom line: what changed since the previous briefing."""
    if not briefing.style.since_last_briefing or briefing.previous is None:
        return []
    changes = changes_since_last(briefing)
    return since_last_section(briefing, parts, heading=since_last_heading, changes=changes)


def closing_sections(
    briefing: Briefing, parts: LayoutParts, *, compared_heading: str, glossary_heading: str
) -> list[b.Block]:
    """What goes after the template's sections: figures side by side, then the glossary."""
    blocks: list[b.Block] = []
    if briefing.style.figures_compared and _figures_from_several_articles(briefing):
        comparison = compare_briefing(briefing)
        blocks += figures_compared(comparison, briefing, parts, heading=compared_heading)
    if briefing.style.glossary:
        blocks += glossary_section(briefing, parts, heading=glossary_heading)
    return blocks


def _figures_from_several_articles(briefing: Briefing) -> bool:
    """True when figures come from two articles or more: only then is there anything to
    compare, and a one-article briefing (nearly every export) skips the comparison."""
    articles: set[str] = set()
    for item in briefing.items():
        if isinstance(item, Figure) and item.anchor is not None:
            articles.add(item.anchor.source_id)
            if len(articles) > 1:
                return True
    return False
