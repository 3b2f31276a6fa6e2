"""What a figure counts: plurals, synonyms and owners folded; modifiers and units kept."""

from __future__ import annotations

import pytest

from app.compare import counted_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("North Korean troops", ""), ("North Korean soldiers", "")),
        (("North Korean troops", ""), ("North Korea's servicemen", "")),
        (("the troops", ""), ("military personnel", "")),
        (("casualties", "per day"), ("daily casualty rate", "")),
        (("civilians", ""), ("people", "")),
        (("the death toll", ""), ("deaths", "")),
        (("children", ""), ("child", "")),
        (("aid", "US dollars"), ("aid", "dollar")),
        (("number of troops", ""), ("soldiers", "")),
    ],
)
def test_same_thing_counted_in_other_words_has_one_key(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert counted_key(*first) == counted_key(*second) != ""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("North Korean troops", ""), ("Russian troops", "")),
        (("North Korean troops", ""), ("North Korean special forces", "")),
        (("casualties", "per day"), ("casualties", "")),
        (("aid", "dollar"), ("aid", "euro")),
        (("troops", ""), ("tanks", "")),
    ],
)
def test_different_modifiers_or_units_keep_keys_apart(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert counted_key(*first) != counted_key(*second)


def test_a_figure_that_counts_nothing_has_no_key() -> None:
    assert counted_key("", "dollar") == ""
