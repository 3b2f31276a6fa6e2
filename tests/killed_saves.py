"""A save killed mid-write, for the tests of what the next save or start cleans up."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kill_a_save(path: Path) -> None:
    """A child process saves a large briefing to path and is killed mid-write."""
    script = textwrap.dedent(f"""
        import os, signal
        from app import storage
        from tests.factories import rich_briefing
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
        storage.save_briefing(rich_briefing(items_per_section=300), {str(path)!r})
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()


def temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]
