"""Open Recent survives names a file system refuses (too long, NUL bytes) in its settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.recent import RecentFiles


def test_unusable_stored_names_are_dropped_not_raised(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    real = tmp_path / "kept.briefing"
    real.write_text("{}", encoding="utf-8")
    settings.setValue("recent/files", [str(tmp_path / ("x" * 5000)), "bad\x00name", str(real), 42])
    recent = RecentFiles(settings)

    assert recent.paths() == [real]
    recent.add(tmp_path / "kept.briefing")
    assert recent.paths() == [real.resolve()]
