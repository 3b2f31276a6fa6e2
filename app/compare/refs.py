"""The items a comparison reads, each with its article, and the article's sentences.

A briefing's items and bare articles' proposals go through one path: a proposal is turned
into the item it would become, under its passage key.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.compare.origins import Origins, cited_name, is_pronoun, source_name
from app.extraction import Extraction, ProposedFigure, ProposedStatement
from app.extraction.sentences import sentence_ranges
from app.models import (
    Briefing,
    Item,
    Question,
    QuestionKind,
    Source,
    Statement,
)
from app.proposals import Proposal, all_proposals, figure_from_proposal, proposal_key

__all__ = ["ArticleText", "Held", "held_in_articles", "held_in_briefing", "source_name"]


@dataclass(frozen=True, slots=True)
class Held:
    """An item and the article it comes from, under the key the comparison reports."""

    key: str
    item: Item
    source: Source
    start: int
    end: int


def held_in_briefing(briefing: Briefing) -> list[Held]:
    """The briefing's anchored items, each with its article (a hand-typed item has no
    article to compare)."""
    sources = {source.id: source for source in briefing.sources}
    held = []
    for item in briefing.items():
        source = sources.get(item.anchor.source_id) if item.anchor else None
        if item.anchor is not None and source is not None:
            start = min(item.anchor.start, len(source.text))
            held.append(Held(item.id, item, source, start, min(item.anchor.end, len(source.text))))
    return held


def held_in_articles(sources: Sequence[Source], extractions: Sequence[Extraction]) -> list[Held]:
    """Every proposal of each article, as the item it would become."""
    if len(sources) != len(extractions):
        raise ValueError("each article needs its extraction")
    return [
        Held(
            (key := proposal_key(source, proposal)),
            _item_of(proposal, key),
            source,
            proposal.start,
            proposal.end,
        )
        for source, extraction in zip(sources, extractions, strict=True)
        for proposal in all_proposals(extraction)
    ]


def _item_of(proposal: Proposal, key: str) -> Item:
    """The item a proposal becomes, with the fields the comparison reads: no anchor (the
    held item carries its offsets) and no speaker's role, which app.proposals looks up in
    the text at a cost a comparison of thousands of proposals need not pay."""
    if isinstance(proposal, ProposedStatement):
        return Statement(
            id=key, content=proposal.text, speaker=proposal.speaker or "", hedged=proposal.hedged
        )
    if isinstance(proposal, ProposedFigure):
        return figure_from_proposal(proposal, id=key)
    return Question(id=key, text=proposal.text, question_kind=QuestionKind(proposal.kind))


@dataclass(slots=True)
class ArticleText:
    """An article's text with its sentences found once, for the context of its items."""

    source: Source
    name: str = ""
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = source_name(self.source)
        for span in sentence_ranges(self.source.text):
            self._starts.append(span.start)
            self._ends.append(span.end)

    @property
    def text(self) -> str:
        return self.source.text

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentences [start, end) lies in, as one range."""
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_left(self._starts, max(start, end - 1) + 1) - 1)
        if not self._starts:
            return start, end
        return min(self._starts[first], start), max(self._ends[last], end)

    def sentence_before(self, start: int) -> tuple[int, int] | None:
        """The sentence just before the one holding start, if any."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 1:
            return None
        return self._starts[index - 1], self._ends[index - 1]


def articles_of(held: Sequence[Held], sources: Sequence[Source]) -> dict[str, ArticleText]:
    """Each compared article's text, by source id."""
    found = {source.id: source for source in sources}
    found.update({h.source.id: h.source for h in held})
    return {source_id: ArticleText(source) for source_id, source in found.items()}


_CITATION_WINDOW = 300  # characters either side of a claim where its citation may be


class OriginReader:
    """Whom each claim comes from: the name it cites, else its speaker, else the outlet.

    A speaker that is a pronoun ("it said") stands for the last speaker the article named."""

    def __init__(self, origins: Origins) -> None:
        self.origins = origins
        self._last_named: dict[str, str] = {}  # source id -> last named speaker

    def origin_key(self, who: str, article: ArticleText, start: int, end: int) -> str:
        """The raw origin key of a claim at [start, end) given by who."""
        sentence_start, sentence_end = article.sentence(start, end)
        # A citation ("Reuters, citing the NIS, said ...") sits near its claim. A text
        # without sentence breaks makes the "sentence" the whole article: only a window
        # round the claim is read, or thousands of figures would each scan all of it.
        sentence_start = max(sentence_start, start - _CITATION_WINDOW)
        sentence_end = min(sentence_end, end + _CITATION_WINDOW)
        sentence = article.text[sentence_start:sentence_end]
        name = cited_name(who) or cited_name(sentence)
        if not name and who:
            name = self._named(who, article.source.id)
        if not name:
            name = article.source.outlet or article.name
        return self.origins.add(name)

    def _named(self, who: str, source_id: str) -> str:
        who = who.rsplit(". ", 1)[-1]  # "Brussels. Reuters": a dateline run into a name
        if is_pronoun(who):
            return self._last_named.get(source_id, "")
        self._last_named[source_id] = who
        return who
