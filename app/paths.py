"""The per-user data folder (autosave, user templates), overridable for tests and portable use."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_VARIABLE = "BRIEFING_BUILDER_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else Path(user_data_dir("briefing-builder", False))
