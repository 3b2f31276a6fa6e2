"""Saving and opening .briefing files: versioned JSON, migrated on load, written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.models import Briefing

BRIEFING_FORMAT = "briefing-builder/briefing"
BRIEFING_SCHEMA_VERSION = 4
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


BRIEFING_MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


class StorageError(Exception):
    """A file could not be saved or opened; str(error) is a sentence for the user."""


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
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    atomic_write_bytes(path, data)


def load_briefing(path: str | Path) -> Briefing:
    """Read, migrate and validate a .briefing file; StorageError says what is wrong."""
    path = Path(path)
    document = read_json_document(
        path, expected_format=BRIEFING_FORMAT, max_bytes=MAX_BRIEFING_BYTES
    )
    document = migrate(document, BRIEFING_MIGRATIONS, BRIEFING_SCHEMA_VERSION, name=path.name)
    try:
        return Briefing.model_validate(document["briefing"])
    except (KeyError, ValidationError) as error:
        raise StorageError(f"{path.name} is damaged: {first_problem(error)}") from None


def read_json_document(path: Path, *, expected_format: str, max_bytes: int) -> JsonDocument:
    """The JSON object in path, checked to be of expected_format; StorageError if not."""
    raw = read_bounded(path, max_bytes, what="a file of this app")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StorageError(f"{path.name} is damaged and cannot be opened ({error}).") from None
    except (RecursionError, ValueError):  # nesting thousands deep, numbers of 5,000 digits
        raise StorageError(
            f"{path.name} is damaged: its JSON is nested or sized beyond "
            "what a file of this app holds."
        ) from None
    if not isinstance(document, dict) or document.get("format") != expected_format:
        raise StorageError(f"{path.name} is not a {expected_format.split('/')[-1]} file.")
    return document


def read_bounded(path: Path, max_bytes: int, *, what: str) -> bytes:
    """path's bytes, refusing a missing or irregular file and anything over max_bytes.

    Only regular files are read (a pipe or a device never ends), and at most one byte past
    the cap whatever the file's size claims, so nothing can make a read unbounded.
    """
    try:
        if not path.is_file():
            missing = not path.exists()
            raise StorageError(
                f"{path} does not exist." if missing else f"{path.name} is not a regular file."
            )
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise StorageError(f"{path} cannot be read: {error.strerror or error}.") from None
    if len(data) > max_bytes:
        raise StorageError(f"{path.name} is too large to be {what}.")
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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, flush it to disk, then rename over path."""
    path = _write_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StorageError(f"Cannot save in {folder}: {error.strerror or error}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(path, temp_name)
        os.replace(temp_name, path)
    except OSError as error:
        _remove_quietly(temp_name)
        raise StorageError(
            f"Could not save {path.name}: {error.strerror or error}. "
            "The previous version of the file is unchanged."
        ) from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _sync_folder(folder)


def _write_target(path: Path) -> Path:
    """The regular file a save should replace; a link is followed, anything else refused.

    Renaming over a symbolic link would replace the link, and over a device or pipe would
    replace the device: neither is what saving to that name means.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        raise StorageError(
            f"{path} is not a regular file (a folder, device or pipe); choose another name."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError(f"{path.name} is read-only; it has not been changed.")
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


def first_problem(error: Exception) -> str:
    """The first thing validation found wrong, as a phrase for a message."""
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{first['msg']} at {where}."
    return "its briefing data is missing."
