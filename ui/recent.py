"""Open Recent: the last briefings and articles opened, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "recent/files"
LIMIT = 10


class RecentFiles:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        """Remembered files that still exist, newest first."""
        stored = self._settings.value(_KEY, [], type=list) or []
        if not isinstance(stored, list):
            return []  # a settings file edited by hand
        return [Path(p) for p in stored if isinstance(p, str) and _is_file(p)]

    def add(self, path: Path) -> None:
        path = path.resolve()
        kept = [p for p in self.paths() if p != path]
        self._settings.setValue(_KEY, [str(p) for p in [path, *kept][:LIMIT]])

    def clear(self) -> None:
        self._settings.setValue(_KEY, [])


def _is_file(name: str) -> bool:
    # A stored name can be too long for this system, or hold a NUL byte (settings edited by
    # hand, a file system since changed): such a name is simply no longer a recent file.
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False
