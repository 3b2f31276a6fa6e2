"""Figures in the forms real news writes them (issue 15): hyphenated measures, fractions and
vague amounts, changes from X to Y, and the numbers that are no figures (headings, 'one' as a
determiner, appositive ages, web addresses, link markers, date lists, scores, years)."""

from __future__ import annotations

import time

import pytest

from tests.app.extraction.helpers import run

Row = tuple[str, float | None, str | None, str | None]


def rows(text: str) -> list[Row]:
    """(text, value, unit, counts) of each figure; a range gives its mean, as the contract."""
    found = []
    for figure in run(text).figures:
        value = figure.value
        if value is not None and figure.value_high is not None and not figure.vague:
            value = (value + figure.value_high) / 2
        found.append((figure.text, value, figure.unit, figure.counts))
    return found


def assert_rows(text: str, expected: list[Row]) -> None:
    found = rows(text)
    assert [(t, u, c) for t, _, u, c in found] == [(t, u, c) for t, _, u, c in expected], found
    for (_, value, _, _), (_, wanted, _, _) in zip(found, expected, strict=True):
        assert value == pytest.approx(wanted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoys held a three-hour meeting before a two-day summit.",
            [("three-hour", 3.0, "hour", "meeting"), ("two-day", 2.0, "day", "summit")],
        ),
        ("A 12-year-old boy was rescued.", [("12-year-old", 12.0, "year of age", "boy")]),
        ("Police say a ten-year-old was found.", [("ten-year-old", 10.0, "year", None)]),
        ("Fares saw a 4-percent increase.", [("4-percent", 4.0, "percent", "increase")]),
        (
            "The striker earned a one-game ban for the two-goal celebration.",
            [("one-game", 1.0, None, "ban"), ("two-goal", 2.0, None, "celebration")],
        ),
        ("The three-time champion withdrew.", [("three-time", 3.0, None, "champion")]),
        ("The club signed him to a $12-million deal.", [("$12-million", 12e6, "dollar", "deal")]),
        (
            "He retired after six-and-a-half years in office.",
            [("six-and-a-half years", 6.5, "year", None)],
        ),
    ],
)
def test_hyphenated_measures(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Traders sold 10-year notes and three-month copper.",  # instruments named by term
        "The car has a 1.5-liter four-cylinder engine.",  # an engine designation
        "The 15-inch Laptop Pro goes on sale.",  # a measure naming a product
        "A one-time adviser and a six-speed gearbox.",  # set phrases, not counts
    ],
)
def test_designations_are_no_figures(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half the voters stayed home.", [("Half", 0.5, None, None)]),
        ("More than half backed the plan.", [("half", 0.5, None, None)]),
        ("Two-thirds of the members agreed.", [("Two-thirds", 2 / 3, None, None)]),
        (
            "The central bank made a quarter-point cut.",
            [("quarter-point", 0.25, "percentage point", "cut")],
        ),
        ("The band formed a half century ago.", [("half century", 50.0, "year", None)]),
        ("Several thousand workers walked out.", [("Several thousand", 1000.0, None, "workers")]),
        ("A few hundred fans waited outside.", [("A few hundred", 100.0, None, "fans")]),
        ("Dozens of shops were shut.", [("Dozens of", 12.0, None, "shops")]),
    ],
)
def test_fractions_and_vague_amounts(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


def test_vague_amounts_are_approximate() -> None:
    figure = run("Several thousand workers walked out.").figures[0]
    assert figure.approximate and figure.vague


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The jobless rate went from 4.10 percent to 3.85 percent.",
            [("4.10 percent", 4.1, "percent", None), ("3.85 percent", 3.85, "percent", None)],
        ),
        (
            "Output grew from 12% to 19% in a year.",
            [("12%", 12.0, "percent", None), ("19%", 19.0, "percent", None)],
        ),
        (
            "The firm is going from 300 to 500 engineers.",
            [("300", 300.0, None, None), ("500", 500.0, None, "engineers")],
        ),
        (
            "The index rose 41.5 points to 7,210.25.",
            [("41.5 points", 41.5, "point", None), ("7,210.25", 7210.25, "point", None)],
        ),
    ],
)
def test_a_change_from_x_to_y_is_two_figures(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fees range from 2% to 3% a year.", [("2% to 3% a year", 2.5, "percent per year", None)]),
        ("Each visit takes 20-30 minutes.", [("20-30 minutes", 25.0, "minute", None)]),
        ("The crowd of 40 to 60 people left.", [("40 to 60", 50.0, None, "people")]),
    ],
)
def test_ranges_stay_one_figure(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "3. What happens next\nThe council votes in spring.",  # a numbered heading
        "One resident said the water was brown.",  # 'one' as a determiner
        "At one point the talks stalled, and one of the aides left.",
        "One possible reason is the weather.",
        "Maria Lopez, 47, was charged.",  # an age in apposition
        "Mark T. Ellis 52, of Fairview was released.",
        "Read it at https://news.example.org/2021/05/07/item-4471.html today.",
        "The link example.org/a-b%E2%80%99c-99 was shared.",  # percent-escapes
        "The figures were disputed.[2] Officials declined.[14]",  # link markers
        "The rallies on 8 and 13 October were peaceful.",  # a list of days
        "The 2016 campaign ended badly.",  # a year before a singular noun
        "Officials received 911 calls about the fire.",  # an emergency number
        "He picked the number seven.",
        "The Hawks won 4-3 in overtime and improved to 12-8.",  # a score and a record
        "Rivera won 6-3, 7-5 (4) in the final.",
        "The Owls (9-4, 5-2) play Saturday.",
        "The car goes from zero to 60 mph (97 kph) quickly.",  # a benchmark, not a speed
        "He scored with 40 seconds left.",  # a game clock
        "The shots are for people aged 12 and older.",  # ages that bound a population
        "Those aged 18 to 25 and children under 5 were studied.",
        "The driver, aged 45, was held.",
        "He bought a phone or two.",
        "The Gang of Four met the Big Three.",  # names holding numbers
        "The Airbus 321-2 jets landed.",  # a designation joined by a dash
        "They lost in week 12 on the 9th hole.",
    ],
)
def test_numbers_that_are_no_figures(text: str) -> None:
    assert rows(text) == []


def test_a_struck_through_number_gives_way_to_the_next() -> None:
    assert rows("She won just two three times this year.") == [
        ("two three times", 3.0, None, "times")
    ]


def test_a_vote_tally_is_two_counts() -> None:
    assert rows("The motion passed 61-39 after a long debate.") == [
        ("61", 61.0, None, None),
        ("39", 39.0, None, None),
    ]


def test_one_as_a_count_stays() -> None:
    assert rows("The storm killed one woman.") == [("one", 1.0, None, "woman")]


def test_count_beside_a_model_number() -> None:
    assert rows("The airline grounded 300 737 Max jets.") == [("300", 300.0, None, None)]


def test_ages_reported_as_news_stay() -> None:
    assert rows("The 61-year-old driver was hurt.") == [
        ("61-year-old", 61.0, "year of age", "driver")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tickets cost $8 each last week.", [("$8", 8.0, "dollar", None)]),
        (
            "The team scored 4 versus 2 a year ago.",
            [("4", 4.0, None, None), ("2", 2.0, None, None)],
        ),
        ("They won 3, eking out the title.", [("3", 3.0, None, None)]),
        ("The 30-year-old signed a contract.", [("30-year-old", 30.0, "year of age", None)]),
        ("Sales fell 9 on Monday.", [("9", 9.0, None, None)]),
        (
            "He made 4-pointers from 20 yards.",
            [("4", 4.0, None, "pointers"), ("20 yards", 20.0, "yard", None)],
        ),
        ("The star lies 9 light-years away.", [("9 light-years", 9.0, "light year", None)]),
    ],
)
def test_counts_never_take_a_stray_word(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She scored 31 points in the win.", [("31 points", 31.0, None, "points")]),
        (
            "He averages 18.5 points per game.",
            [("18.5 points per game", 18.5, "per game", "points")],
        ),
        ("The Nikkei closed at 23,410.19 on Friday.", [("23,410.19", 23410.19, "point", None)]),
        ("He was sacked three times.", [("three times", 3.0, None, "times")]),
        ("Prices are four times higher.", [("four times", 4.0, "time", None)]),
        (
            "It gets 20 kilometers per liter.",
            [("20 kilometers per liter", 20.0, "kilometre per litre", None)],
        ),
        (
            "The quarterback was 18-of-27 passing.",
            [("18", 18.0, None, None), ("27", 27.0, None, "passing")],
        ),
    ],
)
def test_units_from_context(text: str, expected: list[Row]) -> None:
    assert_rows(text, expected)


def test_hostile_lines_stay_linear() -> None:
    """Long runs of hyphens, percent-escapes, brackets and pairs read in linear time."""
    parts = [
        "three-" * 4000,
        "%E2%80" * 4000,
        "[1]" * 4000,
        "(3-2, " * 4000,
        "one-and-a-" * 2000,
        "from 5 to " * 2000,
    ]
    for part in parts:
        started = time.perf_counter()
        run("x " + part + " end.")
        assert time.perf_counter() - started < 2.0, part[:20]
