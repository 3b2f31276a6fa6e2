"""Shared test set-up: Qt runs offscreen, and no test touches the user's real settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure() -> None:
    # Per-user folders (logs, autosave, templates) go to a throwaway home for the whole run.
    import tempfile

    home = tempfile.mkdtemp(prefix="bb-test-home-")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = os.path.join(home, variable.lower())
