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
        return [Path(p) for p in stored if isinstance(p, str) and Path(p).is_file()]

    def add(self, path: Path) -> None:
        path = path.resolve()
        kept = [p for p in self.paths() if p != path]
        self._settings.setValue(_KEY, [str(p) for p in [path, *kept][:LIMIT]])

    def clear(self) -> None:
        self._settings.setValue(_KEY, [])
