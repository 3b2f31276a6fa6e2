"""Figures grouped by what they count, across articles, with their disagreements."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.compare.counted import Counted, parse_counted
from app.compare.intervals import (
    QUALIFIER_SHOWN,
    Bounded,
    Interval,
    disagreeing_pair,
    figure_interval,
    qualifier_of,
)
from app.compare.origins import Origins
from app.compare.refs import ArticleText, Held, OriginReader
from app.compare.types import FigureGroup, FigureRef
from app.compare.vocabulary import COUNTRY_NAMES, DEMONYMS, NATIONALITIES, PLACE_PREPOSITIONS
from app.extraction.lexicon import REPORTING_FORMS
from app.models import Figure, VerificationStatus

OWN_GROUP = "own:"  # the prefix of a group key that is no counted noun: a figure alone
# "a day", "per week" after what a figure counts: a rate, whatever the extraction saw.
_RATE_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:a|per|each|every)\s+(day|week|month|year)\b", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")


@dataclass(frozen=True, slots=True)
class FigureFact:
    """A figure with what the comparison reads around it."""

    ref: FigureRef
    counted: Counted | None
    spoken: str  # what it counts as a reader says it: "Russian troops"
    qualifier: str  # "about", "at least", ... or ""
    hedged: bool
    unconfirmed: bool
    interval: Interval | None
    origin_key: str

    @property
    def shown_value(self) -> str:
        """ "about 10,000": the number with the words that hedge it."""
        text = " ".join(self.ref.text.split())
        words = QUALIFIER_SHOWN.get(self.qualifier, "")
        if not words or text.lower().startswith(words) or not text[:1].isdigit():
            return text
        return f"{words} {text}"


def figure_facts(
    held: Sequence[Held], articles: dict[str, ArticleText], reader: OriginReader
) -> list[FigureFact]:
    """The figures among the held items, read in their articles."""
    facts = []
    for h in held:
        if isinstance(h.item, Figure):
            facts.append(_fact(h, h.item, articles[h.source.id], reader))
    return facts


def _fact(h: Held, figure: Figure, article: ArticleText, reader: OriginReader) -> FigureFact:
    text = article.text
    sentence_start, sentence_end = article.sentence(h.start, h.end)
    counted = parse_counted(figure.counts, figure.unit)
    spoken = " ".join(figure.counts.split())
    if counted is not None and not counted.unit:
        rate = _RATE_AFTER.match(text, h.end, sentence_end)
        if rate and "," not in text[h.end : rate.end()]:
            counted = Counted(counted.head, counted.modifiers, f"per {rate.group(1).lower()}")
    if counted is not None and not counted.has_nationality:
        owner = owner_before(text, sentence_start, h.start)
        if owner:
            counted = counted.with_modifier(owner)
            spoken = f"{owner.title()} {spoken}"
    qualifier = qualifier_of(text[max(sentence_start, h.start - 40) : h.start], figure.text)
    vague = not any(ch.isdigit() for ch in figure.text) and figure.value_high is not None
    origin = reader.origin_key(figure.asserted_by, article, h.start, h.end)
    ref = FigureRef(
        key=h.key,
        source_id=h.source.id,
        source_name=article.name,
        text=figure.text,
        value=figure.value,
        value_high=figure.value_high,
        unit=figure.unit,
        counts=figure.counts,
        approximate=figure.approximate,
        vague=vague,
        asserted_by=figure.asserted_by,
        origin=origin,  # the raw key, shown once every origin is known
        start=h.start,
        end=h.end,
        group=figure.group,
    )
    interval = figure_interval(
        value=figure.value,
        value_high=figure.value_high,
        vague=vague,
        approximate=figure.approximate,
        qualifier=qualifier,
    )
    unconfirmed = figure.verification is VerificationStatus.UNCONFIRMED
    return FigureFact(ref, counted, spoken, qualifier, figure.hedged, unconfirmed, interval, origin)


def owner_before(text: str, sentence_start: int, figure_start: int) -> str:
    """The nationality a bare count belongs to, from the country its sentence makes the
    subject before it ("North Korea has sent 12,000 troops" -> "north korean"). A country
    after a preposition is a place ("sent to Ukraine"), one before a reporting verb a
    speaker ("Seoul says"), one with a possessive the owner of something else ("Russia's
    war"): none owns the count. The first country left is the subject; a later one is an
    object ("North Korea sent Russia 13,000 containers")."""
    for match in COUNTRY_NAMES.finditer(text, sentence_start, figure_start):
        before = _WORD_BEFORE.search(text, max(sentence_start, match.start() - 20), match.start())
        if before and before.group(1).lower() in PLACE_PREPOSITIONS:
            continue
        if text[match.end() : match.end() + 2] in ("'s", "’s"):
            continue
        after = text[match.end() : match.end() + 30].split()
        if after and after[0].lower().strip(",.;:") in REPORTING_FORMS:
            continue
        return DEMONYMS[match.group(1).lower()]
    return ""


def group_figures(
    members: dict[str, list[FigureFact]], origins: Origins
) -> tuple[FigureGroup, ...]:
    """The groups of grouped_facts, as the comparison reports them: groups holding several
    articles first."""
    groups = [_group(key, found, origins) for key, found in members.items()]
    order = {key: index for index, key in enumerate(members)}
    groups.sort(key=lambda g: (-g.source_count, -len(g.figures), order[g.key]))
    return tuple(groups)


def grouped_facts(facts: Sequence[FigureFact]) -> dict[str, list[FigureFact]]:
    """The figures of each group, by group key, groups in the order their first figure
    comes."""
    keys = _group_keys(facts)
    members: dict[str, list[FigureFact]] = defaultdict(list)
    for fact in facts:
        members[keys[fact.ref.key]].append(fact)
    return members


def _group_keys(facts: Sequence[FigureFact]) -> dict[str, str]:
    """Each figure's group key: the analyst's group, else what it counts, where a figure
    whose count is less narrowly named joins the one group it can only belong to."""
    by_key: dict[str, list[FigureFact]] = defaultdict(list)
    for fact in facts:
        if fact.counted is not None:
            by_key[fact.counted.key].append(fact)
    keys = {}
    candidates: dict[str, list[str]] = {}  # a counted key -> the keys it may join
    for fact in facts:
        if fact.ref.group:
            keys[fact.ref.key] = fact.ref.group
        elif fact.counted is None:
            keys[fact.ref.key] = OWN_GROUP + fact.ref.key
        else:
            key = fact.counted.key
            if key not in candidates:
                candidates[key] = _narrowest_wider(fact.counted, by_key)
            keys[fact.ref.key] = _joined(fact, candidates[key], by_key)
    return keys


def _joined(fact: FigureFact, candidates: list[str], by_key: dict[str, list[FigureFact]]) -> str:
    """A count less narrowly named ("soldiers") joins the narrower one ("North Korean
    troops") when that is the only candidate: the only narrower group of its kind, or,
    among several, the only one whose figures its value agrees with."""
    assert fact.counted is not None
    if len(candidates) > 1 and fact.interval is not None:
        interval = fact.interval
        candidates = [
            key
            for key in candidates
            if any(f.interval is not None and f.interval.meets(interval) for f in by_key[key])
        ]
    return candidates[0] if len(candidates) == 1 else fact.counted.key


def _narrowest_wider(counted: Counted, by_key: dict[str, list[FigureFact]]) -> list[str]:
    """Keys of the same kind that counted could be a less precise mention of: a bare noun
    ("soldiers") of any narrower one, a modified one only of those adding no more than a
    nationality, which a mention leaves to its context ("special forces troops" are the
    "North Korean special forces", but "North Korean troops" are not all special forces).
    Only the narrowest such keys: none with another candidate between."""
    wider = []
    for facts in by_key.values():
        other = facts[0].counted
        assert other is not None
        extra = other.modifiers - counted.modifiers
        if (
            other.kind_key == counted.kind_key
            and other.modifiers > counted.modifiers
            and (not counted.modifiers or extra <= NATIONALITIES)
        ):
            wider.append(other)
    minimal = [w for w in wider if not any(v.modifiers < w.modifiers for v in wider)]
    return [w.key for w in minimal]


def _group(key: str, facts: list[FigureFact], origins: Origins) -> FigureGroup:
    # The figure as written with the words that hedge it ("about 10,000"): the number
    # alone would make a rounded figure look like a disagreeing one.
    figures = tuple(
        replace(f.ref, text=f.shown_value, origin=origins.shown(f.origin_key)) for f in facts
    )
    note = discrepancy_note(facts, origins)
    return FigureGroup(
        key=key,
        label=group_label(facts),
        unit=next((f.counted.unit for f in facts if f.counted and f.counted.unit), ""),
        figures=figures,
        discrepancy=bool(note),
        discrepancy_note=note,
        source_count=len({f.ref.source_id for f in facts}),
        origin_count=len({origins.resolved(f.origin_key) for f in facts}),
    )


def group_label(facts: Sequence[FigureFact]) -> str:
    """The most specific counted phrase, as a reader says it: the one naming the most
    modifiers, then the one most figures use."""
    spoken = Counter(f.spoken for f in facts if f.spoken)
    if not spoken:
        return " ".join(facts[0].ref.text.split())
    detail = {f.spoken: len(f.counted.modifiers) if f.counted else 0 for f in facts}
    best = max(spoken, key=lambda phrase: (detail[phrase], spoken[phrase]))
    return _without_leading_article(best)


def _without_leading_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an|some|about|around)\s+", "", phrase, flags=re.IGNORECASE)


def discrepancy_note(facts: Sequence[FigureFact], origins: Origins) -> str:
    """A sentence naming two figures from different articles whose values cannot both
    hold, or "" when all agree within their own vagueness. Figures inside one article are
    different counts more often than contradictions, and forecasts claim nothing about
    the count: neither makes a discrepancy."""
    claims = [f for f in facts if not f.hedged and f.interval is not None]
    bounded = [Bounded(i, f.ref.source_id, f.interval) for i, f in enumerate(claims) if f.interval]
    pair = disagreeing_pair(bounded)
    if pair is None:
        return ""
    low, high = claims[pair[0].index], claims[pair[1].index]
    return (
        f"{_said(low, origins)} and {_said(high, origins)} differ by more than their "
        "rounding allows"
    )


def _said(fact: FigureFact, origins: Origins) -> str:
    """ "12,000 (NIS, Meridian Post, 18 Oct)": the figure, whom it comes from, where."""
    origin = origins.shown(fact.origin_key)
    name = fact.ref.source_name
    where = name if not origin or name.startswith(origin) else f"{origin}, {name}"
    return f"{fact.shown_value} ({where})"
