"""Hostile .briefing files and hostile places to save: nothing that opens is unsavable,
no offset leaves its article, no write or read waits on a pipe, and killed saves leave
nothing behind for long."""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app import storage
from app.models import Anchor, Briefing, Note, Section, Source, Statement, TextRange
from app.storage import (
    StorageError,
    load_briefing,
    open_briefing,
    remove_interrupted_saves,
    save_briefing,
)
from tests.factories import rich_briefing
from tests.killed_saves import kill_a_save, temporary_files

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 20  # a case that takes longer is stuck, not slow
TEXT = "The minister said the border stays closed. Talks resume on Monday."


def document_of(briefing: Briefing) -> dict:
    return {
        "format": storage.BRIEFING_FORMAT,
        "schema_version": storage.BRIEFING_SCHEMA_VERSION,
        "briefing": briefing.model_dump(mode="json"),
    }


def finishes(work: Callable[[], object]) -> object:
    """work's result (or the exception it raised), failing if it does not end in time."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed to the test to look at
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_SECONDS)
    assert not thread.is_alive(), "blocked (a pipe opened as if it were a file?)"
    return outcome[0]


# ----- text a UTF-8 file cannot carry ----------------------------------------------------


def test_lone_surrogates_load_clean_and_the_briefing_saves_again(tmp_path: Path) -> None:
    briefing = rich_briefing()
    raw = json.dumps(document_of(briefing))  # ASCII-only: every non-ASCII char escaped
    raw = raw.replace('"Check against', '"\\ud800Check against', 1)  # an item's note
    raw = raw.replace('"test.txt"', '"test\\udcff.txt"', 1)  # a file name's stray byte
    raw = raw.replace('"rejected": []', '"rejected": ["k\\udfff"]', 1)
    raw = raw.replace('"title": "Ministers', '"title": "\\uDBFFMinisters', 1)  # upper case
    path = tmp_path / "surrogates.briefing"
    path.write_text(raw, encoding="ascii")

    loaded = load_briefing(path)

    statement = loaded.sections[0].items[0]
    assert statement.note == "\ufffdCheck against the ministry's transcript."
    assert loaded.sources[0].origin == "test\ufffd.txt"
    assert loaded.rejected == ("k\ufffd",)
    assert len(loaded.sources[0].text) == len(briefing.sources[0].text)  # offsets stay
    edited = loaded.model_copy(update={"title": loaded.title + " (edited)"})
    save_briefing(edited, tmp_path / "saved as.briefing")
    reread = load_briefing(tmp_path / "saved as.briefing")
    assert reread == edited
    (tmp_path / "saved as.briefing").read_bytes().decode("utf-8")  # strict UTF-8


def test_a_paired_surrogate_escape_is_kept_as_its_character(tmp_path: Path) -> None:
    raw = json.dumps(document_of(Briefing(title="x")))
    raw = raw.replace('"title": "x"', '"title": "\\ud83d\\ude00 and \\\\ud800 as text"')
    path = tmp_path / "pair.briefing"
    path.write_text(raw, encoding="ascii")
    assert load_briefing(path).title == "😀 and \\ud800 as text"


def test_a_surrogate_that_bypassed_the_models_still_saves(tmp_path: Path) -> None:
    # model_copy does not validate: the writer is the last line of defence.
    briefing = rich_briefing().model_copy(update={"title": "half \udc80 a pair"})
    path = tmp_path / "w.briefing"
    save_briefing(briefing, path)
    assert load_briefing(path).title == "half \ufffd a pair"


def test_sources_clean_their_names_when_made() -> None:
    source = Source(text="a\udcffb", origin="caf\udce9.txt", title="\ud800")
    assert (source.text, source.origin, source.title) == ("a\ufffdb", "caf\ufffd.txt", "\ufffd")


# ----- offsets outside the article -------------------------------------------------------


def briefing_with_anchor(start: int, end: int, text: str, **extra: object) -> Briefing:
    source = Source(text=TEXT, paragraphs=(TextRange(start=0, end=len(TEXT)),), **extra)
    anchor = Anchor(source_id=source.id, start=start, end=end, text=text)
    statement = Statement(content="The border stays closed", anchor=anchor)
    return Briefing(sections=(Section(title="S", items=(statement,)),), sources=(source,))


def saved(tmp_path: Path, briefing: Briefing) -> Path:
    path = tmp_path / "offsets.briefing"
    path.write_text(json.dumps(document_of(briefing)), encoding="utf-8")
    return path


@pytest.mark.parametrize("start", [len(TEXT) + 1, 10_000, 2**31, 2**40, 10**30])
def test_an_anchor_past_the_text_is_found_again_by_its_words(tmp_path: Path, start: int) -> None:
    words = "the border stays closed"
    briefing, repairs = open_briefing(
        saved(tmp_path, briefing_with_anchor(start, start + len(words), words))
    )
    anchor = briefing.sections[0].items[0].anchor
    assert anchor is not None
    assert TEXT[anchor.start : anchor.end] == words
    assert len(repairs) == 1 and "found again" in repairs[0]


@pytest.mark.parametrize(
    ("start", "end"),
    [(len(TEXT) + 5, len(TEXT) + 9), (3, 2**40), (2**33, 2**34), (20, 5)],
)
def test_an_anchor_whose_words_are_gone_stays_with_its_article_inside_the_text(
    tmp_path: Path, start: int, end: int
) -> None:
    path = saved(tmp_path, briefing_with_anchor(start, end, "words the article never had"))
    briefing, repairs = open_briefing(path)
    item = briefing.sections[0].items[0]
    anchor = item.anchor
    assert anchor is not None and anchor.text == "words the article never had"
    assert 0 <= anchor.start <= anchor.end <= len(TEXT)
    assert item.content == "The border stays closed"  # nothing of the item is lost
    assert len(repairs) == 1 and "not in it" in repairs[0]
    assert "Error" not in repairs[0] and "anchor" not in repairs[0].lower()
    save_briefing(briefing, tmp_path / "again.briefing")
    assert open_briefing(tmp_path / "again.briefing").repairs == ()  # repaired for good


def test_ranges_past_the_text_are_cut_to_it(tmp_path: Path) -> None:
    far = TextRange(start=2**40, end=2**41)
    across = TextRange(start=10, end=2**35)
    briefing = briefing_with_anchor(0, 3, "The", boilerplate=(across, far))
    briefing = briefing.model_copy(
        update={"sources": (briefing.sources[0].model_copy(update={"paragraphs": (across,)}),)}
    )
    source = load_briefing(saved(tmp_path, briefing)).sources[0]
    assert source.boilerplate == (TextRange(start=10, end=len(TEXT)),)
    assert source.paragraphs == (TextRange(start=10, end=len(TEXT)),)


def test_a_sound_briefing_opens_unchanged_with_no_repairs(tmp_path: Path) -> None:
    briefing = rich_briefing(items_per_section=3)
    path = tmp_path / "sound.briefing"
    save_briefing(briefing, path)
    opened = open_briefing(path)
    assert opened.briefing == briefing and opened.repairs == ()


def test_an_unanchored_analyst_note_is_left_alone(tmp_path: Path) -> None:
    briefing = briefing_with_anchor(2**40, 2**40, "")
    briefing = briefing.model_copy(
        update={"sections": (Section(title="S", items=(Note(text="Mine"),)),)}
    )
    assert open_briefing(saved(tmp_path, briefing)).briefing == briefing


# ----- pipes, devices and names the system refuses -----------------------------------------


def test_opening_a_pipe_named_like_a_briefing_does_not_wait(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.briefing"
    os.mkfifo(pipe)
    error = finishes(lambda: load_briefing(pipe))
    assert isinstance(error, StorageError) and "not a regular file" in str(error)


def test_a_device_is_not_read_as_a_briefing() -> None:
    error = finishes(lambda: load_briefing(Path("/dev/zero")))
    assert isinstance(error, StorageError) and "not a regular file" in str(error)


def test_saving_over_a_pipe_does_not_wait_and_leaves_it(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.briefing"
    os.mkfifo(pipe)
    error = finishes(lambda: save_briefing(rich_briefing(), pipe))
    assert isinstance(error, StorageError) and "not a regular file" in str(error)
    assert pipe.is_fifo() and sorted(tmp_path.iterdir()) == [pipe]


def test_a_name_over_the_system_limit_is_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 300 + ".briefing")
    with pytest.raises(StorageError) as caught:
        save_briefing(rich_briefing(), path)
    message = str(caught.value)
    assert "too long" in message and "shorter name" in message and "Errno" not in message
    assert len(message) < 300  # the name is cut in the message, not repeated whole
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StorageError, match="too long"):
        load_briefing(path)


def test_a_name_near_the_limit_saves_although_its_temporary_name_would_not_fit(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("é" * 118 + ".briefing")  # 245 bytes: the limit is 255
    briefing = rich_briefing()
    save_briefing(briefing, path)
    assert load_briefing(path) == briefing and len(list(tmp_path.iterdir())) == 1


# ----- a full disk -----------------------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "fsync", no_space)


def test_a_full_disk_without_an_earlier_file_claims_no_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full_disk(monkeypatch)
    with pytest.raises(StorageError) as caught:
        save_briefing(rich_briefing(), tmp_path / "new.briefing")
    assert "previous version" not in str(caught.value)
    assert "the disk is full" in str(caught.value) and "Nothing was written" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_with_an_earlier_file_says_it_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.briefing"
    save_briefing(rich_briefing(), path)
    before = path.read_bytes()
    full_disk(monkeypatch)
    with pytest.raises(StorageError, match="previous version of the file is unchanged"):
        save_briefing(rich_briefing(items_per_section=2), path)
    assert path.read_bytes() == before


# ----- leftovers of killed saves ---------------------------------------------------------


def test_the_next_save_of_that_file_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    path = tmp_path / "work.briefing"
    kill_a_save(path)
    (left,) = temporary_files(tmp_path)
    assert left.stat().st_size > 100_000  # a briefing's worth of disk
    save_briefing(rich_briefing(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.briefing"]


def test_clean_up_removes_only_abandoned_temporary_files_of_this_app(tmp_path: Path) -> None:
    kill_a_save(tmp_path / "killed.briefing")
    others = [
        "notes.txt",
        ".hidden",
        "report.docx.abcd1234.tmp",  # no leading dot: not a name atomic_write_bytes makes
        ".report.docx.ABCD1234.tmp",  # capitals: not mkstemp's alphabet
        ".report.docx.abc.tmp",
        ".report.docx.abcd1234.tmp.bak",
    ]
    for name in others:
        (tmp_path / name).write_text("keep me", encoding="utf-8")
    (tmp_path / ".linked.docx.abcd1234.tmp").symlink_to(tmp_path / "notes.txt")
    (tmp_path / ".folder.docx.abcd1234.tmp").mkdir()

    assert remove_interrupted_saves(tmp_path) == 1

    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*others, ".linked.docx.abcd1234.tmp", ".folder.docx.abcd1234.tmp"])
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_clean_up_leaves_a_save_that_is_being_written(tmp_path: Path) -> None:
    import fcntl

    live = tmp_path / ".live.briefing.abcd1234.tmp"
    live.write_bytes(b"{" * 1000)
    with live.open("rb") as writer:  # another save holds its file while it writes
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        assert remove_interrupted_saves(tmp_path) == 0
        assert live.exists()
    assert remove_interrupted_saves(tmp_path) == 1  # the save died: its file goes
    assert not live.exists()


def test_clean_up_leaves_a_just_created_empty_file(tmp_path: Path) -> None:
    fresh = tmp_path / ".fresh.briefing.abcd1234.tmp"
    fresh.touch()  # mkstemp made it a moment ago; its save has not locked it yet
    assert remove_interrupted_saves(tmp_path) == 0
    os.utime(fresh, (0, 0))  # long ago: a save killed before writing anything
    assert remove_interrupted_saves(tmp_path) == 1


def test_clean_up_in_a_user_folder_keeps_to_the_suffixes_given(tmp_path: Path) -> None:
    mine = tmp_path / ".brief.briefing.abcd1234.tmp"
    theirs = tmp_path / ".config.ini.abcd1234.tmp"
    for path in (mine, theirs):
        path.write_bytes(b"x" * 100)
    assert remove_interrupted_saves(tmp_path, suffixes=(".BRIEFING", ".docx")) == 1
    assert theirs.exists() and not mine.exists()


def test_clean_up_of_a_missing_or_unreadable_folder_is_quiet(tmp_path: Path) -> None:
    assert remove_interrupted_saves(tmp_path / "missing") == 0
    assert remove_interrupted_saves(Path("/dev/null")) == 0


@pytest.mark.parametrize(
    "damage",
    [
        {"title": ["not", "text"]},
        {"sections": "many"},
        {"sections": [{"title": "S", "items": [{"kind": "spaceship"}]}]},
    ],
)
def test_a_damaged_field_is_named_in_plain_words(tmp_path: Path, damage: dict) -> None:
    document = document_of(rich_briefing())
    document["briefing"].update(damage)
    path = tmp_path / "damaged.briefing"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(StorageError) as refused:
        load_briefing(path)

    message = str(refused.value)
    assert message.startswith("damaged.briefing is damaged: ")
    assert "Error" not in message and "instance of" not in message
    assert "Value error" not in message and "unable to" not in message
    assert "Input" not in message and "tuple" not in message
