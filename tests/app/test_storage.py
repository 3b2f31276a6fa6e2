"""Saving and opening .briefing files: round trip, atomicity, damaged and newer files."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import storage
from app.storage import StorageError, load_briefing, migrate, save_briefing
from tests.factories import rich_briefing


def test_round_trip_is_equal(tmp_path: Path) -> None:
    briefing = rich_briefing()
    path = tmp_path / "brief.briefing"
    save_briefing(briefing, path)
    assert load_briefing(path) == briefing
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema_version"] == storage.BRIEFING_SCHEMA_VERSION
    assert document["format"] == storage.BRIEFING_FORMAT


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    save_briefing(rich_briefing(), tmp_path / "a.briefing")
    save_briefing(rich_briefing(), tmp_path / "a.briefing")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.briefing"]


def test_save_killed_mid_write_keeps_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "work.briefing"
    original = rich_briefing()
    save_briefing(original, path)
    before = path.read_bytes()
    # A child process starts saving a much larger briefing and is killed (SIGKILL) after
    # writing part of it, before the rename: the state a crash or power cut leaves.
    script = textwrap.dedent(f"""
        import os, signal
        from app import storage
        from tests.factories import rich_briefing
        real_fsync = os.fsync
        def die(fd):
            os.kill(os.getpid(), signal.SIGKILL)
        os.fsync = die
        storage.save_briefing(rich_briefing(items_per_section=500), {str(path)!r})
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parents[2],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -9, done.stderr.decode()
    leftovers = [p for p in tmp_path.iterdir() if p.name != "work.briefing"]
    assert leftovers and leftovers[0].stat().st_size > 0  # the child had written data
    assert path.read_bytes() == before
    assert load_briefing(path) == original


def test_full_disk_keeps_previous_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "work.briefing"
    save_briefing(rich_briefing(), path)
    before = path.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "fsync", disk_full)
    with pytest.raises(StorageError, match="previous version of the file is unchanged"):
        save_briefing(rich_briefing(items_per_section=3), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.briefing"]


def test_unwritable_folder_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="Cannot save in"):
        save_briefing(rich_briefing(), tmp_path / "missing-folder" / "a.briefing")


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.briefing"
    save_briefing(rich_briefing(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["schema_version"] = storage.BRIEFING_SCHEMA_VERSION + 1
    path.write_text(json.dumps(document), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version of Briefing Builder"):
        load_briefing(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "damaged"),
        (b"\xff\xfe\x00garbage", "damaged"),
        (b"[1, 2, 3]", "not a briefing file"),
        (b'{"format": "briefing-builder/template", "schema_version": 1}', "not a briefing file"),
        (b'{"format": "briefing-builder/briefing"}', "no valid schema version"),
        (
            b'{"format": "briefing-builder/briefing", "schema_version": 1, "briefing": '
            b'{"sections": "oops"}}',
            "damaged",
        ),
        (b'{"format": "briefing-builder/briefing", "schema_version": 1}', "damaged"),
    ],
)
def test_damaged_files_get_clear_messages(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.briefing"
    path.write_bytes(content)
    with pytest.raises(StorageError, match=message):
        load_briefing(path)
    assert path.read_bytes() == content


def test_migrations_run_in_order() -> None:
    steps = {1: lambda d: {**d, "a": 1}, 2: lambda d: {**d, "b": d["a"] + 1}}
    migrated = migrate({"schema_version": 1}, steps, 3, name="x")
    assert migrated == {"schema_version": 3, "a": 1, "b": 2}


def test_a_version_1_file_opens_with_no_rejected_proposals(tmp_path: Path) -> None:
    path = tmp_path / "old.briefing"
    save_briefing(rich_briefing(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["schema_version"] = 1
    del document["briefing"]["rejected"]  # version 1 had no such field
    path.write_text(json.dumps(document), encoding="utf-8")
    loaded = load_briefing(path)
    assert loaded.rejected == ()
    original = rich_briefing()
    assert [i.kind for i in loaded.items()] == [i.kind for i in original.items()]


def test_saving_through_a_symbolic_link_replaces_its_target_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    target = tmp_path / "real.briefing"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.briefing"
    link.symlink_to(target)

    briefing = rich_briefing()

    save_briefing(briefing, link)

    assert link.is_symlink() and load_briefing(target) == briefing


def test_saving_over_a_pipe_is_refused_and_the_pipe_stays(tmp_path: Path) -> None:
    pipe = tmp_path / "out.briefing"
    os.mkfifo(pipe)

    with pytest.raises(StorageError, match="not a regular file"):
        save_briefing(rich_briefing(), pipe)

    assert pipe.is_fifo() and sorted(tmp_path.iterdir()) == [pipe]
