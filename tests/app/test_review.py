"""Review rows and states, computed from the briefing without Qt."""

from __future__ import annotations

from app import edits
from app.extraction import extract
from app.importing import import_text
from app.models import Briefing, default_sections
from app.review import (
    ReviewSession,
    ReviewState,
    group_title,
    items_from_rows,
    narrowest_at,
    open_rows,
    shown_rows,
)

ARTICLE = (
    "Talks stall at the border\n"
    "“We will not retreat,” Anna Kowalska said on Monday.\n"
    "Officials estimate that 5,000 troops are stationed near the border.\n"
    "It is unclear whether talks will resume."
)


def session_and_briefing() -> tuple[ReviewSession, Briefing]:
    source = import_text(ARTICLE)
    session = ReviewSession(source.id)
    session.set_extraction(source, extract(source))
    return session, Briefing(sections=default_sections(), sources=(source,))


def test_states_follow_the_briefing() -> None:
    session, briefing = session_and_briefing()
    figure, statement = session.rows["figure"][0], session.rows["statement"][0]
    assert set(session.states(briefing).values()) == {ReviewState.OPEN}
    source = briefing.sources[0]
    accepted = edits.accept_proposals(briefing, items_from_rows(source, [figure]), [figure.key])
    decided = edits.reject_proposal(accepted, statement.key)
    states = session.states(decided)
    assert states[figure.key] is ReviewState.ACCEPTED
    assert states[statement.key] is ReviewState.REJECTED
    shown = shown_rows(session.rows["statement"], states, show_rejected=False)
    assert statement not in shown and len(shown) == len(session.rows["statement"]) - 1
    assert statement in shown_rows(session.rows["statement"], states, show_rejected=True)
    assert open_rows(session.rows["figure"], states) == []
    assert group_title("figure", session.rows["figure"], states).endswith("(0 to review, 1 shown)")


def test_a_session_knows_when_its_proposals_are_stale() -> None:
    session, briefing = session_and_briefing()
    source = briefing.sources[0]
    assert session.is_extracted(source)
    reread = source.model_copy(update={"text": source.text.replace("5,000", "6,000")})
    assert not session.is_extracted(reread)


def test_the_narrowest_proposal_holds_an_offset() -> None:
    session, briefing = session_and_briefing()
    offset = briefing.sources[0].text.index("5,000")
    rows = [row for rows in session.rows.values() for row in rows]
    found = narrowest_at(rows, offset)
    assert found is not None and found.kind == "figure"
    assert narrowest_at(rows, 0) is None


def test_paragraph_numbers_by_binary_search_match_a_scan() -> None:
    text = "\n".join(f"Paragraph {n} says {n * 7} words." for n in range(300))
    source = import_text(text)

    def scanned(offset: int) -> int | None:
        for number, paragraph in enumerate(source.paragraphs, start=1):
            if paragraph.start <= offset <= paragraph.end:
                return number
        return None

    assert all(source.paragraph_number(o) == scanned(o) for o in range(len(text) + 2))
