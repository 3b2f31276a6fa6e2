"""Unconfirmed claims that another article settles: a sentence there that makes the same
claim and says it was confirmed ("confirmed", "verified", "acknowledged") or denied
("denied", "rejected ... as false", "dismissed the reports")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.compare.claims import Claim, ClaimIndex
from app.compare.refs import ArticleText, OriginReader
from app.compare.types import ClaimRef, Confirmation
from app.compare.words import content_words
from app.models import passage_key

_CONFIRMS = re.compile(
    r"\b(?:confirm(?:s|ed|ing)?|verif(?:y|ies|ied|ying)|acknowledg(?:e|es|ed|ing)|"
    r"corroborat(?:e|es|ed|ing)|admit(?:s|ted|ting)?)\b",
    re.IGNORECASE,
)
_DENIES = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|"
    r"(?:reject|dismiss)(?:s|es|ed|ing)?\b[^.;]{0,60}?\bas\s+(?:false|untrue|baseless|"
    r"unfounded|fake|nonsense|lies|a\s+lie|fabricat\w*|groundless|absurd|misleading)|"
    r"(?:reject|dismiss)(?:s|es|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?)|"
    r"(?:rule|rules|ruled|ruling)\s+out|"
    r"call(?:s|ed|ing)?\s+[^.;]{0,60}?(?:fake|false|lies|untrue|baseless))",
    re.IGNORECASE,
)
# "could not confirm", "has yet to be verified", "if confirmed", "unconfirmed": no settling.
_NEGATED = re.compile(
    r"\b(?:not|n[’']t|never|no|yet|unable|cannot|if|whether|without|until|before|unless|"
    r"refused\s+to|declined\s+to)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Settling:
    """A passage of another article that settles an unconfirmed claim."""

    ref: ClaimRef
    verdict: Confirmation


def verdict_of(sentence: str) -> Confirmation:
    """What a sentence does to the claim it carries: "denied", "confirmed" or ""."""
    for pattern, verdict in ((_DENIES, "denied"), (_CONFIRMS, "confirmed")):
        for match in pattern.finditer(sentence):
            if not _NEGATED.search(sentence[max(0, match.start() - 40) : match.start()]):
                return "denied" if verdict == "denied" else "confirmed"
    return ""


def settling_sentences(
    articles: dict[str, ArticleText],
) -> Iterator[tuple[ArticleText, int, int, Confirmation]]:
    """Every sentence that confirms or denies something: (article, start, end, verdict)."""
    for article in articles.values():
        text = article.text
        last = -1
        for match in _CUES.finditer(text):
            start, end = article.sentence(match.start(), match.end())
            if start == last:
                continue  # a sentence with two cues is read once
            last = start
            verdict = verdict_of(text[start:end])
            if verdict:
                yield article, start, end, verdict


_CUES = re.compile(
    r"\b(?:confirm|verif|acknowledg|corroborat|admit|den[iy]|refut|rebut|reject|"
    r"dismiss|rule|ruled|call)\w*",
    re.IGNORECASE,
)


def settle(
    claims: Sequence[Claim],
    index: ClaimIndex,
    articles: dict[str, ArticleText],
    reader: OriginReader,
) -> dict[int, Settling]:
    """For each unconfirmed claim (by its number), the best-matching passage of another
    article that confirms or denies it."""
    unconfirmed = [claim for claim in claims if claim.unconfirmed]
    if not unconfirmed:
        return {}
    numbers = [n for n, claim in enumerate(claims) if claim.unconfirmed]
    # An index of the unconfirmed claims alone, weighted as in the whole comparison.
    only = ClaimIndex.restricted(index, numbers)
    best: dict[int, tuple[float, ArticleText, int, int, Confirmation]] = {}
    for article, start, end, verdict in settling_sentences(articles):
        vector = index.vector(content_words(article.text[start:end]))
        for position, score in only.matches(vector):
            number = numbers[position]
            if claims[number].ref.source_id == article.source.id:
                continue
            if score > best.get(number, (0.0,))[0]:
                best[number] = (score, article, start, end, verdict)
    passages = _claims_by_article(claims)
    return {
        number: Settling(_passage_ref(passages, article, start, end, reader), verdict)
        for number, (_, article, start, end, verdict) in best.items()
    }


def _claims_by_article(claims: Sequence[Claim]) -> dict[str, list[ClaimRef]]:
    found: dict[str, list[ClaimRef]] = defaultdict(list)
    for claim in claims:
        found[claim.ref.source_id].append(claim.ref)
    return found


def _passage_ref(
    passages: dict[str, list[ClaimRef]],
    article: ArticleText,
    start: int,
    end: int,
    reader: OriginReader,
) -> ClaimRef:
    """The claim of that article on the passage, else the passage itself as a statement."""
    for ref in passages.get(article.source.id, ()):
        if start <= ref.start < end:
            return ref
    text = " ".join(article.text[start:end].split())
    key = passage_key("statement", article.source.id, start, end)
    origin = reader.origin_key("", article, start, end)
    return ClaimRef(key, article.source.id, article.name, "statement", text, origin, start, end)
