"""Claims that several articles carry: linked, counted by independent origin, and settled.

Two claims are one when their content words mostly agree (weighted by rarity, names and
numbers double). An inverted index over the words keeps the search near linear: a claim is
only scored against claims sharing a word with it, and words most claims share are not
indexed at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from app.compare.figures import FigureFact, group_label
from app.compare.origins import Origins
from app.compare.refs import ArticleText, Held, OriginReader
from app.compare.types import ClaimKind, ClaimRef, Confirmation, Corroboration
from app.compare.words import content_words
from app.models import Question, QuestionKind, Statement, VerificationStatus

# Weighted Dice overlap above which two claims are one. Tuned on our own test articles:
# restatements of one claim across outlets score 0.45 and above, different claims about the
# same story (same names, other facts) below 0.3.
SAME_CLAIM = 0.4
MIN_SHARED_WORDS = 3  # fewer shared content words than this is coincidence
# A word in more than this share of claims (and more than a handful) tells none apart; in a
# large comparison, neither does one in more than COMMON_CEILING claims (its weight by
# rarity is small, and following its long postings for every claim would make the search
# quadratic again).
COMMON_SHARE = 0.05
COMMON_FLOOR = 20
COMMON_CEILING = 100
# A claim whose own words are fewer than this leans on the sentence before it: "The claim
# could not be independently verified."
THIN_CLAIM = 3


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim with its words and its origin key."""

    ref: ClaimRef
    words: dict[str, float]
    origin_key: str
    unconfirmed: bool


def claims_of(
    held: Sequence[Held],
    articles: dict[str, ArticleText],
    reader: OriginReader,
    figures: Sequence[FigureFact],
) -> list[Claim]:
    """Statements, unconfirmed questions and figures, as claims to link."""
    found = []
    for h in held:
        item, article = h.item, articles[h.source.id]
        if isinstance(item, Statement):
            unconfirmed = item.verification is VerificationStatus.UNCONFIRMED
            found.append(
                _claim(h, article, reader, "statement", item.content, item.speaker, unconfirmed)
            )
        elif isinstance(item, Question) and item.question_kind is QuestionKind.UNCONFIRMED:
            found.append(_claim(h, article, reader, "question", item.text, "", True))
    found += [_figure_claim(f, articles[f.ref.source_id]) for f in figures if f.unconfirmed]
    return found


def _claim(
    h: Held,
    article: ArticleText,
    reader: OriginReader,
    kind: ClaimKind,
    text: str,
    who: str,
    unconfirmed: bool,
) -> Claim:
    words = content_words(text)
    if len(words) < THIN_CLAIM:  # "That report has not been confirmed": about the last one
        before = article.sentence_before(h.start)
        if before is not None:
            words = {**content_words(article.text[before[0] : before[1]]), **words}
    origin = reader.origin_key(who, article, h.start, h.end)
    ref = ClaimRef(
        h.key, h.source.id, article.name, kind, " ".join(text.split()), origin, h.start, h.end
    )
    return Claim(ref, words, origin, unconfirmed)


def _figure_claim(fact: FigureFact, article: ArticleText) -> Claim:
    """An unconfirmed figure is claimed by its sentence."""
    start, end = article.sentence(fact.ref.start, fact.ref.end)
    sentence = article.text[start:end]
    text = " ".join(f"{fact.ref.text} {fact.ref.counts}".split())
    ref = ClaimRef(
        fact.ref.key,
        fact.ref.source_id,
        article.name,
        "figure",
        text,
        fact.origin_key,
        fact.ref.start,
        fact.ref.end,
    )
    return Claim(ref, content_words(sentence), fact.origin_key, True)


class ClaimIndex:
    """Claims by their rarer words, weighted by rarity, for scoring against others."""

    def __init__(self, claims: Sequence[Claim], extra: Sequence[dict[str, float]] = ()) -> None:
        frequency: dict[str, int] = defaultdict(int)
        for words in [*(c.words for c in claims), *extra]:
            for word in words:
                frequency[word] += 1
        total = len(claims) + len(extra)
        common = max(COMMON_FLOOR, min(int(total * COMMON_SHARE), COMMON_CEILING))
        self._weight = {
            word: math.log(1 + total / count)
            for word, count in frequency.items()
            if count <= common
        }
        self._fill([self.vector(c.words) for c in claims])

    @classmethod
    def restricted(cls, index: ClaimIndex, numbers: Sequence[int]) -> ClaimIndex:
        """An index of some of index's claims (by number), weighted as index weighs them."""
        narrowed = cls.__new__(cls)
        narrowed._weight = index._weight
        narrowed._fill([index.vectors[number] for number in numbers])
        return narrowed

    def _fill(self, vectors: list[dict[str, float]]) -> None:
        self.vectors = vectors
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for number, vector in enumerate(vectors):
            for word, weight in vector.items():
                self._postings[word].append((number, weight))
        self._totals = [sum(vector.values()) for vector in vectors]

    def vector(self, words: dict[str, float]) -> dict[str, float]:
        """words weighted by rarity; words too common to tell claims apart left out."""
        return {w: weight * self._weight[w] for w, weight in words.items() if w in self._weight}

    def matches(self, vector: dict[str, float]) -> list[tuple[int, float]]:
        """(claim number, score) of the claims that match vector, best first: the weight
        they share is summed along the postings of vector's words, in one pass."""
        shared: dict[int, float] = defaultdict(float)
        words: dict[int, int] = defaultdict(int)
        for word, weight in vector.items():
            for number, other in self._postings.get(word, ()):
                shared[number] += weight if weight < other else other
                words[number] += 1
        total = sum(vector.values())
        scored = [
            (number, 2 * weight / (total + self._totals[number]))
            for number, weight in shared.items()
            if words[number] >= MIN_SHARED_WORDS
        ]
        return sorted(((n, s) for n, s in scored if s >= SAME_CLAIM), key=lambda pair: -pair[1])


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Dice: twice the weight the two share over the weight of both."""
    if len(b) < len(a):
        a, b = b, a
    shared = 0.0
    for word, weight in a.items():
        other = b.get(word)
        if other is not None:
            shared += weight if weight < other else other
    total = _total(a) + _total(b)
    return 2 * shared / total if total else 0.0


def _total(vector: dict[str, float]) -> float:
    return sum(vector.values())


def clusters(claims: Sequence[Claim], index: ClaimIndex) -> list[list[int]]:
    """Claims in clusters, each the claims that match its first (no chains of claims each
    loosely like the next), keeping clusters that span two articles or more."""
    home: dict[int, int] = {}
    found: list[list[int]] = []
    for number, claim in enumerate(claims):
        if number in home:
            continue
        home[number] = len(found)
        members = [number]
        for other, _ in index.matches(index.vectors[number]):
            if other not in home and claims[other].ref.source_id != claim.ref.source_id:
                home[other] = len(found)
                members.append(other)
        found.append(members)
    return [m for m in found if len({claims[n].ref.source_id for n in m}) > 1]


def independent_sources(refs: Sequence[ClaimRef], origins: Origins) -> int:
    """How many articles carry the claim independently: an article counts only when it
    gives an origin no article counted before it did. "Reuters, citing the NIS" adds
    nothing to an article that quotes the NIS itself. Articles with the most origins are
    counted first, so the count does not depend on their order."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for ref in refs:
        by_article[ref.source_id].add(origins.resolved(ref.origin))
    seen: set[str] = set()
    independent = 0
    for article in sorted(by_article, key=lambda a: (-len(by_article[a]), a)):
        if by_article[article] - seen:
            independent += 1
        seen |= by_article[article]
    return independent


def corroboration(
    refs: Sequence[ClaimRef],
    origins: Origins,
    of_sources: int,
    confirmation: Confirmation = "",
    *,
    not_carrying: Collection[str] = (),
) -> Corroboration:
    """The corroboration of refs, their origins shown as a reader knows them."""
    shown = tuple(
        ClaimRef(
            r.key,
            r.source_id,
            r.source_name,
            r.kind,
            r.text,
            origins.shown(r.origin),
            r.start,
            r.end,
        )
        for r in refs
    )
    carrying = [r for r in refs if r.key not in not_carrying]
    return Corroboration(shown, independent_sources(carrying, origins), of_sources, confirmation)


def agreeing_figures(
    members: dict[str, list[FigureFact]], origins: Origins, of_sources: int
) -> list[Corroboration]:
    """Figures of one group that agree, from several articles: one claim each carries.
    Forecasts and vague plurals ("thousands of") agree with too much to corroborate."""
    found = []
    for facts in members.values():
        label = group_label(facts)
        for agreeing in _overlapping(facts):
            if len({f.ref.source_id for f in agreeing}) > 1:
                refs = [_figure_ref(label, f) for f in agreeing]
                found.append(corroboration(refs, origins, of_sources))
    return found


def _overlapping(facts: Sequence[FigureFact]) -> list[list[FigureFact]]:
    """Runs of figures whose intervals meet one after another, lowest first."""
    firm = sorted(
        (f for f in facts if f.interval is not None and not f.hedged and not f.ref.vague),
        key=lambda f: f.interval.low if f.interval else 0.0,
    )
    runs: list[list[FigureFact]] = []
    reach = -math.inf
    for fact in firm:
        assert fact.interval is not None
        if not runs or fact.interval.low > reach:
            runs.append([])
            reach = fact.interval.high
        runs[-1].append(fact)
        reach = max(reach, fact.interval.high)
    return runs


def _figure_ref(label: str, fact: FigureFact) -> ClaimRef:
    text = f"{label}: {fact.shown_value}" if label else fact.shown_value
    return ClaimRef(
        fact.ref.key,
        fact.ref.source_id,
        fact.ref.source_name,
        "figure",
        text,
        fact.origin_key,
        fact.ref.start,
        fact.ref.end,
    )
