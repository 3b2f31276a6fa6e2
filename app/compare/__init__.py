"""Several articles side by side: figures grouped by what they count, their discrepancies,
and claims corroborated by independent sources (issue 17)."""

from __future__ import annotations

from collections.abc import Sequence

from app.compare.claims import (
    Claim,
    ClaimIndex,
    agreeing_figures,
    claims_of,
    clusters,
    corroboration,
)
from app.compare.confirmation import settle, verdict_of
from app.compare.counted import counted_key
from app.compare.edits import merge_groups, split_figure
from app.compare.figures import FigureFact, figure_facts, group_figures, grouped_facts
from app.compare.origins import Origins
from app.compare.refs import (
    ArticleText,
    Held,
    OriginReader,
    articles_of,
    held_in_articles,
    held_in_briefing,
)
from app.compare.serialise import comparison_json
from app.compare.types import (
    Comparison,
    Confirmation,
    Corroboration,
    FigureGroup,
    FigureRef,
)
from app.extraction import Extraction
from app.models import Briefing, Source

__all__ = [
    "Comparison",
    "Corroboration",
    "FigureGroup",
    "FigureRef",
    "compare_articles",
    "compare_briefing",
    "comparison_json",
    "counted_key",
    "merge_groups",
    "split_figure",
]


def compare_briefing(briefing: Briefing) -> Comparison:
    """The briefing's figures, statements and unconfirmed claims compared across its
    articles; its glossary equates names with their acronyms."""
    glossary = [(entry.term, entry.expansion) for entry in briefing.glossary]
    articles = briefing.articles()
    kept = {source.id for source in articles}
    held = [h for h in held_in_briefing(briefing) if h.source.id in kept]
    return _compare(held, articles, glossary)


def compare_articles(sources: Sequence[Source], extractions: Sequence[Extraction]) -> Comparison:
    """Bare articles' proposals compared, as if every one were accepted (keys are the
    proposals' passage keys)."""
    return _compare(held_in_articles(sources, extractions), sources, ())


def _compare(
    held: list[Held], sources: Sequence[Source], glossary: Sequence[tuple[str, str]]
) -> Comparison:
    held.sort(key=lambda h: (h.source.id, h.start))  # a pronoun speaker follows its name
    articles = articles_of(held, sources)
    origins = Origins(glossary)
    reader = OriginReader(origins)
    facts = figure_facts(held, articles, reader)
    claims = claims_of(held, articles, reader, facts)
    members = grouped_facts(facts)
    groups = group_figures(members, origins)  # after every origin is known
    of_sources = len(articles)
    return Comparison(
        groups=groups,
        corroborations=_corroborations(claims, members, articles, reader, of_sources),
        source_count=of_sources,
    )


def _corroborations(
    claims: list[Claim],
    members: dict[str, list[FigureFact]],
    articles: dict[str, ArticleText],
    reader: OriginReader,
    of_sources: int,
) -> tuple[Corroboration, ...]:
    """Claims several articles carry (and unconfirmed ones another settles), then figures
    several articles agree on."""
    index = ClaimIndex(claims)
    settled = settle(claims, index, articles, reader)
    linked = [[claims[n].ref for n in members] for members in clusters(claims, index)]
    verdicts: list[Confirmation] = ["" for _ in linked]
    cluster_of = {ref.key: n for n, refs in enumerate(linked) for ref in refs}
    for number, settling in settled.items():
        refs = (claims[number].ref, settling.ref)
        home = next((cluster_of[r.key] for r in refs if r.key in cluster_of), None)
        if home is None:
            home = len(linked)
            linked.append([])
            verdicts.append("")
        for ref in refs:
            if ref.key not in {r.key for r in linked[home]}:
                linked[home].append(ref)
                cluster_of[ref.key] = home
        verdicts[home] = verdicts[home] or settling.verdict
    # A passage denying the claim ("The Kremlin denied that ...") is linked to it, but it
    # does not carry it: it never counts among the sources that report the claim.
    denying = {s.ref.key for s in settled.values() if s.verdict == "denied"}
    denying |= {r.key for refs in linked for r in refs if verdict_of(r.text) == "denied"}
    for number, cluster in enumerate(linked):
        if not verdicts[number] and any(r.key in denying for r in cluster):
            verdicts[number] = "denied"
    found = [
        corroboration(refs, reader.origins, of_sources, verdict, not_carrying=denying)
        for refs, verdict in zip(linked, verdicts, strict=True)
    ]
    found += agreeing_figures(members, reader.origins, of_sources)
    found.sort(key=lambda c: (-c.independent, -len(c.claims)))
    return tuple(found)
