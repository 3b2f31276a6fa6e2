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
    assert [(f.value, f.approximate, f.counts) for f in found] == [
        (1000.0, True, "people"),
        (12.0, True, "vehicles"),
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
    found = run("Only 17 players over the age of 21 stayed; a man, aged 45, left.").figures
    assert [(f.text, f.unit) for f in found] == [
        ("17", None),
        ("21", "year of age"),
        ("45", "year of age"),
    ]
