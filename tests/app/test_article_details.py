"""An article's details as typed in Article → Properties: URLs, dates and their messages."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Source
from app.source_details import (
    DetailsError,
    TypedDetails,
    checked_date,
    checked_url,
    with_details,
)


@pytest.mark.parametrize(
    "url",
    [
        "news.example.com/story",
        "ftp://example.com/x",
        "https://",
        "javascript:alert(1)",
        "http://a b",
    ],
)
def test_checked_url_refuses_what_is_not_a_web_address(url: str) -> None:
    with pytest.raises(DetailsError) as refused:
        checked_url(url)
    assert refused.value.field == "url" and "https://" in str(refused.value)


def test_checked_url_keeps_web_addresses_and_empty() -> None:
    assert checked_url("  https://news.example.com/a?b=1  ") == "https://news.example.com/a?b=1"
    assert checked_url("HTTP://example.com") == "HTTP://example.com"
    assert checked_url("") == ""


@pytest.mark.parametrize(
    "written",
    ["2024-10-17", " 17 October 2024 ", "17 Oct 2024", "October 17, 2024", "Oct 17 2024"],
)
def test_dates_are_read_as_iso_or_written_out(written: str) -> None:
    assert checked_date("published", "publication date", written) == dt.date(2024, 10, 17)


@pytest.mark.parametrize("written", ["17/10/2024", "10/11/2024", "2024-13-01", "yesterday"])
def test_ambiguous_or_impossible_dates_are_refused_with_the_format(written: str) -> None:
    with pytest.raises(DetailsError) as refused:
        checked_date("published", "publication date", written)
    assert refused.value.field == "published" and "YYYY-MM-DD" in str(refused.value)


def test_an_empty_date_is_no_date() -> None:
    assert checked_date("accessed", "date accessed", "  ") is None


def test_details_round_trip_and_an_unchanged_date_accessed_keeps_its_time() -> None:
    retrieved = dt.datetime(2024, 10, 18, 14, 30, tzinfo=dt.UTC)
    source = Source(
        text="Text.",
        title="T",
        outlet="O",
        author="A",
        url="https://example.com/a",
        retrieved=retrieved,
        published=dt.date(2024, 10, 17),
    )
    details = TypedDetails.of(source)
    assert with_details(source, details) == source
    moved = with_details(source, TypedDetails(**{**details.__dict__, "accessed": "2024-10-20"}))
    assert moved.retrieved == dt.datetime(2024, 10, 20, tzinfo=dt.UTC)
    cleared = with_details(source, TypedDetails(title="  New title  "))
    assert (cleared.title, cleared.outlet, cleared.url) == ("New title", "", "")
    assert cleared.published is None and cleared.retrieved is None


def test_the_first_problem_names_its_field() -> None:
    source = Source(text="Text.")
    with pytest.raises(DetailsError) as refused:
        with_details(source, TypedDetails(published="soon", url="nope"))
    assert refused.value.field == "published"
