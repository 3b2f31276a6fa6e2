"""What both writers share: the export error, atomic output and the reference resources."""

from __future__ import annotations

import errno
import os
import stat
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path

from app.storage import StorageError, atomic_write_bytes


class ExportError(Exception):
    """An export that could not be written; str(error) is a sentence for the user."""


@dataclass
class ExportReport:
    """What a user should know about a finished export (e.g. characters no font could show)."""

    path: Path | None = None
    warnings: list[str] = field(default_factory=list)


def write_atomically(path: Path, data: bytes) -> None:
    """Write data over path through a temporary file, so a failure leaves no partial file."""
    problem = target_problem(path)
    if problem:
        raise ExportError(problem)
    try:
        atomic_write_bytes(path, data)
    except StorageError as error:
        raise ExportError(str(error)) from None
    except (OSError, ValueError) as error:  # a last guard: said in words, never a traceback
        raise ExportError(f"Could not write {_shown(path)}: {_reason(error)}.") from None


_NAME_MAX = 255  # bytes in a file name on nearly every file system, when the system won't say
_SHOWN_CHARS = 80  # of a path quoted in a message


def target_problem(path: Path) -> str | None:
    """Why an export cannot be written to path, as a sentence; None when it can be tried.
    Checked before the work starts (and again before writing): a name too long for the
    system, a folder, a pipe or a device where the file would go, a missing folder."""
    name_problem = _name_problem(path)
    if name_problem:
        return name_problem
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return _folder_problem(path)
    except (OSError, ValueError) as error:
        return f"Cannot export to {_shown(path)}: {_reason(error)}. Choose another name."
    if stat.S_ISDIR(found.st_mode):
        return f"{_shown(path)} is a folder; give a file name to export to."
    if not stat.S_ISREG(found.st_mode):
        return (
            f"{_shown(path)} is not a regular file (a pipe, a device or a socket); "
            "choose another name. Nothing was written."
        )
    if not os.access(path, os.W_OK):
        return f"{_shown(path)} is read-only; it has not been changed."
    return None


def _name_problem(path: Path) -> str | None:
    if not path.name:
        return "Give a file name to export to."
    try:
        length = len(os.fsencode(path.name))
    except UnicodeError:
        return "The file name holds characters this system cannot use in a file name."
    limit = _name_limit(path.parent)
    if length > limit:
        return (
            f"The file name is too long for this system ({length} bytes; the most it allows "
            f"is {limit}). Choose a shorter name; nothing was written."
        )
    return None


def _name_limit(folder: Path) -> int:
    try:
        return int(os.pathconf(folder if str(folder) else ".", "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # no pathconf, or no such folder yet
        return _NAME_MAX


def _folder_problem(path: Path) -> str | None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if not folder.is_dir():
            return f"Cannot save in {_shown(folder)}: it does not exist."
    except (OSError, ValueError) as error:
        return f"Cannot export to {_shown(path)}: {_reason(error)}. Choose another name."
    if not os.access(folder, os.W_OK):
        return f"Cannot save in {_shown(folder)}: it cannot be written to."
    return None


def _shown(path: Path) -> str:
    text = str(path)
    return text if len(text) <= _SHOWN_CHARS else "…" + text[-(_SHOWN_CHARS - 1) :]


def _reason(error: Exception) -> str:
    """The system's reason in words ("No space left on device"), never a class name."""
    if isinstance(error, OSError):
        if error.errno == errno.ENAMETOOLONG:
            return "the name is too long for this system"
        if error.errno == errno.ENOSPC:
            return "the disk is full"
        if error.strerror:
            return error.strerror[:1].lower() + error.strerror[1:]
    return "the name cannot be used on this system"


def resource_bytes(name: str) -> bytes:
    """A file shipped in the resources package, found through importlib.resources."""
    return files("resources").joinpath(name).read_bytes()


def resource_path(name: str) -> AbstractContextManager[Path]:
    """A context manager giving a real path of a resource (fonts need a file name)."""
    return as_file(files("resources").joinpath(name))
