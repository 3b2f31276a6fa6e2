"""Saving and opening .briefing files: versioned JSON, migrated on load, written atomically."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from app.anchors import locate
from app.models import (
    Anchor,
    Briefing,
    GlossaryEntry,
    Item,
    Section,
    Source,
    SourceVersion,
    TextRange,
    carriable_text,
)
from app.validation_words import plain_problem

try:  # advisory locks tell a live save's temporary file from a dead one (POSIX only)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BRIEFING_FORMAT = "briefing-builder/briefing"
BRIEFING_SCHEMA_VERSION = 7
BRIEFING_SUFFIX = ".briefing"
MAX_BRIEFING_BYTES = 200 * 1024 * 1024

# A file's JSON object as read, before validation: its values are whatever the file holds.
JsonDocument = dict[str, Any]
# migrate steps: version N -> N + 1, each a pure function on the raw JSON document.
Migration = Callable[[JsonDocument], JsonDocument]


def _v1_to_v2(document: JsonDocument) -> JsonDocument:
    """Version 2 remembers rejected proposals; a version 1 briefing has rejected none."""
    if isinstance(document.get("briefing"), dict):
        document["briefing"].setdefault("rejected", [])
    return document


def _v2_to_v3(document: JsonDocument) -> JsonDocument:
    """Version 3 adds the export style, the bottom line's likelihood and item grades; their
    defaults are what a version 2 briefing meant. The version still moves on, so that an
    older app refuses a newer file clearly instead of tripping over unknown fields."""
    return document


def _v3_to_v4(document: JsonDocument) -> JsonDocument:
    """Version 4 adds a statement's edited wording, figures' verification, the analyst's
    paragraph roles, section item limits and the page budget; defaults mean what version 3
    did."""
    return document


def _v4_to_v5(document: JsonDocument) -> JsonDocument:
    """Version 5 adds the glossary, follow-up briefings (the previous briefing, question
    histories), figure groups chosen by the analyst and the comparison sections' switches;
    their defaults mean what version 4 did."""
    return document


def _v5_to_v6(document: JsonDocument) -> JsonDocument:
    """Version 6 keeps a snapshot of an article opened from its address; older articles
    were all opened from files or pasted, and have none."""
    return document


def _v6_to_v7(document: JsonDocument) -> JsonDocument:
    """Version 7 keeps an article's earlier versions (Check for Updates), which version each
    item cites and what changed at its passage; a version 6 article has only its first
    version, which every item cites."""
    return document


BRIEFING_MIGRATIONS: dict[int, Migration] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}


class StorageError(Exception):
    """A file could not be saved or opened; str(error) is a sentence for the user."""


class LoadedBriefing(NamedTuple):
    """A briefing as opened, and sentences about what had to be repaired to open it."""

    briefing: Briefing
    repairs: tuple[str, ...]


def save_briefing(briefing: Briefing, path: str | Path) -> None:
    """Write briefing to path atomically: the old file survives any failure mid-save."""
    write_json_document(
        Path(path),
        file_format=BRIEFING_FORMAT,
        schema_version=BRIEFING_SCHEMA_VERSION,
        key="briefing",
        payload=briefing.model_dump(mode="json"),
    )


def write_json_document(
    path: Path, *, file_format: str, schema_version: int, key: str, payload: object
) -> None:
    """A versioned JSON file of this app ({format, schema_version, key: payload}), atomically."""
    document = {"format": file_format, "schema_version": schema_version, key: payload}
    # No indent: json's C encoder only runs without one, and a briefing of tens of thousands
    # of items then writes in a tenth of the time (autosave runs on the GUI thread).
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    atomic_write_bytes(path, utf8_bytes(text))


def utf8_bytes(text: str) -> bytes:
    """text as UTF-8; a character UTF-8 cannot carry (a lone surrogate that reached the
    briefing some way the models did not clean) becomes U+FFFD rather than stopping every
    save of the work from then on."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return carriable_text(text).encode("utf-8", errors="replace")


def load_briefing(path: str | Path) -> Briefing:
    """Read, migrate and validate a .briefing file; StorageError says what is wrong."""
    return open_briefing(path).briefing


def open_briefing(path: str | Path) -> LoadedBriefing:
    """load_briefing, telling also what was repaired (offsets outside an article's text)."""
    path = Path(path)
    document = read_json_document(
        path, expected_format=BRIEFING_FORMAT, max_bytes=MAX_BRIEFING_BYTES
    )
    document = migrate(document, BRIEFING_MIGRATIONS, BRIEFING_SCHEMA_VERSION, name=path.name)
    try:
        briefing = Briefing.model_validate(document["briefing"])
    except (KeyError, ValidationError) as error:
        raise StorageError(f"{path.name} is damaged: {first_problem(error)}") from None
    return repaired_offsets(briefing)


# A \uD800-\uDFFF escape: the only way a UTF-8 JSON file can hand json a lone surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def read_json_document(path: Path, *, expected_format: str, max_bytes: int) -> JsonDocument:
    """The JSON object in path, checked to be of expected_format; StorageError if not.

    Lone surrogates in its strings are replaced, so that whatever opens can be saved again.
    """
    raw = read_bounded(path, max_bytes, what="a file of this app")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StorageError(
            f"{path.name} is damaged and cannot be opened: it is not text in UTF-8."
        ) from None
    document = parse_json(text, name=path.name)
    if not isinstance(document, dict) or document.get("format") != expected_format:
        raise StorageError(f"{path.name} is not a {expected_format.split('/')[-1]} file.")
    if _SURROGATE_ESCAPE.search(raw):  # rare, so the walk below costs ordinary files nothing
        _replace_lone_surrogates(document)
    return document


def parse_json(text: str, *, name: str) -> object:
    """json.loads, with what can go wrong said in words (StorageError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise StorageError(
            f"{name} is damaged and cannot be opened: its contents break off or are "
            f"garbled at line {error.lineno}, column {error.colno}."
        ) from None
    except (RecursionError, ValueError):  # nesting thousands deep, numbers of 5,000 digits
        raise StorageError(
            f"{name} is damaged: its contents are nested or sized beyond "
            "what a file of this app holds."
        ) from None


def _replace_lone_surrogates(document: JsonDocument) -> None:
    """Clean every key and string of document in place; iterative, as files nest deep."""
    pending: list[dict[str, Any] | list[Any]] = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            for index, value in enumerate(node):
                node[index] = _cleaned_value(value, pending)
            continue
        for key in list(node):
            value = _cleaned_value(node.pop(key), pending)
            node[carriable_text(key)] = value


def _cleaned_value(value: object, pending: list[dict[str, Any] | list[Any]]) -> object:
    if isinstance(value, str):
        return carriable_text(value)
    if isinstance(value, dict | list):
        pending.append(value)
    return value


def read_bounded(path: Path, max_bytes: int, *, what: str) -> bytes:
    """path's bytes, refusing a missing or irregular file and anything over max_bytes.

    Only regular files are read (a pipe or a device never ends), and at most one byte past
    the cap whatever the file's size claims, so nothing can make a read unbounded. The type
    is checked on the opened file itself, which was opened without waiting: a pipe put in
    the file's place between a check and the open cannot block the read either.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise StorageError(f"{_shown(path)} does not exist.") from None
    except OSError as error:
        raise StorageError(f"{_shown(path)} cannot be read: {plain_os_error(error)}.") from None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise StorageError(
                    f"{_shown_name(path)} is not a regular file (a folder, device or pipe)."
                )
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise StorageError(f"{_shown(path)} cannot be read: {plain_os_error(error)}.") from None
    if len(data) > max_bytes:
        raise StorageError(f"{_shown_name(path)} is too large to be {what}.")
    return data


def migrate(
    document: JsonDocument, steps: dict[int, Migration], current: int, *, name: str
) -> JsonDocument:
    """Bring document up to schema version current, one step at a time."""
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(f"{name} is damaged: it has no valid schema version.")
    if version > current:
        raise StorageError(
            f"{name} was written by a newer version of Briefing Builder (file format "
            f"{version}; this version reads up to {current}). Update the app to open it. "
            "The file has not been changed."
        )
    while version < current:
        document = steps[version](document)
        version += 1
        document["schema_version"] = version
    return document


# ----- offsets that point outside their article ---------------------------------------


def repaired_offsets(briefing: Briefing) -> LoadedBriefing:
    """briefing with every offset inside its article's text, and what had to move.

    A hand-edited or damaged file can hold offsets past the end of the text (even beyond
    what the window's text widget can count): an item's passage is looked for again by its
    quoted words; one not found keeps its article and words, its place cut to the text's
    end. Paragraph and boilerplate ranges are cut to the text likewise.
    """
    sources = tuple(_source_within_text(source) for source in briefing.sources)
    by_id = {source.id: source for source in sources}
    outcomes: list[str] = []
    sections = tuple(_section_within_text(s, by_id, outcomes) for s in briefing.sections)
    glossary = _glossary_within_text(briefing.glossary, by_id, outcomes)
    unchanged = zip((*sources, *sections), (*briefing.sources, *briefing.sections), strict=True)
    if all(new is old for new, old in unchanged) and glossary is briefing.glossary:
        return LoadedBriefing(briefing, ())
    update = {"sources": sources, "sections": sections, "glossary": glossary}
    repaired = briefing.model_copy(update=update)
    return LoadedBriefing(
        repaired, _repair_sentences(outcomes.count("found"), outcomes.count("lost"))
    )


def _section_within_text(
    section: Section, sources: dict[str, Source], outcomes: list[str]
) -> Section:
    """section itself, or a copy whose items' anchors lie inside their articles; what was
    done to each anchor that did not is added to outcomes."""
    items: list[Item] = []
    for item in section.items:
        anchor, outcome = _anchor_within_text(item.anchor, sources)
        if anchor is item.anchor:
            items.append(item)
        else:
            items.append(item.model_copy(update={"anchor": anchor}))
            outcomes.append(outcome)
    if len(outcomes) == 0 or all(new is old for new, old in zip(items, section.items, strict=True)):
        return section
    return section.model_copy(update={"items": tuple(items)})


def _glossary_within_text(
    entries: tuple[GlossaryEntry, ...], sources: dict[str, Source], outcomes: list[str]
) -> tuple[GlossaryEntry, ...]:
    """entries themselves, or copies whose anchors lie inside their articles (as items')."""
    repaired = []
    for entry in entries:
        anchor, outcome = _anchor_within_text(entry.anchor, sources)
        if anchor is not entry.anchor:
            entry = entry.model_copy(update={"anchor": anchor})
            outcomes.append(outcome)
        repaired.append(entry)
    if all(new is old for new, old in zip(repaired, entries, strict=True)):
        return entries
    return tuple(repaired)


def _repair_sentences(found: int, lost: int) -> tuple[str, ...]:
    sentences = []
    if found:
        sentences.append(
            f"{_count(found)} pointed outside {_its(found)} article's text; "
            f"{'its passage was' if found == 1 else 'their passages were'} found again by "
            f"{_its(found)} quoted words."
        )
    if lost:
        sentences.append(
            f"{_count(lost)} pointed outside {_its(lost)} article's text and "
            f"{'its passage is' if lost == 1 else 'their passages are'} not in it; "
            f"{'it keeps its' if lost == 1 else 'they keep their'} words and article, but no "
            "place in the text."
        )
    return tuple(sentences)


def _count(number: int) -> str:
    return "1 item" if number == 1 else f"{number:,} items"


def _its(number: int) -> str:
    return "its" if number == 1 else "their"


def _anchor_within_text(
    anchor: Anchor | None, sources: dict[str, Source]
) -> tuple[Anchor | None, str]:
    """anchor itself when it lies inside its article (or has none to check against), else
    a repaired one and "found" or "lost"."""
    source = sources.get(anchor.source_id) if anchor is not None else None
    if anchor is None or source is None:
        return anchor, "kept"
    source = source.cited(anchor)  # an item may cite an earlier version of its article
    length = len(source.text)
    if anchor.start <= anchor.end <= length:
        return anchor, "kept"
    start = min(anchor.start, length)
    place = anchor.model_copy(update={"start": start, "end": start})
    moved = locate(place, source.text) if anchor.text else None
    if moved is not None and moved[1] <= length:
        return anchor.model_copy(update={"start": moved[0], "end": moved[1]}), "found"
    return place, "lost"


def _source_within_text(source: Source) -> Source:
    earlier = tuple(_version_within_text(version) for version in source.earlier)
    length = len(source.text)
    paragraphs = _ranges_within(source.paragraphs, length)
    boilerplate = _ranges_within(source.boilerplate, length)
    if (
        paragraphs is source.paragraphs
        and boilerplate is source.boilerplate
        and all(new is old for new, old in zip(earlier, source.earlier, strict=True))
    ):
        return source
    update = {"paragraphs": paragraphs, "boilerplate": boilerplate, "earlier": earlier}
    return source.model_copy(update=update)


def _version_within_text(version: SourceVersion) -> SourceVersion:
    length = len(version.text)
    paragraphs = _ranges_within(version.paragraphs, length)
    boilerplate = _ranges_within(version.boilerplate, length)
    if paragraphs is version.paragraphs and boilerplate is version.boilerplate:
        return version
    return version.model_copy(update={"paragraphs": paragraphs, "boilerplate": boilerplate})


def _ranges_within(ranges: tuple[TextRange, ...], length: int) -> tuple[TextRange, ...]:
    if all(r.end <= length for r in ranges):
        return ranges
    return tuple(
        r if r.end <= length else TextRange(start=r.start, end=length)
        for r in ranges
        if r.start < length
    )


# ----- writing --------------------------------------------------------------------------

# mkstemp's names: the prefix, 8 characters of its alphabet, the suffix.
_TEMP_PATTERN = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp", re.DOTALL)
_TEMP_NAME_BYTES = 96  # of the target's name kept in its temporary file's name
# A temporary file younger than this may be a save that has not yet locked it.
FRESH_TEMP_SECONDS = 5.0
# Without advisory locks (Windows), only files this old count as left by dead saves.
UNLOCKED_TEMP_SECONDS = 600.0


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, flush it to disk, then rename over path.

    Leftovers of earlier saves of the same name that were killed mid-write are removed
    first: each can be as large as the file, and may be what filled the disk.
    """
    try:
        path = _write_target(path)
        existed = path.exists()
    except OSError as error:
        raise StorageError(_save_failure(path, error, existed=True)) from None
    folder = path.parent if str(path.parent) else Path(".")
    remove_interrupted_saves(folder, of=path.name)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=_temp_prefix(path.name), suffix=".tmp", dir=folder
        )
    except OSError as error:
        raise StorageError(f"Cannot save in {_shown(folder)}: {plain_os_error(error)}.") from None
    try:
        _write_and_replace(handle, temp_name, path, data)
    except OSError as error:
        _remove_quietly(temp_name)
        raise StorageError(_save_failure(path, error, existed=existed)) from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _sync_folder(folder)


def _write_and_replace(handle: int, temp_name: str, path: Path, data: bytes) -> None:
    with os.fdopen(handle, "wb") as stream:
        # Locked while it is written, so a clean-up in another window (or at the next
        # start) can tell this live save from the leftover of a killed one.
        _lock_quietly(stream.fileno())
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
        _keep_permissions(path, temp_name)
        if os.name == "posix":  # renaming an open file is fine here: the lock stays to the end
            os.replace(temp_name, path)
    if os.name != "posix":  # pragma: no cover - Windows renames only closed files
        os.replace(temp_name, path)


def _save_failure(path: Path, error: OSError, *, existed: bool) -> str:
    """Why path was not saved, and what is on disk now."""
    if error.errno == errno.ENAMETOOLONG:
        return (
            f"Could not save {_shown_name(path)}: the name is too long for this system. "
            "Choose a shorter name; nothing was written."
        )
    kept = "The previous version of the file is unchanged." if existed else "Nothing was written."
    return f"Could not save {_shown_name(path)}: {plain_os_error(error)}. {kept}"


def plain_os_error(error: OSError) -> str:
    """An OS error in plain words, without the error's number or class."""
    plain = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "permission was denied",
        errno.EPERM: "permission was denied",
        errno.ENAMETOOLONG: "the name is too long for this system",
        errno.ELOOP: "its path has too many symbolic links",
    }
    if error.errno in plain:
        return plain[error.errno]
    reason = error.strerror or "the system refused it"
    return reason[:1].lower() + reason[1:]


def _shown(path: Path) -> str:
    """A path for a message: at most a line long, so a hostile name cannot flood a box."""
    text = str(path)
    return text if len(text) <= 160 else f"…{text[-159:]}"


def _shown_name(path: Path) -> str:
    name = path.name
    return name if len(name) <= 100 else f"{name[:99]}…"


def _temp_prefix(name: str) -> str:
    """.{name}. with name cut so that the temporary file's name never runs past the
    system's limit on names (255 bytes) when path's own name is within it."""
    encoded = os.fsencode(name)
    if len(encoded) > _TEMP_NAME_BYTES:
        name = os.fsdecode(encoded[:_TEMP_NAME_BYTES])
    return f".{name}."


def _write_target(path: Path) -> Path:
    """The regular file a save should replace; a link is followed, anything else refused.

    Renaming over a symbolic link would replace the link, and over a device or pipe would
    replace the device: neither is what saving to that name means.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        raise StorageError(
            f"{_shown(path)} is not a regular file (a folder, device or pipe); choose another name."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError(f"{_shown_name(path)} is read-only; it has not been changed.")
    return path


def _keep_permissions(path: Path, temp_name: str) -> None:
    # mkstemp creates 0600 files; a saved briefing should keep the mode it had (or the umask's).
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every platform.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


# ----- leftovers of killed saves ------------------------------------------------------


def remove_interrupted_saves(
    folder: Path, *, of: str | None = None, suffixes: tuple[str, ...] = ()
) -> int:
    """Remove the temporary files that saves killed mid-write left in folder; how many went.

    of: only those of the file so named; suffixes: only those of files ending so (in a
    folder of the user's, where other programs keep files too). Only this app's temporary
    files are touched: named as atomic_write_bytes names them, regular, the user's own, and
    not being written (a live save holds a lock on its file; without locks, only old ones
    count). Any problem just leaves a file where it is.
    """
    removed = 0
    for entry in _temp_entries(folder, of, tuple(s.lower() for s in suffixes)):
        with contextlib.suppress(OSError):
            removed += _remove_if_abandoned(entry)
    return removed


def _temp_entries(
    folder: Path, of: str | None, suffixes: tuple[str, ...]
) -> Iterator[os.DirEntry[str]]:
    prefix = _temp_prefix(of) if of is not None else "."
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if not (name.startswith(prefix) and _TEMP_PATTERN.fullmatch(name)):
                    continue
                saved_as = name[1 : -len(".12345678.tmp")].lower()  # the target's name
                if not suffixes or saved_as.endswith(suffixes):
                    yield entry
    except OSError:  # a folder gone or unreadable holds nothing to remove
        return


def _remove_if_abandoned(entry: os.DirEntry[str]) -> bool:
    info = entry.stat(follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode) or not _owned(info):
        return False
    age = time.time() - info.st_mtime
    if fcntl is None:  # pragma: no cover - Windows
        if age < UNLOCKED_TEMP_SECONDS:
            return False
        os.unlink(entry.path)
        return True
    # A save creates its file, then locks it: a young empty file may be one in between.
    if info.st_size == 0 and age < FRESH_TEMP_SECONDS:
        return False
    descriptor = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False  # a save is writing it now
            if age < UNLOCKED_TEMP_SECONDS:  # a file system without locks: age decides
                return False
        os.unlink(entry.path)  # still locked by us: no save can start on it meanwhile
        return True
    finally:
        os.close(descriptor)


def _owned(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def _lock_quietly(descriptor: int) -> None:
    if fcntl is None:  # pragma: no cover - Windows
        return
    with contextlib.suppress(OSError):  # a file system without locks still saves
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def first_problem(error: Exception) -> str:
    """The first thing validation found wrong, as a phrase for a message."""
    if isinstance(error, ValidationError):
        return plain_problem(error, whole="the briefing")
    return "its briefing data is missing."
