"""Figures: number grammar, units, what a number counts, and what is not a figure."""

from __future__ import annotations

import pytest

from tests.app.extraction.helpers import figures, run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 10,000 soldiers were ready.", ("10,000", 10_000.0, None)),
        ("Officials said 10 000 soldiers were ready.", ("10 000", 10_000.0, None)),
        ("A convoy of 2\u00a0500 trucks left.", ("2\u00a0500", 2_500.0, None)),
        ("It cost £600m to build.", ("£600m", 600_000_000.0, "pound")),
        ("Revenue reached $1.13bn last year.", ("$1.13bn", 1_130_000_000.0, "dollar")),
        ("The deal is worth 1.2bn.", ("1.2bn", 1_200_000_000.0, None)),
        ("Turnout was 76% on the day.", ("76%", 76.0, "percent")),
        ("Prices rose 3.5 per cent.", ("3.5 per cent", 3.5, "percent")),
        ("The convoy travelled 400 kilometres.", ("400 kilometres", 400.0, "kilometre")),
        ("Ten thousand people marched.", ("Ten thousand", 10_000.0, None)),
        ("Some twenty-five villages were hit.", ("twenty-five", 25.0, None)),
        ("About a third of the budget went unspent.", ("a third", 1 / 3, None)),
        ("Half of the staff left.", ("Half", 0.5, None)),
        (
            "They earn 7.5 million Danish crowns.",
            ("7.5 million Danish crowns", 7_500_000.0, "danish krone"),
        ),
        ("The temperature fell to minus 20 degrees.", ("minus 20 degrees", -20.0, "degree")),
    ],
)
def test_values_and_units(text: str, expected: tuple) -> None:
    found = figures(text)
    assert len(found) == 1, found
    written, value, unit = found[0]
    assert (written, unit) == (expected[0], expected[2])
    assert value == pytest.approx(expected[1])


def test_range_keeps_both_ends() -> None:
    found = run("Between 5,000 and 7,000 troops were moved.").figures
    assert len(found) == 1
    assert (found[0].value, found[0].value_high, found[0].counts) == (5000.0, 7000.0, "troops")
    found = run("They were given 44 mg to 50 mg a day.").figures
    assert (found[0].value, found[0].value_high, found[0].unit) == (44.0, 50.0, "milligram per day")


def test_a_change_is_two_figures_not_a_range() -> None:
    found = figures("The deficit grew by $43.6bn to $419.2bn.")
    assert [f[1] for f in found] == [43_600_000_000.0, 419_200_000_000.0]


def test_vague_quantities_are_approximate() -> None:
    found = run("Thousands of people and dozens of vehicles crossed.").figures
    assert [(f.value, f.value_high, f.approximate, f.counts) for f in found] == [
        (1000.0, 10_000.0, True, "people"),
        (12.0, 100.0, True, "vehicles"),
    ]


def test_tens_and_hundreds_of_thousands_take_their_own_order() -> None:
    found = run("Tens of thousands fled and hundreds of millions of dollars were lost.").figures
    assert [(f.text, f.value, f.value_high) for f in found] == [
        ("Tens of thousands", 10_000.0, 100_000.0),
        ("hundreds of millions of", 100_000_000.0, 1_000_000_000.0),
    ]


def test_what_a_number_counts() -> None:
    found = run("North Korea is preparing 10,000 soldiers.").figures
    assert found[0].counts == "soldiers"
    found = run("Officials say the daily casualty rate is 1,271.").figures
    assert found[0].unit == "per day"


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on 17 October 2024.",
        "It happened in 2019, at 10:30 and again at 7pm.",
        "COVID-19 spread fast; 5G masts and 3D printers followed.",
        "Game 2 was played in the 1990s at 9 E 71st St.",
        "Ivan Petrov, 65, declined to comment.",
        "It ended in a 3-2 win.",
        "One of them left; no one stayed.",
    ],
)
def test_dates_times_labels_ages_and_scores_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_a_bare_number_takes_the_unit_its_neighbour_states() -> None:
    found = run("About 6 million homes lost power, including 1.5 million in the north.").figures
    assert [(f.value, f.counts) for f in found] == [(6e6, "homes"), (1.5e6, "homes")]
    found = run("The Dax rose 2 percent while the Cac fell 1.").figures
    assert [f.unit for f in found] == ["percent", "percent"]
    found = run("It comes with a 7- or 8-inch screen.").figures
    assert [(f.value, f.unit) for f in found] == [(7.0, "inch"), (8.0, "inch")]


def test_a_level_after_a_percentage_change_is_not_a_percentage() -> None:
    found = run("The index closed at 1,463 points; the other climbed 0.1% to 1,333.").figures
    assert [f.unit for f in found] == ["point", "percent", None]
    found = run("The index stood at 1,463 points and then climbed 0.1% to 1,333.").figures
    assert [f.unit for f in found] == ["point", "percent", "point"]


def test_an_age_is_read_as_years_of_age() -> None:
    found = run("Only 17 players stayed; a man aged 45 years left.").figures
    assert [(f.text, f.unit) for f in found] == [("17", None), ("45 years", "year of age")]


def test_ages_that_bound_or_describe_are_no_figures() -> None:
    # issue 15: an age bounding a population or set beside a name is not news
    found = run("Only 17 players over the age of 21 stayed; a man, aged 45, left.").figures
    assert [(f.text, f.unit) for f in found] == [("17", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fine was 2 million Swedish kronor.", ("2 million Swedish kronor", "swedish krona")),
        ("Rents average 1,200 zlotys a month.", ("1,200 zlotys a month", "polish zloty per month")),
        ("He paid ₦500,000 for the car.", ("₦500,000", "nigerian naira")),
        ("The plot sold for 500,000 rand.", ("500,000 rand", "south african rand")),
        ("The bank cut rates by 25bp.", ("25bp", "basis point")),
        ("The archive holds 40 petabytes.", ("40 petabytes", "petabyte")),
        ("It produces 500 megawatt-hours.", ("500 megawatt-hours", "megawatt hour")),
        ("Speeds reached 100 Mbps.", ("100 Mbps", "megabit per second")),
        (
            "Doses hit 20 millisieverts per year.",
            ("20 millisieverts per year", "millisievert per year"),
        ),
        ("Rooms cost $300 a night.", ("$300 a night", "dollar per night")),
        ("She was 45 years of age.", ("45 years of age", "year of age")),
        ("The engine makes 300 horsepower.", ("300 horsepower", "horsepower")),
    ],
)
def test_units_from_the_wider_lexicon(text: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in figures(text)] == [expected]


def test_fractions_with_a_slash_or_a_fraction_sign() -> None:
    found = figures("Add 1/2 pound of flour, 2 1/2 cups of milk and 2¾ miles of string.")
    assert [(text, round(value, 3), unit) for text, value, unit in found] == [
        ("1/2 pound of flour", 0.5, "pound of flour"),
        ("2 1/2 cups", 2.5, "cup"),
        ("2¾ miles", 2.75, "mile"),
    ]


def test_dates_and_hours_with_a_slash_are_not_fractions() -> None:
    assert figures("After 9/11 the shop stayed open 24/7 until 1/2/2024.") == []


def test_a_ratio_is_read_as_the_share_it_states() -> None:
    found = run("One in five adults smoke, and nine out of 10 doctors agree.").figures
    assert [(f.text, round(f.value, 3), f.counts) for f in found] == [
        ("One in five", 0.2, "adults"),
        ("nine out of 10", 0.9, "doctors"),
    ]
    # "2 in 3 days" is two numbers, not a share
    assert [f.text for f in run("It rained 2 in 3 days.").figures] == ["2", "3 days"]


def test_a_tied_score_is_no_figure() -> None:
    # issue 15: scores and records are not figures (they were once kept without a unit)
    found = run("He hit a 30 degree homer to tie the game at 2-2.").figures
    assert [(f.text, f.unit) for f in found] == [("30 degree", "degree")]


def test_the_counted_noun_stops_at_a_verb() -> None:
    found = run("A survey of 1,500 households found 60% in debt; 200 protesters say no.").figures
    assert [f.counts for f in found] == ["households", None, "protesters"]
    found = run(
        "Even thousands of North Korean troops equate to little; 10,000 arms sales stalled."
    )
    assert [f.counts for f in found.figures] == ["North Korean troops", "arms sales"]


def test_a_vague_plural_reports_its_lower_end_in_the_contract() -> None:
    contract = run("Thousands of troops and 5 to 7 tanks moved.").as_contract()["figures"]
    assert [f["value"] for f in contract] == [1000.0, 6.0]


def test_thousands_grouped_by_dots() -> None:
    found = figures("The ministry counted 1.500.000 refugees; version 1.2.3 is no figure.")
    assert found == [("1.500.000", 1_500_000.0, None)]


def test_amounts_spelled_with_an_article_or_a_fraction() -> None:
    found = figures(
        "Half a million people fled, a quarter of a million stayed and a dozen were held. "
        "It took two and a half years and one and a half million dollars."
    )
    assert found == [
        ("Half a million", 500_000.0, None),
        ("a quarter of a million", 250_000.0, None),
        ("a dozen", 12.0, None),
        ("two and a half years", 2.5, "year"),
        ("one and a half million dollars", 1_500_000.0, "dollar"),
    ]


def test_offsets_hold_when_lower_case_changes_the_length_of_the_text() -> None:
    # 'İ' lowers to two characters; the scans made in lower case must not shift offsets.
    text = "İzmir: officials said 4,000 people and a million dollars were moved."
    found = run(text)
    assert [(text[f.start : f.end], f.value) for f in found.figures] == [
        ("4,000", 4000.0),
        ("a million dollars", 1e6),
    ]
    assert [text[s.cue_start : s.cue_end] for s in found.statements] == ["said"]
