"""The first extraction rules and the invariants of the extract contract."""

from __future__ import annotations

import pytest

from app.extraction import extract
from app.importing import import_text
from app.sample import load_sample

ARTICLES = [
    "“We will not retreat,” the minister said. “Not one step.”\n"
    "He added that 3,000 troops were ready.",
    "Is this the end? Nobody knows.\nThe claim could not be independently verified.",
    "A quote with an emoji 😀: “Fine,” she said.\nThe cost was £600m, officials said.",
    "Read more:\nSome related story\nAnother related story",
]


def assert_contract(text: str, found: dict) -> None:
    for kind in ("statements", "figures", "questions"):
        for item in found[kind]:
            assert 0 <= item["start"] <= item["end"] <= len(text)
            assert text[item["start"] : item["end"]] == item["text"]
    for statement in found["statements"]:
        if statement["cue"] is not None:
            assert text[statement["cue_start"] : statement["cue_end"]] == statement["cue"]
        if statement["speaker_start"] is not None:
            assert statement["speaker_end"] > statement["speaker_start"]
    assert all(q["kind"] in ("explicit", "unconfirmed", "uncertainty") for q in found["questions"])


@pytest.mark.parametrize("article", ARTICLES)
def test_offsets_match_the_text(article: str) -> None:
    source = import_text(article)
    assert_contract(source.text, extract(source).as_contract())


def test_sample_article_proposals() -> None:
    source = load_sample()
    found = extract(source)
    assert_contract(source.text, found.as_contract())
    speakers = {s.text[:20]: s.speaker for s in found.statements}
    assert speakers['"From our intelligen'] == "Volodymyr Zelenskyy"  # from "Mr Zelenskyy"
    assert speakers['"It could quite fund'] == "a Western official"  # quote-only paragraph
    assert {f.value for f in found.figures} >= {10000.0, 1271.0}
    kinds = [q.kind for q in found.questions]
    assert kinds.count("explicit") >= 6 and "unconfirmed" in kinds and "uncertainty" in kinds


def test_nothing_is_proposed_from_boilerplate() -> None:
    source = load_sample()
    found = extract(source)
    for item in (*found.statements, *found.figures, *found.questions):
        assert not source.is_boilerplate(item.start, item.end), item.text
