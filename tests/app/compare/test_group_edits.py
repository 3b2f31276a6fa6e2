"""The analyst merges groups and splits a figure off: pure edits on Figure.group."""

from __future__ import annotations

import pytest

from app.compare import compare_briefing, merge_groups, split_figure
from app.edits import EditError
from app.extraction import extract
from app.models import Briefing, Figure, Source
from app.proposals import briefing_from_article
from tests.app.compare.conftest import article


def _briefing(*sources: Source) -> Briefing:
    built = [briefing_from_article(s, extract(s)) for s in sources]
    first = built[0]
    sections = tuple(
        section.model_copy(update={"items": tuple(i for b in built for i in b.sections[n].items)})
        for n, section in enumerate(first.sections)
    )
    return first.model_copy(update={"sources": sources, "sections": sections})


def _figure(briefing: Briefing, text: str) -> Figure:
    return next(i for i in briefing.items() if isinstance(i, Figure) and i.text == text)


@pytest.fixture
def briefing() -> Briefing:
    return _briefing(
        article("Officials said 10,000 North Korean troops were in Russia.", "Sky News", 17),
        article("Officials said 12,000 Korean People's Army troops had left.", "Herald"),
        article("Officials said 10,000 North Korean soldiers were there.", "Post News"),
    )


def test_merging_two_groups_puts_their_figures_in_one(briefing: Briefing) -> None:
    before = compare_briefing(briefing).groups
    assert len(before) == 2
    merged = merge_groups(briefing, [before[0].key, before[1].key])
    after = compare_briefing(merged).groups
    assert len(after) == 1 and len(after[0].figures) == 3
    assert after[0].discrepancy  # 10,000 and 12,000 now count the same thing
    assert compare_briefing(briefing).groups == before  # the old briefing is untouched


def test_splitting_a_figure_off_gives_it_a_group_of_its_own(briefing: Briefing) -> None:
    figure = _figure(briefing, "10,000")
    split = split_figure(briefing, figure.id)
    assert _figure(split, "10,000").group == figure.id
    groups = compare_briefing(split).groups
    alone = next(g for g in groups if any(f.key == figure.id for f in g.figures))
    assert [f.key for f in alone.figures] == [figure.id]


def test_bad_merges_and_splits_say_why(briefing: Briefing) -> None:
    key = compare_briefing(briefing).groups[0].key
    with pytest.raises(EditError, match="at least two"):
        merge_groups(briefing, [key])
    with pytest.raises(EditError, match="no longer"):
        merge_groups(briefing, [key, "gone"])
    statement = next(i for i in briefing.items() if not isinstance(i, Figure))
    with pytest.raises(EditError, match="Only a figure"):
        split_figure(briefing, statement.id)
