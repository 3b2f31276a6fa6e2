"""Claims several articles carry, counted by independent origin, and unconfirmed claims
another article confirms or denies."""

from __future__ import annotations

from app.compare import compare_briefing
from app.compare.types import Comparison, Corroboration
from app.extraction import extract
from app.models import GlossaryEntry
from app.proposals import all_proposals, briefing_from_article
from tests.app.compare.conftest import article, compared, story


def _carrying(comparison: Comparison, words: str) -> Corroboration:
    return next(c for c in comparison.corroborations if any(words in r.text for r in c.claims))


def test_the_same_statement_in_two_articles_is_linked() -> None:
    first = article(
        "The defence ministry said that North Korean engineers had repaired the Kerch bridge "
        "in September.",
        "Sky News",
        17,
    )
    second = article(
        "North Korean engineers repaired the Kerch bridge in September, the defence ministry "
        "said on Friday.",
        "Herald",
    )
    other = article("The mayor said that the harbour would reopen next spring.", "Post News")
    comparison = compared(first, second, other)
    linked = _carrying(comparison, "Kerch bridge")
    assert {c.source_name for c in linked.claims} == {"Sky News, 17 Oct", "Herald, 18 Oct"}
    assert linked.of_sources == 3
    assert not any("harbour" in r.text for c in comparison.corroborations for r in c.claims)


def test_a_source_quoting_another_does_not_count_as_independent() -> None:
    direct = article(
        "The NIS said that 12,000 North Korean troops had boarded ships at Chongjin.", "Times", 17
    )
    relayed = article(
        "Reuters, citing the NIS, reported that 12,000 North Korean troops had boarded ships "
        "at Chongjin.",
        "Herald",
    )
    linked = _carrying(compared(direct, relayed), "Chongjin")
    assert linked.independent == 1
    assert linked.label == "reported by 1 of 2 sources"


def test_unconfirmed_claims_confirmed_or_denied_by_another_article() -> None:
    comparison = compared(*story())
    confirmed = _carrying(comparison, "That report has not been confirmed")
    assert confirmed.confirmation == "confirmed"
    assert any("Meridian" in r.source_name and "Vladivostok" in r.text for r in confirmed.claims)
    denied = _carrying(comparison, "could not be independently verified")
    assert denied.confirmation == "denied"
    assert any("Kremlin" in r.text or "denied" in r.text for r in denied.claims)


def test_a_negated_confirmation_settles_nothing() -> None:
    claim = article(
        "The claim that 3,000 North Korean drivers reached Kursk could not be verified.",
        "Sky News",
        17,
    )
    unsettled = article(
        "Officials could not confirm that 3,000 North Korean drivers reached Kursk.", "Herald"
    )
    assert not any(c.confirmation for c in compared(claim, unsettled).corroborations)


def test_the_glossary_equates_an_acronym_with_its_expansion() -> None:
    first = article(
        "South Korea's National Intelligence Service said 12,000 North Korean troops had gone.",
        "Times",
        17,
    )
    second = article("The NIS said that 12,000 North Korean troops had gone.", "Herald")
    briefing = briefing_from_article(first, extract(first))
    extra = briefing_from_article(second, extract(second))
    briefing = briefing.model_copy(
        update={
            "sources": (*briefing.sources, second),
            "sections": tuple(
                a.model_copy(update={"items": a.items + b.items})
                for a, b in zip(briefing.sections, extra.sections, strict=True)
            ),
            "glossary": (GlossaryEntry(term="NIS", expansion="National Intelligence Service"),),
        }
    )
    assert all_proposals(extract(second))
    group = next(g for g in compare_briefing(briefing).groups if g.source_count == 2)
    assert group.origin_count == 1


def test_a_denial_is_linked_but_does_not_count_as_reporting_the_claim() -> None:
    claim = article(
        "Ukraine's military intelligence said that 18 North Korean officers had been killed in "
        "a missile strike near Donetsk.",
        "Herald",
        17,
    )
    denial = article(
        "The Kremlin denied that North Korean officers had been killed in a missile strike near "
        "Donetsk, dismissing the reports as false.",
        "Post News",
    )
    linked = _carrying(compared(claim, denial), "missile strike near Donetsk")
    assert {c.source_name for c in linked.claims} == {"Herald, 17 Oct", "Post News, 18 Oct"}
    assert linked.independent == 1 and linked.confirmation == "denied"
