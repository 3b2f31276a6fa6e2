"""Every change to a briefing, as a pure function: (Briefing, ...) -> new Briefing.

The window applies these through one undoable choke point, so nothing changes a briefing
without being undoable and autosaved. Edits carrying user input re-validate the result,
because pydantic's model_copy does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import TypeAdapter

from app.models import Briefing, Item, ItemKind, Section, Source, passage_key

HEADER_FIELDS = ("title", "date", "author", "marking", "bottom_line", "likelihood")
UNSORTED = "Unsorted"


class EditError(ValueError):
    """An edit that cannot apply, e.g. to an item that no longer exists."""


def set_header(briefing: Briefing, field: str, value: Any) -> Briefing:
    """Change one header field (title, date, author, marking, bottom line, likelihood)."""
    if field not in HEADER_FIELDS:
        raise EditError(f"{field} is not a briefing header field")
    return _validated(briefing, {field: value})


def add_source(briefing: Briefing, source: Source) -> Briefing:
    """Add an article; a briefing still without a title takes the article's."""
    update: dict[str, Any] = {"sources": (*briefing.sources, source)}
    if not briefing.title.strip() and not briefing.sources:
        update["title"] = source.title
    return briefing.model_copy(update=update)


def is_blank(briefing: Briefing) -> bool:
    """True for a briefing with no articles and no items yet (a template may shape it)."""
    return not briefing.sources and not any(section.items for section in briefing.sections)


def replace_source(briefing: Briefing, source: Source) -> Briefing:
    """Put source in place of the article with the same id (e.g. re-read in another encoding)."""
    if briefing.source(source.id) is None:
        raise EditError("that article is no longer in the briefing")
    sources = tuple(source if s.id == source.id else s for s in briefing.sources)
    return briefing.model_copy(update={"sources": sources})


def section_for_kind(briefing: Briefing, kind: ItemKind) -> Section | None:
    """The first section that takes items of kind by default."""
    return next((s for s in briefing.sections if kind in s.kinds), None)


def add_item(
    briefing: Briefing, item: Item, *, section_id: str | None = None, index: int | None = None
) -> Briefing:
    """Put item into section_id (default: the section for its kind, else 'Unsorted')."""
    briefing = _ensure_unsorted(briefing) if section_id is None else briefing
    if section_id is None:
        target = section_for_kind(briefing, item.kind) or _unsorted(briefing)
        section_id = target.id
    section = _section(briefing, section_id)
    items = list(section.items)
    items.insert(len(items) if index is None else max(0, min(index, len(items))), item)
    return _replace_section(briefing, section.model_copy(update={"items": tuple(items)}))


def add_items(briefing: Briefing, items: Sequence[Item]) -> Briefing:
    """Put many items, in order, each into the section for its kind (else 'Unsorted')."""
    if not items:
        return briefing
    kinds = {item.kind for item in items}
    if any(section_for_kind(briefing, kind) is None for kind in kinds):
        briefing = _ensure_unsorted(briefing)
    home = {kind: (section_for_kind(briefing, kind) or _unsorted(briefing)).id for kind in kinds}
    landing: dict[str, list[Item]] = {}
    for item in items:
        landing.setdefault(home[item.kind], []).append(item)
    sections = tuple(
        s.model_copy(update={"items": (*s.items, *landing[s.id])}) if s.id in landing else s
        for s in briefing.sections
    )
    return briefing.model_copy(update={"sections": sections})


def accept_proposals(briefing: Briefing, items: Sequence[Item], keys: Iterable[str]) -> Briefing:
    """Add the items made from accepted proposals; a rejected one among them is rejected no
    more (accepting it is the user changing their mind)."""
    return restore_proposals(add_items(briefing, items), keys)


def remove_item(briefing: Briefing, item_id: str) -> Briefing:
    locate_item(briefing, item_id)  # EditError when it is already gone
    return remove_items(briefing, [item_id])


def remove_items(briefing: Briefing, item_ids: Iterable[str]) -> Briefing:
    """Remove every item whose id is given; ids no longer in the briefing are ignored."""
    gone = set(item_ids)
    sections = tuple(
        s.model_copy(update={"items": tuple(i for i in s.items if i.id not in gone)})
        if any(i.id in gone for i in s.items)
        else s
        for s in briefing.sections
    )
    return briefing.model_copy(update={"sections": sections})


def discard_items(briefing: Briefing, item_ids: Iterable[str]) -> Briefing:
    """Delete items from the briefing and set their proposals aside as rejected, so that a
    later Accept All does not bring back what the analyst took out (Show Rejected does)."""
    gone = set(item_ids)
    keys = [
        passage_key(item.kind, item.anchor.source_id, item.anchor.start, item.anchor.end)
        for item in briefing.items()
        if item.id in gone and item.anchor is not None
    ]
    return reject_proposals(remove_items(briefing, gone), keys)


def update_item(briefing: Briefing, item_id: str, **changes: Any) -> Briefing:
    """Change fields of one item; the changed item is validated like a new one."""
    section, index = locate_item(briefing, item_id)
    old = section.items[index]
    if "id" in changes or "kind" in changes:
        raise EditError("an item's id and kind never change")
    new = type(old).model_validate({**old.model_dump(), **changes})
    items = (*section.items[:index], new, *section.items[index + 1 :])
    return _replace_section(briefing, section.model_copy(update={"items": items}))


def move_item(briefing: Briefing, item_id: str, section_id: str, index: int) -> Briefing:
    """Move an item to position index of section_id (index counted without the item)."""
    item = find_item(briefing, item_id)
    _section(briefing, section_id)  # fail before removing anything
    return add_item(remove_item(briefing, item_id), item, section_id=section_id, index=index)


def move_items(briefing: Briefing, item_ids: Sequence[str], section_id: str, row: int) -> Briefing:
    """Move items (in the order given) to sit together before row of section_id, as a drop
    does; row counts the section's rows before the move, and past its end means 'at the end'.
    Ids no longer in the briefing are ignored."""
    target = _section(briefing, section_id)
    wanted = set(item_ids)
    moving = [item for item in briefing.items() if item.id in wanted]
    order = {item_id: n for n, item_id in enumerate(item_ids)}
    moving.sort(key=lambda item: order[item.id])
    if not moving:
        return briefing
    # Rows above the drop point that leave the section no longer count towards it.
    moved_ids = {item.id for item in moving}
    above = sum(1 for item in target.items[: max(row, 0)] if item.id in moved_ids)
    at = max(0, min(row, len(target.items)) - above)
    briefing = remove_items(briefing, moved_ids)
    kept = list(_section(briefing, section_id).items)
    kept[at:at] = moving
    return _replace_section(briefing, target.model_copy(update={"items": tuple(kept)}))


def move_within(briefing: Briefing, item_id: str, step: int) -> Briefing:
    """Move an item up (step -1) or down (+1), across section borders at the ends."""
    section, index = locate_item(briefing, item_id)
    target = index + step
    if 0 <= target < len(section.items):
        return move_item(briefing, item_id, section.id, target)
    order = [s.id for s in briefing.sections]
    neighbour = order.index(section.id) + step
    if not 0 <= neighbour < len(order):
        return briefing  # already first or last: nothing to do
    other = briefing.sections[neighbour]
    return move_item(briefing, item_id, other.id, len(other.items) if step < 0 else 0)


def reject_proposal(briefing: Briefing, key: str) -> Briefing:
    return reject_proposals(briefing, [key])


def reject_proposals(briefing: Briefing, keys: Iterable[str]) -> Briefing:
    """Hide proposals (by key) from review; they can be restored."""
    already = set(briefing.rejected)
    new = [k for k in dict.fromkeys(keys) if k not in already]
    if not new:
        return briefing
    return briefing.model_copy(update={"rejected": (*briefing.rejected, *new)})


def restore_proposal(briefing: Briefing, key: str) -> Briefing:
    return restore_proposals(briefing, [key])


def restore_proposals(briefing: Briefing, keys: Iterable[str]) -> Briefing:
    """Bring rejected proposals (by key) back into review."""
    back = set(keys)
    if not back.intersection(briefing.rejected):
        return briefing
    kept = tuple(k for k in briefing.rejected if k not in back)
    return briefing.model_copy(update={"rejected": kept})


def locate_item(briefing: Briefing, item_id: str) -> tuple[Section, int]:
    """The section holding item_id and the item's index in it."""
    for section in briefing.sections:
        for index, item in enumerate(section.items):
            if item.id == item_id:
                return section, index
    raise EditError("that item is no longer in the briefing")


def find_item(briefing: Briefing, item_id: str) -> Item:
    section, index = locate_item(briefing, item_id)
    return section.items[index]


def _section(briefing: Briefing, section_id: str) -> Section:
    for section in briefing.sections:
        if section.id == section_id:
            return section
    raise EditError("that section is no longer in the briefing")


def _replace_section(briefing: Briefing, new: Section) -> Briefing:
    sections = tuple(new if s.id == new.id else s for s in briefing.sections)
    return briefing.model_copy(update={"sections": sections})


def _unsorted(briefing: Briefing) -> Section:
    return next(s for s in briefing.sections if s.title == UNSORTED)


def _ensure_unsorted(briefing: Briefing) -> Briefing:
    if any(s.title == UNSORTED for s in briefing.sections):
        return briefing
    if all(section_for_kind(briefing, k) for k in ("statement", "figure", "question", "note")):
        return briefing  # every kind has a home; no need for an extra section
    extra = Section(title=UNSORTED, guidance="Items with no section of their own.")
    return briefing.model_copy(update={"sections": (*briefing.sections, extra)})


def _validated(briefing: Briefing, update: dict[str, Any]) -> Briefing:
    # Validate only the changed fields: re-validating whole articles on every keystroke
    # would make typing in a long briefing slow.
    checked = {
        name: TypeAdapter(_annotation(name)).validate_python(value)
        for name, value in update.items()
    }
    return briefing.model_copy(update=checked)


def _annotation(field: str) -> Any:
    annotation = Briefing.model_fields[field].annotation
    if annotation is None:  # every Briefing field is annotated; pydantic's type allows None
        raise EditError(f"{field} has no type to check against")
    return annotation


# ----- sections ---------------------------------------------------------------------------
ITEM_KINDS: tuple[ItemKind, ...] = ("statement", "figure", "question", "note")
MAX_SECTION_TITLE = 120  # as a template keeps it, so any section can be saved as one
MAX_SECTION_GUIDANCE = 2000
MAX_ITEM_LIMIT = 999
_KEEP: Any = object()  # "leave this field as it is" for set_section_details


def section_position(briefing: Briefing, section_id: str) -> int:
    """The index of section_id among the briefing's sections."""
    for index, section in enumerate(briefing.sections):
        if section.id == section_id:
            return index
    raise EditError("that section is no longer in the briefing")


def add_section(briefing: Briefing, section: Section, index: int | None = None) -> Briefing:
    """Insert section at index (default: at the end); its title and settings are checked."""
    if any(s.id == section.id for s in briefing.sections):
        raise EditError("that section is already in the briefing")
    checked = _checked_section(
        section, section.title, section.guidance, section.kinds, section.item_limit
    )
    sections = list(briefing.sections)
    at = len(sections) if index is None else max(0, min(index, len(sections)))
    sections.insert(at, checked)
    return briefing.model_copy(update={"sections": tuple(sections)})


def rename_section(briefing: Briefing, section_id: str, title: str) -> Briefing:
    """Give a section a new title (trimmed; never empty)."""
    return set_section_details(briefing, section_id, title=title)


def set_section_details(
    briefing: Briefing,
    section_id: str,
    *,
    title: str = _KEEP,
    guidance: str = _KEEP,
    kinds: Iterable[str] = _KEEP,
    item_limit: int | None = _KEEP,
) -> Briefing:
    """Change a section's title, guidance, default item kinds or item limit (None: no limit).

    Fields not given stay as they are; every given one is checked (EditError says why)."""
    section = _section(briefing, section_id)
    new = _checked_section(
        section,
        section.title if title is _KEEP else title,
        section.guidance if guidance is _KEEP else guidance,
        section.kinds if kinds is _KEEP else kinds,
        section.item_limit if item_limit is _KEEP else item_limit,
    )
    return briefing if new == section else _replace_section(briefing, new)


def delete_section(briefing: Briefing, section_id: str, move_items_to: str | None) -> Briefing:
    """Remove a section; its items go to the end of move_items_to, or (None) go with it."""
    section = _section(briefing, section_id)
    if move_items_to == section_id:
        raise EditError("a section's items cannot move into the section being deleted")
    if move_items_to is not None:
        target = _section(briefing, move_items_to)
        moved = target.model_copy(update={"items": (*target.items, *section.items)})
        briefing = _replace_section(briefing, moved)
    kept = tuple(s for s in briefing.sections if s.id != section_id)
    return briefing.model_copy(update={"sections": kept})


def move_section(briefing: Briefing, section_id: str, new_index: int) -> Briefing:
    """Move a section so it ends up at new_index (clamped to the first and last place)."""
    old_index = section_position(briefing, section_id)
    sections = list(briefing.sections)
    moving = sections.pop(old_index)
    sections.insert(max(0, min(new_index, len(sections))), moving)
    return briefing.model_copy(update={"sections": tuple(sections)})


def home_for_items_of(briefing: Briefing, section_id: str) -> Section | None:
    """Where a deleted section's items would best go: the first other section taking the
    kinds they are, else the first other section (None when there is no other)."""
    section = _section(briefing, section_id)
    others = [s for s in briefing.sections if s.id != section_id]
    kinds = {item.kind for item in section.items} or set(section.kinds)
    for candidate in others:
        if kinds and kinds <= set(candidate.kinds):
            return candidate
    for candidate in others:
        if kinds & set(candidate.kinds):
            return candidate
    return others[0] if others else None


def checked_section_title(title: str) -> str:
    """title trimmed, or EditError when it is empty or too long for a section."""
    title = " ".join(str(title).split())
    if not title:
        raise EditError("a section needs a title")
    if len(title) > MAX_SECTION_TITLE:
        raise EditError(f"a section title has at most {MAX_SECTION_TITLE} characters")
    return title


def checked_kinds(kinds: Iterable[str]) -> tuple[ItemKind, ...]:
    """The item kinds given, each once, in the usual order; EditError for an unknown kind."""
    wanted = set(kinds)
    unknown = wanted - set(ITEM_KINDS)
    if unknown:
        raise EditError(f"{', '.join(sorted(unknown))} is not a kind of item")
    return tuple(kind for kind in ITEM_KINDS if kind in wanted)


def checked_item_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise EditError("an item limit is a whole number")
    if not 1 <= limit <= MAX_ITEM_LIMIT:
        raise EditError(f"an item limit lies between 1 and {MAX_ITEM_LIMIT}, or is none")
    return limit


def _checked_section(
    section: Section, title: str, guidance: str, kinds: Iterable[str], item_limit: int | None
) -> Section:
    if len(guidance) > MAX_SECTION_GUIDANCE:
        raise EditError(f"a section's guidance has at most {MAX_SECTION_GUIDANCE} characters")
    return section.model_copy(
        update={
            "title": checked_section_title(title),
            "guidance": guidance.strip(),
            "kinds": checked_kinds(kinds),
            "item_limit": checked_item_limit(item_limit),
        }
    )
