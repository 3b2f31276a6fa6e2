"""Check for Updates, in the domain: a newer text of an article goes into the briefing.

The article's text becomes the newer one and the older is kept as an earlier version.
Every item citing the article is placed in the newer text: an item whose passage is
unchanged (however it moved, and whatever spacing or quotation marks changed) now cites
the newer version; one whose passage changed or is gone keeps citing the version it was
taken from and is flagged with what the newer version says there, for the analyst.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from app.anchors import locate, make_anchor
from app.models import (
    VERSION_FIELDS,
    Anchor,
    Briefing,
    GlossaryEntry,
    Item,
    PassageChange,
    Section,
    Source,
)
from app.versions.alignment import Alignment, Difference, align, differences
from app.versions.placement import Placement, Placer


@dataclass(frozen=True)
class FlaggedItem:
    """An item whose passage changed or is gone in the newer version."""

    item_id: str
    kind: str
    status: Literal["changed", "gone"]
    old_text: str  # the passage as the item cites it
    new_text: str  # what the newer version says there ("" when gone)


@dataclass(frozen=True)
class SourceUpdate:
    """What one check of one article found, and the briefing after it."""

    source_id: str
    name: str  # the article's title (or where it came from), for messages
    changed: bool  # False: the newer text says the same, word for word
    briefing: Briefing
    old_version: int = 0
    new_version: int = 0
    differences: tuple[Difference, ...] = ()
    flagged: tuple[FlaggedItem, ...] = ()
    unchanged_items: int = 0

    def summary(self) -> str:
        """One sentence on what the check found."""
        if not self.changed:
            return f"{self.name}: no changes."
        counts = {kind: 0 for kind in ("added", "removed", "changed")}
        for difference in self.differences:
            counts[difference.kind] += 1
        parts = [_paragraphs(n, kind) for kind, n in counts.items() if n]
        changed = sum(1 for f in self.flagged if f.status == "changed")
        gone = len(self.flagged) - changed
        items = []
        if changed:
            items.append(f"{_items(changed)} whose passage changed")
        if gone:
            items.append(f"{_items(gone)} whose passage is gone")
        flagged = "; ".join(items) if items else "no cited passage changed"
        return (
            f"{self.name}: version {self.new_version} differs from version {self.old_version} "
            f"({', '.join(parts) or 'in wording'}); {flagged}."
        )


def _paragraphs(count: int, kind: str) -> str:
    return f"{count} paragraph{'' if count == 1 else 's'} {kind}"


def _items(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


def source_name(source: Source) -> str:
    return source.title or source.origin or "The article"


def update_source(briefing: Briefing, source_id: str, fresh: Source) -> SourceUpdate:
    """briefing with fresh (the article read again) as the newer version of source_id.
    When fresh says the same words, the briefing is returned as it was. KeyError if the
    briefing has no such article."""
    source = briefing.source(source_id)
    if source is None:
        raise KeyError(source_id)
    name = source_name(source)
    alignment = align(source.text, fresh.text)
    if alignment.same_words:
        return SourceUpdate(source_id, name, False, briefing)
    newer = _newer_source(source, fresh)
    placer = _Placers(source, newer, alignment)
    flagged: list[FlaggedItem] = []
    unchanged = [0]

    def place_item(item: Item) -> Item:
        anchor = item.anchor
        if anchor is None or anchor.source_id != source_id:
            return item
        if anchor.version and item.passage_change is None:
            return item  # the analyst chose to keep citing that version
        placed = placer.place(anchor)
        if placed is None:  # lost even in its own version: it stays with that version
            return item.model_copy(update={"anchor": placer.pinned(anchor)})
        new_anchor, change = placed
        if change is None:
            unchanged[0] += 1
            return item.model_copy(update={"anchor": new_anchor, "passage_change": None})
        flagged.append(FlaggedItem(item.id, item.kind, change.status, new_anchor.text, change.text))
        return item.model_copy(update={"anchor": new_anchor, "passage_change": change})

    sections = tuple(_placed_section(section, place_item) for section in briefing.sections)
    glossary = tuple(_placed_entry(entry, source_id, placer) for entry in briefing.glossary)
    after = briefing.model_copy(
        update={
            "sources": tuple(newer if s.id == source_id else s for s in briefing.sources),
            "sections": sections,
            "glossary": glossary,
            "rejected": tuple(_placed_key(key, source_id, placer) for key in briefing.rejected),
        }
    )
    return SourceUpdate(
        source_id,
        name,
        True,
        after,
        old_version=source.version,
        new_version=newer.version,
        differences=differences(alignment),
        flagged=tuple(flagged),
        unchanged_items=unchanged[0],
    )


def _newer_source(source: Source, fresh: Source) -> Source:
    """source with fresh's text as its next version; its details (which the analyst may
    have corrected) stay, and the text it had is kept as an earlier version."""
    update = {name: getattr(fresh, name) for name in VERSION_FIELDS}
    return source.model_copy(
        update={
            **update,
            "version": source.version + 1,
            "earlier": (*source.earlier, source.as_kept_version()),
        }
    )


class _Placers:
    """Places anchors of any kept version of the article in its newer text."""

    def __init__(self, source: Source, newer: Source, current: Alignment) -> None:
        self.source = source
        self.newer = newer
        self._placers = {source.version: Placer(current)}

    def place(self, anchor: Anchor) -> tuple[Anchor, PassageChange | None] | None:
        """The anchor in the newer text and None when its passage is unchanged; else the
        anchor on the version it cites (pinned) and what changed. None when the passage
        cannot be found even in the version it cites."""
        cited = self.source.cited(anchor)
        found = locate(anchor, cited.text)
        if found is None:
            return None
        placement = self._placer(cited).place(*found)
        if placement.status == "unchanged":
            return make_anchor(self.newer, placement.start, placement.end), None
        pinned = make_anchor(cited, *found).model_copy(update={"version": cited.version})
        return pinned, _change(placement, self.newer.version)

    def pinned(self, anchor: Anchor) -> Anchor:
        """anchor naming the version it cites, so a newer text never gives it meaning."""
        return (
            anchor if anchor.version else anchor.model_copy(update={"version": self.source.version})
        )

    def place_range(self, start: int, end: int) -> Placement:
        return self._placers[self.source.version].place(start, end)

    def _placer(self, cited: Source) -> Placer:
        if cited.version not in self._placers:
            self._placers[cited.version] = Placer(align(cited.text, self.newer.text))
        return self._placers[cited.version]


def _change(placement: Placement, version: int) -> PassageChange:
    status: Literal["changed", "gone"] = "gone" if placement.status == "gone" else "changed"
    return PassageChange(
        status=status,
        version=version,
        start=placement.start,
        end=placement.end,
        text=placement.text,
    )


def _placed_section(section: Section, place_item: Callable[[Item], Item]) -> Section:
    items = tuple(place_item(item) for item in section.items)
    if all(new is old for new, old in zip(items, section.items, strict=True)):
        return section
    return section.model_copy(update={"items": items})


def _placed_entry(entry: GlossaryEntry, source_id: str, placer: _Placers) -> GlossaryEntry:
    """A glossary entry follows its passage when unchanged; else it keeps the version it
    was found in (a definition is not a claim to flag)."""
    anchor = entry.anchor
    if anchor is None or anchor.source_id != source_id or anchor.version:
        return entry
    placed = placer.place(anchor)
    new_anchor = placer.pinned(anchor) if placed is None else placed[0]
    return entry.model_copy(update={"anchor": new_anchor})


def _placed_key(key: str, source_id: str, placer: _Placers) -> str:
    """A rejected proposal's key moved with its passage, so it stays rejected when the
    newer text proposes it again; keys of other articles, or of changed passages, stay."""
    kind, _, rest = key.partition(":")
    key_source, _, span = rest.partition(":")
    start_text, _, end_text = span.partition(":")
    if key_source != source_id or not (start_text.isdigit() and end_text.isdigit()):
        return key
    placement = placer.place_range(int(start_text), int(end_text))
    if placement.status != "unchanged":
        return key
    return f"{kind}:{source_id}:{placement.start}:{placement.end}"
