"""Statements as briefing prose, the fidelity of edited wording, and items for the clipboard."""

from __future__ import annotations

import datetime as dt

import pytest

from app.anchors import make_anchor
from app.fidelity import quote_is_faithful, statement_problems, unfaithful_quotes
from app.layout.citation import item_html, item_plain_text
from app.layout.cues import reporting_cue
from app.layout.prose import statement_sentence
from app.models import Briefing, Figure, Note, Question, Section, Source, Statement

ARTICLE = (
    "Harbour talks stall\n"
    "The port authority said the cranes would stay idle until spring.\n"
    '"We cannot load a single ship," the harbour master, Ines Varga, said on Tuesday.\n'
    'Unions called the offer "an insult to every docker", a spokesman added.\n'
)


def _source() -> Source:
    return Source(
        text=ARTICLE,
        title="Harbour talks stall",
        outlet="Coast Courier",
        url="https://www.coastcourier.test/harbour?id=7&x=1",
        published=dt.date(2025, 3, 4),
    )


def _said(content: str, cue: str = "said", **fields: object) -> str:
    statement = Statement(content=content, cue=cue, **{"speaker": "Ines Varga", **fields})
    return statement_sentence(statement)


# Cue verbs in the simple past


@pytest.mark.parametrize(
    ("cue", "past"),
    [
        ("calling", "called"),
        ("claim", "claimed"),
        ("saying", "said"),
        ("says", "said"),
        ("warns", "warned"),
        ("insisting", "insisted"),
        ("added", "added"),
        ("denies", "denied"),
        ("admitting", "admitted"),
        ("has warned", "warned"),
        ("noting", "noted"),
        ("argues", "argued"),
        ("pointing out", "pointed out"),
        ("", "said"),
        ("zorbled", "said"),
    ],
)
def test_cues_are_put_in_the_simple_past(cue: str, past: str) -> None:
    assert reporting_cue(cue).past == past


def test_a_reported_statement_has_a_past_tense_cue_and_no_bracketed_cue() -> None:
    sentence = _said("the cranes would stay idle", cue="warning")

    assert sentence == "Ines Varga warned that the cranes would stay idle."
    assert "(" not in sentence


def test_tell_without_a_listener_reads_said() -> None:
    assert _said("the cranes would stay idle", cue="told") == (
        "Ines Varga said that the cranes would stay idle."
    )


def test_that_is_not_doubled() -> None:
    assert _said("that the cranes would stay idle", cue="claims") == (
        "Ines Varga claimed that the cranes would stay idle."
    )


@pytest.mark.parametrize(
    ("cue", "content", "expected"),
    [
        ("calling", "the offer “an insult”", "Ines Varga called the offer “an insult”."),
        ("describes", "the offer as final", "Ines Varga described the offer as final."),
        ("urging", "dockers to return", "Ines Varga urged dockers to return."),
        ("asking", "whether ships would sail", "Ines Varga asked whether ships would sail."),
        ("accused", "the owners of bad faith", "Ines Varga accused the owners of bad faith."),
    ],
)
def test_verbs_taking_an_object_get_no_that(cue: str, content: str, expected: str) -> None:
    assert _said(content, cue=cue, direct="“" in content) == expected


def test_according_to_leads_the_sentence() -> None:
    assert _said("that the cranes would stay idle", cue="according to") == (
        "According to Ines Varga, the cranes would stay idle."
    )


# Capitals and speakers


def test_a_lower_case_speaker_is_capitalised_only_at_the_start() -> None:
    statement = Statement(content="talks had stalled", speaker="a port official", cue="says")
    quote = Statement(content="We cannot load a ship", speaker="a port official", direct=True)

    assert statement_sentence(statement) == "A port official said that talks had stalled."
    assert statement_sentence(quote) == "“We cannot load a ship,” a port official said."


def test_a_plural_speaker_is_kept_as_written() -> None:
    statement = Statement(content="talks had stalled", speaker="Port officials", cue="claim")

    assert statement_sentence(statement) == "Port officials claimed that talks had stalled."


def test_role_is_given_unless_already_given() -> None:
    statement = Statement(
        content="the port is shut", speaker="Ines Varga", speaker_role="the harbour master"
    )

    assert statement_sentence(statement) == (
        "Ines Varga, the harbour master, said that the port is shut."
    )
    assert (
        statement_sentence(statement, role_given=True) == "Ines Varga said that the port is shut."
    )


# Direct quotes and punctuation


def test_a_whole_quote_comes_first_and_its_comma_stays_before_the_tag() -> None:
    sentence = _said('"We cannot load a single ship,"', direct=True)

    assert sentence == "“We cannot load a single ship,” Ines Varga said."


def test_a_quoted_question_is_asked_and_ends_once() -> None:
    sentence = _said("“Who will pay for the idle cranes?”", direct=True)

    assert sentence == "“Who will pay for the idle cranes?” Ines Varga asked."
    assert "?." not in sentence and "?”." not in sentence


def test_a_quote_ending_the_sentence_turns_its_comma_into_a_stop() -> None:
    statement = Statement(
        content='"We cannot load a single ship,"', speaker="Ines Varga", direct=True
    )

    sentence = statement_sentence(statement, form="speaker_first")

    assert sentence == "Ines Varga: “We cannot load a single ship.”"


def test_speaker_first_keeps_question_and_exclamation_marks_without_a_stop() -> None:
    for mark in "?!":
        statement = Statement(content=f"Who pays{mark}", speaker="Ines Varga", direct=True)
        assert (
            statement_sentence(statement, form="speaker_first") == f"Ines Varga: “Who pays{mark}”"
        )


def test_a_fragment_quote_at_the_end_of_the_sentence_ends_it_once() -> None:
    with_comma = _said("the offer “an insult to every docker,”", cue="calling", direct=True)
    bare = _said("the offer “an insult to every docker”", cue="calling", direct=True)

    assert with_comma == "Ines Varga called the offer “an insult to every docker.”"
    assert bare == "Ines Varga called the offer “an insult to every docker”."


@pytest.mark.parametrize(
    "content",
    ["the cranes stopped.", "the cranes stopped,", "the cranes stopped..", "the cranes stopped,."],
)
def test_no_doubled_or_mixed_stops(content: str) -> None:
    sentence = _said(content)

    assert sentence == "Ines Varga said that the cranes stopped."


def test_a_full_sentence_with_a_quoted_fragment_is_tagged_at_its_end() -> None:
    content = 'Unions called the offer "an insult to every docker"'

    sentence = _said(content, cue="added", direct=True, speaker="a spokesman")

    assert sentence == "Unions called the offer “an insult to every docker”, a spokesman added."


def test_straight_quotes_and_spaced_hyphens_become_typographic() -> None:
    sentence = _said('the offer - in his words - was "final" and it\'s over')

    assert sentence == "Ines Varga said that the offer – in his words – was “final” and it’s over."


def test_edited_wording_replaces_the_generated_sentence() -> None:
    statement = Statement(
        content="x", speaker="Ines Varga", wording='ines Varga called it "an insult"'
    )

    assert statement_sentence(statement) == "Ines Varga called it “an insult”."


# Fidelity of edited wording


def test_edited_wording_keeping_the_quoted_words_is_faithful() -> None:
    source = _source()
    statement = Statement(
        content="We cannot load a single ship",
        direct=True,
        wording="The harbour master said she “cannot load a single ship.”",
    )

    assert quote_is_faithful(statement, source)
    assert statement_problems(statement, source) == []


def test_edited_wording_that_changes_a_quote_is_flagged() -> None:
    source = _source()
    statement = Statement(
        content="We cannot load a single ship",
        direct=True,
        wording="Ines Varga said: “We cannot load any ship” and “an insult to every docker”.",
    )

    assert not quote_is_faithful(statement, source)
    assert unfaithful_quotes(statement.wording, source) == ["We cannot load any ship"]
    assert statement_problems(statement, source) == [
        "“We cannot load any ship” is not in the article word for word."
    ]


def test_an_ellipsis_in_edited_wording_checks_each_part() -> None:
    source = _source()
    wording = "Unions called it “an insult … docker”, a spokesman said."

    assert unfaithful_quotes(wording, source) == []


def test_unedited_quotes_keep_the_old_check() -> None:
    source = _source()
    faithful = Statement(content="We cannot load a single ship", direct=True)
    changed = Statement(content="We cannot load one ship", direct=True)
    reported = Statement(content="nothing like the article", direct=False)

    assert quote_is_faithful(faithful, source)
    assert not quote_is_faithful(changed, source)
    assert quote_is_faithful(reported, source)
    assert statement_problems(changed, source)


# One item for the clipboard


def _briefing(item: Statement | Figure | Question | Note, source: Source) -> Briefing:
    return Briefing(sections=(Section(title="S", items=(item,)),), sources=(source,))


def test_item_plain_text_is_a_sentence_with_a_human_citation() -> None:
    source = _source()
    start = ARTICLE.index("We cannot")
    statement = Statement(
        content="We cannot load a single ship",
        speaker="Ines Varga",
        direct=True,
        anchor=make_anchor(source, start, start + 28),
    )

    text = item_plain_text(statement, _briefing(statement, source))

    assert text == (
        "“We cannot load a single ship,” Ines Varga said. "
        "(Coast Courier, 4 March 2025, https://www.coastcourier.test/harbour?id=7&x=1)"
    )


def test_item_html_escapes_text_and_links_the_url() -> None:
    source = _source().model_copy(update={"outlet": "Coast & <Courier>"})
    start = ARTICLE.index("The port")
    note = Note(text="The port <b>authority</b>", anchor=make_anchor(source, start, start + 8))

    html = item_html(note, _briefing(note, source))

    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "Coast &amp; &lt;Courier&gt;" in html
    assert '<a href="https://www.coastcourier.test/harbour?id=7&amp;x=1">' in html
    assert html.startswith("<p>“The port") and html.endswith("</a>)</p>")


def test_item_plain_text_of_the_analysts_own_text_has_no_citation() -> None:
    note = Note(text="Expect strikes.\n- at the north quay\n- from Monday")

    text = item_plain_text(note, _briefing(note, _source()))

    assert text == "Expect strikes.\n- at the north quay\n- from Monday"


def test_copied_own_text_keeps_one_blank_line_between_paragraphs() -> None:
    note = Note(text="Expect strikes.\n\n\n\nTalks resume on Monday.\n")

    assert (
        item_plain_text(note, _briefing(note, _source()))
        == "Expect strikes.\n\nTalks resume on Monday."
    )
    assert (
        item_html(note, _briefing(note, _source()))
        == "<p>Expect strikes.</p><p>Talks resume on Monday.</p>"
    )


def test_item_plain_text_of_a_vague_figure_keeps_the_articles_words() -> None:
    figure = Figure(
        text="hundreds of", value=100, value_high=1000, approximate=True, counts="dockers"
    )

    text = item_plain_text(figure, _briefing(figure, _source()))

    assert text == "hundreds of (≈\u00a0100–1,000) dockers."


@pytest.mark.parametrize(
    ("speaker", "start"),
    [("a port official", "A port official"), ("iDock Ltd", "iDock Ltd"), ("de Vries", "De Vries")],
)
def test_only_a_plain_lower_case_first_word_is_capitalised(speaker: str, start: str) -> None:
    statement = Statement(content="talks had stalled", speaker=speaker)

    assert statement_sentence(statement).startswith(f"{start} said")
