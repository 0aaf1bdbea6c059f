"""Two sessions at once, and writers killed at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tuireader.model import Document
from tuireader.store import NotesStore

ADDER = """
import sys
from pathlib import Path
from tuireader.load import open_document
from tuireader.store import NotesStore
data_dir, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
notes = NotesStore(data_dir).open(open_document(None))
passages = [p.id for s in notes.document.walk() for p in s.passages]
for n in range(count):
    notes.add_note(passages[n % len(passages)], f"{name} {n}")
    notes.save()
"""


def test_two_processes_adding_500_notes_each_lose_nothing(seed: Document, data_dir: Path) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", ADDER, str(data_dir), name, "500"])
        for name in ("left", "right")
    ]
    for proc in procs:
        assert proc.wait(timeout=300) == 0
    bodies = {item.record.body for item in NotesStore(data_dir).open(seed).notes()}
    assert len(bodies) == 1000
    assert bodies == {f"{name} {n}" for name in ("left", "right") for n in range(500)}


def _writer(data_dir: Path, seed: Document) -> None:
    """The child: saves new notes as fast as it can until it is killed."""
    notes = NotesStore(data_dir).open(seed)
    n = 0
    while True:
        notes.add_note("qa-1.p1", f"note {n} " + "x" * random.randint(0, 3000))
        notes.save()
        n += 1


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(
    seed: Document, data_dir: Path
) -> None:
    rng = random.Random(1234)
    last_count = 0
    for _ in range(200):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                _writer(data_dir, seed)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        notes = NotesStore(data_dir).open(seed)
        assert notes.read_only is None, notes.read_only
        count = len(notes.notes())
        assert count >= last_count  # old or new state, never less
        last_count = count
    # Leftover temporary files are removed by the next writer, under the lock.
    survivor = NotesStore(data_dir).open(seed)
    survivor.add_note("qa-2.p1", "after the storm")
    survivor.save()
    folder = data_dir / "documents"
    assert not list(folder.glob("*.tmp")), (os.getpid(), sorted(p.name for p in folder.iterdir()))
    assert len(NotesStore(data_dir).open(seed).notes()) == last_count + 1
    assert last_count > 0


def test_concurrent_edits_of_one_note_keep_both_texts(seed: Document, data_dir: Path) -> None:
    first = NotesStore(data_dir).open(seed)
    note = first.add_note("qa-3.p1", "original")
    first.save()
    second = NotesStore(data_dir).open(seed)
    first.edit_note(note.id, "edited in the first session")
    second.edit_note(note.id, "edited in the second session")
    first.save()
    result = second.save()
    assert result.messages and "both texts" in result.messages[0]
    body = NotesStore(data_dir).open(seed).get(note.id)
    assert body is not None
    assert "edited in the first session" in body.body
    assert "edited in the second session" in body.body


def test_a_stale_session_cannot_resurrect_a_deleted_note(seed: Document, data_dir: Path) -> None:
    first = NotesStore(data_dir).open(seed)
    note = first.add_note("qa-3.p1", "to delete")
    keep = first.add_note("qa-3.p2", "to keep")
    first.save()
    stale = NotesStore(data_dir).open(seed)  # holds both notes in memory
    first.delete(note.id)
    first.save()
    stale.add_note("qa-4.p1", "new in the stale session")
    stale.save()
    bodies = sorted(i.record.body for i in NotesStore(data_dir).open(seed).notes())
    assert bodies == ["new in the stale session", "to keep"]
    assert keep.id in {i.record.id for i in NotesStore(data_dir).open(seed).notes()}


def test_an_edit_of_a_note_deleted_elsewhere_is_kept_as_a_new_note(
    seed: Document, data_dir: Path
) -> None:
    first = NotesStore(data_dir).open(seed)
    note = first.add_note("qa-3.p1", "v1")
    first.save()
    second = NotesStore(data_dir).open(seed)
    first.delete(note.id)
    first.save()
    second.edit_note(note.id, "v2 typed meanwhile")
    result = second.save()
    assert result.messages
    items = NotesStore(data_dir).open(seed).notes()
    assert [i.record.body for i in items] == ["v2 typed meanwhile"]
    assert items[0].record.id != note.id


def test_refresh_shows_other_sessions_notes(seed: Document, data_dir: Path) -> None:
    mine = NotesStore(data_dir).open(seed)
    other = NotesStore(data_dir).open(seed)
    assert not mine.refresh()
    other.add_note("qa-5.p1", "from elsewhere")
    other.save()
    mine.add_note("qa-6.p1", "mine, not saved yet")
    assert mine.refresh()
    assert {i.record.body for i in mine.notes()} == {"from elsewhere", "mine, not saved yet"}
    mine.save()
    assert {i.record.body for i in NotesStore(data_dir).open(seed).notes()} == {
        "from elsewhere",
        "mine, not saved yet",
    }


def test_every_leftover_temporary_is_removed(seed: Document, data_dir: Path) -> None:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "first")
    notes.save()
    folder = data_dir / "documents"
    for pid in range(40):  # what writers killed at various points leave behind
        (folder / f"{notes.key}.yaml.{pid}.tmp").write_bytes(b"half")
        (folder / f"{notes.key}.yaml.bak.{pid}.tmp").write_bytes(b"half")
        (folder / f"{notes.key}.cache.{pid}.tmp").write_bytes(b"half")
    notes.add_note("qa-1.p2", "second")
    notes.save()
    assert not list(folder.glob("*.tmp"))


def test_a_backup_that_is_the_file_itself_leaves_nothing_behind(
    seed: Document, data_dir: Path
) -> None:
    """A writer killed after making the backup, before replacing the file, leaves the
    backup as a second link to the file; rename() between two links does nothing."""
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "first")
    notes.save()
    backup = notes.file.with_name(notes.file.name + ".bak")
    backup.unlink(missing_ok=True)
    os.link(notes.file, backup)
    notes.add_note("qa-1.p2", "second")
    notes.save()
    assert not list((data_dir / "documents").glob("*.tmp"))
    assert len(NotesStore(data_dir).open(seed).notes()) == 2


def test_the_newer_reading_position_wins(
    seed: Document, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sessions move and save: whichever moved last is where the reader reopens, even
    when the one that moved first saves last (issue 17, 5)."""
    from tuireader.store import notes as notes_module

    stamps = iter(f"2026-01-01T00:00:0{n}.000000Z" for n in range(10))
    monkeypatch.setattr(notes_module, "now", lambda: next(stamps))
    first = NotesStore(data_dir).open(seed)
    second = NotesStore(data_dir).open(seed)
    first.set_position("qa-2.p1")  # earlier
    second.set_position("qa-5.p1")  # later
    assert second.save().saved
    assert first.save().saved  # saves last, but moved first
    assert NotesStore(data_dir).open(seed).position == "qa-5.p1"
    first.set_position("qa-7.p1")  # now the first session moves last
    first.save()
    second.add_note("qa-1.p1", "a note, no move")  # a session that did not move since
    second.save()
    assert NotesStore(data_dir).open(seed).position == "qa-7.p1"
