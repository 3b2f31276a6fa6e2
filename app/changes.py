"""What changed between two versions of a briefing, so views update only what they must.

Briefings are immutable and edits share every untouched part with the version before, so
comparing by identity first is cheap even for a briefing of tens of thousands of items.
The same comparison serves edits, undo and redo alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models import Briefing, Section

HEADER_NAMES = (
    "title",
    "date",
    "author",
    "marking",
    "bottom_line",
    "likelihood",
    "style",
    "template",
)


@dataclass(frozen=True)
class BriefingChange:
    """What differs: header fields, items edited in place, item layout, sections, sources."""

    header: frozenset[str] = frozenset()  # names of changed header fields
    edited_items: frozenset[str] = frozenset()  # ids of items whose fields changed in place
    items_moved: bool = False  # items were added, removed or moved (sections kept)
    sections: bool = False  # sections added, removed, reordered or renamed
    sources: bool = False  # articles added, removed or replaced
    rejected: bool = False  # the rejected-proposals list
    everything: bool = False  # a new briefing altogether (opened, recovered, reset)
    path: bool = False  # only where the briefing is saved (or its saved state)
    section_ids: frozenset[str] = field(default=frozenset())  # sections whose items changed

    @property
    def items_changed(self) -> bool:
        """True when which items exist, or where, may differ."""
        return self.everything or self.items_moved or self.sections

    @property
    def review_changed(self) -> bool:
        """True when a proposal's state (accepted, rejected) may differ."""
        return self.items_changed or self.rejected or self.sources


EVERYTHING = BriefingChange(everything=True)
PATH_ONLY = BriefingChange(path=True)


def diff(before: Briefing, after: Briefing) -> BriefingChange:
    """What differs from before to after."""
    if before is after:
        return BriefingChange()
    header = frozenset(n for n in HEADER_NAMES if getattr(before, n) != getattr(after, n))
    sources = before.sources is not after.sources and before.sources != after.sources
    rejected = before.rejected is not after.rejected and before.rejected != after.rejected
    if not _same_section_shape(before.sections, after.sections):
        return BriefingChange(header=header, sections=True, sources=sources, rejected=rejected)
    edited: set[str] = set()
    touched: set[str] = set()
    moved = False
    for old, new in zip(before.sections, after.sections, strict=True):
        if old.items is new.items:
            continue
        if [i.id for i in old.items] != [i.id for i in new.items]:
            moved = True
            touched.add(new.id)
            continue
        changed = {n.id for o, n in zip(old.items, new.items, strict=True) if o is not n and o != n}
        edited |= changed
        if changed:
            touched.add(new.id)
    return BriefingChange(
        header=header,
        edited_items=frozenset(edited),
        items_moved=moved,
        sources=sources,
        rejected=rejected,
        section_ids=frozenset(touched),
    )


def _same_section_shape(old: tuple[Section, ...], new: tuple[Section, ...]) -> bool:
    """Same sections, in the same order, with the same title, guidance, kinds and limit."""
    if old is new:
        return True
    if len(old) != len(new):
        return False
    return all(
        (o.id, o.title, o.guidance, o.kinds, o.item_limit)
        == (n.id, n.title, n.guidance, n.kinds, n.item_limit)
        for o, n in zip(old, new, strict=True)
    )
