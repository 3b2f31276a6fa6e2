"""Figures grouped across articles, and flagged only when they disagree beyond their
own vagueness."""

from __future__ import annotations

from app.compare.types import FigureGroup
from tests.app.compare.conftest import article, compared, group_with, story


def _figures_of(group: FigureGroup) -> list[tuple[str, str]]:
    return [(f.text, f.source_name) for f in group.figures]


def test_the_same_count_reported_differently_by_two_outlets_is_a_discrepancy() -> None:
    first = article("Officials said 10,000 North Korean troops had reached Russia.", "Sky News", 17)
    second = article("The spy agency said 12,000 North Korean troops had reached Russia.", "Herald")
    group = group_with(compared(first, second), "12,000", "Herald, 18 Oct")
    assert len(group.figures) == 2
    assert group.discrepancy
    assert "10,000" in group.discrepancy_note and "12,000" in group.discrepancy_note


def test_rounded_and_vague_versions_of_a_count_are_not_a_discrepancy() -> None:
    exact = article("Officials said 10,000 North Korean troops had reached Russia.", "Sky News", 17)
    rounded = article("Officials said about 10,000 North Korean soldiers were there.", "Herald")
    vague = article("Analysts said thousands of North Korean troops were there.", "Ledger News")
    bigger = article("Seoul says that 12,000 North Korean troops were there.", "Post News")
    comparison = compared(exact, rounded, vague)
    group = group_with(comparison, "about 10,000", "Herald, 18 Oct")
    assert len(group.figures) == 3
    assert not group.discrepancy
    assert not group_with(compared(vague, bigger), "12,000", "Post News, 18 Oct").discrepancy


def test_two_numbers_in_one_article_are_not_a_discrepancy() -> None:
    one = article(
        "Officials said 10,000 North Korean troops were in Russia. Later, they said 12,000 "
        "North Korean troops would be there.",
        "Herald",
    )
    assert not any(group.discrepancy for group in compared(one).groups)


def test_a_forecast_never_makes_a_discrepancy() -> None:
    now = article("Officials said 10,000 North Korean troops were in Russia.", "Sky News", 17)
    forecast = article(
        "Analysts said 40,000 North Korean troops could be sent by spring.", "Herald"
    )
    group = group_with(compared(now, forecast), "40,000", "Herald, 18 Oct")
    assert len(group.figures) == 2
    assert not group.discrepancy


def test_a_rate_and_a_count_or_two_currencies_are_never_grouped() -> None:
    count = article("Officials said 1,200 casualties were counted in September.", "Sky News", 17)
    rate = article("Officials said there were 1,200 casualties a day in September.", "Herald")
    assert group_with(compared(count, rate), "1,200", "Herald, 18 Oct").source_count == 1
    dollars = article("The fund said aid of $5bn was pledged.", "Sky News", 17)
    euros = article("The fund said aid of €5bn was pledged.", "Herald")
    assert group_with(compared(dollars, euros), "€5bn", "Herald, 18 Oct").source_count == 1


def test_a_bare_noun_joins_a_modified_group_only_when_it_is_the_one_candidate() -> None:
    modified = article("Officials said 10,000 North Korean troops were in Russia.", "Sky News", 17)
    bare = article("Officials said they saw 10,000 soldiers training.", "Herald")
    assert group_with(compared(modified, bare), "10,000", "Herald, 18 Oct").source_count == 2
    russian = article("Officials said 600,000 Russian troops were in Ukraine.", "Post News")
    three = compared(modified, bare, russian)
    # two candidates: the bare figure goes with the one whose values it agrees with
    assert group_with(three, "10,000", "Herald, 18 Oct").label == "North Korean troops"
    assert group_with(three, "600,000", "Post News, 18 Oct").source_count == 1


def test_different_owners_are_different_groups() -> None:
    korean = article("Officials said 10,000 North Korean troops were in Russia.", "Sky News", 17)
    russian = article("Officials said 12,000 Russian troops were near Kursk.", "Herald")
    comparison = compared(korean, russian)
    assert group_with(comparison, "12,000", "Herald, 18 Oct").source_count == 1


def test_a_source_citing_another_is_not_an_independent_origin() -> None:
    direct = article("The NIS said 12,000 North Korean troops had been sent.", "Seoul Times", 17)
    relayed = article(
        "Reuters, citing the NIS, reported that 12,000 North Korean troops had been sent.",
        "Herald",
    )
    group = group_with(compared(direct, relayed), "12,000", "Herald, 18 Oct")
    assert group.source_count == 2
    assert group.origin_count == 1
    assert {f.origin for f in group.figures} == {"NIS"}


def test_on_the_sample_and_our_two_articles_every_shared_figure_is_grouped() -> None:
    comparison = compared(*story())
    sample_name = "Sky News"  # the sample's outlet; it gives no date
    troops = group_with(comparison, "10,000", "Northern Herald, 17 Oct")
    assert troops.label == "North Korean troops"
    names = {name for _, name in _figures_of(troops)}
    assert names == {sample_name, "Northern Herald, 17 Oct", "Meridian Post, 18 Oct"}
    assert ("Twelve thousand", "Meridian Post, 18 Oct") in _figures_of(troops)
    casualties = group_with(comparison, "1,271", sample_name)
    assert casualties.unit == "per day" and casualties.source_count == 3
    special = group_with(comparison, "1,500", "Meridian Post, 18 Oct")
    assert special.source_count == 2 and len(special.figures) == 3


def test_on_the_sample_and_our_two_articles_the_only_discrepancy_is_a_real_one() -> None:
    comparison = compared(*story())
    flagged = comparison.discrepancies
    assert [g.label for g in flagged] == ["North Korean troops"]
    assert "10,000" in flagged[0].discrepancy_note and "12,000" in flagged[0].discrepancy_note
