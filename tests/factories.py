"""Briefings with every kind of content, built for tests from the domain model."""

from __future__ import annotations

import datetime as dt

from app.importing import import_text
from app.models import (
    Anchor,
    Briefing,
    Figure,
    Note,
    Question,
    QuestionKind,
    Section,
    Statement,
    VerificationStatus,
)

ARTICLE = (
    "Ministers meet over border crisis\n"
    "“We will not retreat,” the defence minister, Anna Kowalska, said on Monday.\n"
    "Officials estimate that 5,000 to 7,000 troops are stationed near the border.\n"
    "It is unclear whether talks will resume — Ελληνικά, кириллица, 😀 & <b>markup</b>."
)


def rich_briefing(*, items_per_section: int = 1) -> Briefing:
    """A briefing using every model field, with Unicode and markup-like text."""
    source = import_text(
        ARTICLE,
        origin="test.txt",
        outlet="Test Times",
        url="https://news.test/a?b=1&c=2",
        published=dt.date(2024, 10, 17),
    )
    quote_at = ARTICLE.index("“We")
    anchor = Anchor(
        source_id=source.id,
        start=quote_at,
        end=quote_at + 25,
        text=ARTICLE[quote_at : quote_at + 25],
        prefix="crisis\n",
        suffix=" the",
    )
    statement = Statement(
        content="We will not retreat",
        speaker="Anna Kowalska",
        speaker_role="defence minister",
        cue="said",
        direct=True,
        verification=VerificationStatus.UNCONFIRMED,
        anchor=anchor,
        note="Check against the ministry's transcript.",
    )
    figure = Figure(
        text="5,000 to 7,000",
        value=5000,
        value_high=7000,
        unit="",
        counts="troops near the border",
        approximate=True,
        as_of="2024-10-17",
        asserted_by="Officials",
    )
    question = Question(
        text="Will talks resume?", question_kind=QuestionKind.UNCERTAINTY, owner="Desk officer"
    )
    note = Note(text="Raise at the Thursday meeting <i>first</i> & foremost.")
    sections = tuple(
        Section(
            title=title,
            guidance=f"Guidance for {title}",
            kinds=(kind,),
            items=tuple(
                item.model_copy(update={"id": f"{kind}-{n}"}) for n in range(items_per_section)
            ),
        )
        for title, kind, item in (
            ("Key statements", "statement", statement),
            ("Key figures", "figure", figure),
            ("Open questions", "question", question),
            ("Notes", "note", note),
        )
    )
    return Briefing(
        title="Border crisis — morning brief",
        date=dt.date(2024, 10, 18),
        author="J. Analyst",
        marking="OFFICIAL-SENSITIVE",
        bottom_line="Troop numbers are unverified; talks may resume.",
        sections=sections,
        sources=(source,),
        template="bluf",
    )
