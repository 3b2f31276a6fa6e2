"""The analyst's say on which figures count the same thing: merge groups, split a figure off.

Pure edits, (Briefing, ...) -> new Briefing, which the window applies through its undoable
choke point. Both work through Figure.group: figures with the same non-empty group are one
group, whatever they count.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.edits import EditError, find_item
from app.models import Briefing, Figure, Item


def merge_groups(briefing: Briefing, group_keys: Sequence[str]) -> Briefing:
    """Every figure of the named groups in one group, named by the first key."""
    from app.compare import compare_briefing  # here: the package imports this module

    keys = list(dict.fromkeys(group_keys))
    if len(keys) < 2:
        raise EditError("Choose at least two groups to merge.")
    groups = {group.key: group for group in compare_briefing(briefing).groups}
    if any(key not in groups for key in keys):
        raise EditError("A group to merge is no longer in the briefing.")
    target = keys[0]
    members = {figure.key for key in keys for figure in groups[key].figures}
    return _regrouped(briefing, dict.fromkeys(members, target))


def split_figure(briefing: Briefing, figure_id: str) -> Briefing:
    """The figure in a group of its own, whatever it counts (its id is its group)."""
    figure = find_item(briefing, figure_id)
    if not isinstance(figure, Figure):
        raise EditError("Only a figure can be split off a group.")
    return _regrouped(briefing, {figure_id: figure_id})


def _regrouped(briefing: Briefing, groups: dict[str, str]) -> Briefing:
    """briefing with the figures named in groups (id -> group) given their group, in one
    pass; a group is plain text the analyst chose, so nothing needs validating again."""
    sections = tuple(
        section.model_copy(update={"items": tuple(_with_group(i, groups) for i in section.items)})
        if any(item.id in groups for item in section.items)
        else section
        for section in briefing.sections
    )
    return briefing.model_copy(update={"sections": sections})


def _with_group(item: Item, groups: dict[str, str]) -> Item:
    if isinstance(item, Figure) and item.id in groups:
        return item.model_copy(update={"group": groups[item.id]})
    return item
