"""What both writers share: the export error, atomic output and the reference resources."""

from __future__ import annotations

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
    try:
        atomic_write_bytes(path, data)
    except StorageError as error:
        raise ExportError(str(error)) from None


def resource_bytes(name: str) -> bytes:
    """A file shipped in the resources package, found through importlib.resources."""
    return files("resources").joinpath(name).read_bytes()


def resource_path(name: str) -> AbstractContextManager[Path]:
    """A context manager giving a real path of a resource (fonts need a file name)."""
    return as_file(files("resources").joinpath(name))
