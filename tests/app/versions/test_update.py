"""A newer version of an article put into a briefing: items of unchanged passages follow
them, items of changed or cut passages keep citing the version they came from and are
flagged; both versions are saved; the analyst's answers; citations of each version."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import edits
from app.extraction import extract
from app.importing import import_text
from app.layout import blocks as b
from app.layout.build import layout
from app.layout.checks import export_warnings
from app.models import Briefing, Figure, Source
from app.proposals import briefing_from_article
from app.storage import open_briefing, save_briefing
from app.versions import keep_cited_version, update_source, use_new_wording
from tests.app.versions.article import CHANGED_WORDS, FIRST, GONE_SENTENCE, SECOND


@pytest.fixture
def first() -> tuple[Briefing, Source]:
    source = import_text(FIRST, origin="story.txt", outlet="The Test Post")
    return briefing_from_article(source, extract(source)), source


def _touched(briefing: Briefing, words: tuple[str, ...]) -> set[str]:
    return {
        item.id
        for item in briefing.items()
        if item.anchor and any(w in item.anchor.text for w in words)
    }


def test_exactly_the_items_of_changed_passages_are_flagged(first) -> None:
    briefing, source = first
    update = update_source(briefing, source.id, import_text(SECOND, origin="story.txt"))
    after = update.briefing

    changed = _touched(briefing, CHANGED_WORDS)
    gone = {i.id for i in briefing.items() if i.anchor and i.anchor.text in GONE_SENTENCE}
    assert changed and gone  # the sample story has items on both
    assert {f.item_id for f in update.flagged if f.status == "changed"} == changed
    assert {f.item_id for f in update.flagged if f.status == "gone"} == gone
    newer = after.source(source.id)
    assert newer is not None and newer.text == SECOND and newer.version == 2
    assert [v.text for v in newer.earlier] == [FIRST]
    for item in after.items():
        assert item.anchor is not None
        if item.id in changed | gone:
            # Still citing version 1, word for word, with what version 2 says there.
            assert item.anchor.version == 1 and item.passage_change is not None
            assert FIRST[item.anchor.start : item.anchor.end] == item.anchor.text
        else:
            assert item.anchor.version == 0 and item.passage_change is None
            assert SECOND[item.anchor.start : item.anchor.end] == item.anchor.text
    figure = next(i for i in after.items() if isinstance(i, Figure) and i.id in changed)
    assert figure.passage_change and figure.passage_change.text == "15,000"
    assert "1 paragraph changed" in update.summary()


def test_the_same_words_make_no_new_version(first) -> None:
    briefing, source = first
    respaced = FIRST.replace(" troops", "  troops").replace("“", '"').replace("”", '"')
    update = update_source(briefing, source.id, import_text(respaced, origin="story.txt"))
    assert not update.changed and update.briefing is briefing


def test_both_versions_are_saved_and_open_as_they_were(first, tmp_path: Path) -> None:
    briefing, source = first
    after = update_source(briefing, source.id, import_text(SECOND, origin="x")).briefing
    path = tmp_path / "story.briefing"
    save_briefing(after, path)
    loaded, repairs = open_briefing(path)
    assert repairs == () and loaded == after


def test_new_wording_or_the_cited_version_and_undo_by_history(first) -> None:
    briefing, source = first
    update = update_source(briefing, source.id, import_text(SECOND, origin="x"))
    after = update.briefing
    figure = next(
        i
        for i in after.items()
        if isinstance(i, Figure) and i.id in _touched(briefing, ("12,000",))
    )
    newer = after.source(source.id)
    assert newer is not None
    taken = edits.find_item(use_new_wording(after, figure.id, extract(newer)), figure.id)
    assert isinstance(taken, Figure)
    assert (taken.text, taken.value, taken.passage_change) == ("15,000", 15000, None)
    assert taken.anchor is not None and taken.anchor.version == 0
    assert SECOND[taken.anchor.start : taken.anchor.end] == "15,000"

    kept = edits.find_item(keep_cited_version(after, figure.id), figure.id)
    assert kept.passage_change is None and kept.anchor is not None
    assert kept.anchor.version == 1 and kept.anchor.text == "12,000"

    gone = next(f for f in update.flagged if f.status == "gone")
    with pytest.raises(edits.EditError):
        use_new_wording(after, gone.item_id)


def test_a_kept_item_stays_with_its_version_through_the_next_update(first) -> None:
    briefing, source = first
    after = update_source(briefing, source.id, import_text(SECOND, origin="x")).briefing
    figure_id = next(iter(_touched(briefing, ("12,000",)) & {i.id for i in after.items()}))
    after = keep_cited_version(after, figure_id)
    third = update_source(after, source.id, import_text(SECOND + "\nOne more line.", origin="x"))
    kept = edits.find_item(third.briefing, figure_id)
    assert kept.anchor is not None and kept.anchor.version == 1 and kept.passage_change is None
    assert figure_id not in {f.item_id for f in third.flagged}


def test_citations_name_the_version_each_item_cites(first) -> None:
    briefing, source = first
    after = update_source(briefing, source.id, import_text(SECOND, origin="x")).briefing
    entries = [
        "".join(span.text for span in entry.spans)
        for block in layout(after).blocks
        if isinstance(block, b.SourceList)
        for entry in block.entries
    ]
    assert any("(version 2)" in entry for entry in entries)
    assert any("(version 1, since updated)" in entry for entry in entries)
    assert any("cite passages that changed in a newer version" in w for w in export_warnings(after))


def test_a_rejected_proposal_stays_rejected_in_the_newer_text(first) -> None:
    briefing, source = first
    key = f"statement:{source.id}:{FIRST.index('Officials in Kyiv')}:{FIRST.index(' the move')}"
    rejected = briefing.model_copy(update={"rejected": (key,)})
    after = update_source(rejected, source.id, import_text(SECOND, origin="x")).briefing
    start = SECOND.index("Officials in Kyiv")
    assert after.rejected == (f"statement:{source.id}:{start}:{SECOND.index(' the move')}",)


def test_an_item_lost_in_its_own_version_stays_with_that_version(first) -> None:
    briefing, source = first
    item = briefing.items()[0]
    assert item.anchor is not None
    lost = item.anchor.model_copy(update={"text": "words the article never had"})
    broken = edits.update_item(briefing, item.id, anchor=lost)
    after = update_source(broken, source.id, import_text(SECOND, origin="x")).briefing
    kept = edits.find_item(after, item.id)
    assert kept.anchor is not None and kept.anchor.version == 1


def test_a_kept_version_holds_every_field_a_version_changes() -> None:
    from app.models import VERSION_FIELDS, SourceVersion

    assert set(SourceVersion.model_fields) - {"number"} == set(VERSION_FIELDS)
