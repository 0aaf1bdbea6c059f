"""Files in the data folder that are not regular files (a named pipe, /dev/zero behind a
symbolic link) or are too large: read as far as the limit or not at all, never forever.

Each case runs in a child process with a time and memory limit, so that a regression fails
the test instead of hanging the suite or filling the machine's memory.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tuireader.model import Document
from tuireader.safe_read import FileTooLargeError, NotRegularFileError, read_regular_file
from tuireader.store import NotesStore

OPEN_AND_LIST = """
import sys
from pathlib import Path
from tuireader.load import open_document
from tuireader.store import NotesStore
notes = NotesStore(Path(sys.argv[1])).open(open_document(None))
print("read_only:", notes.read_only)
print("notes:", [i.record.body for i in notes.notes()])
"""

MEMORY_LIMIT = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_child(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=_limit_memory,
    )


@pytest.fixture
def saved(seed: Document, data_dir: Path) -> NotesStore:
    store = NotesStore(data_dir)
    notes = store.open(seed)
    notes.add_note("qa-1.p1", "kept")
    notes.save()
    notes.add_note("qa-1.p2", "second")  # so that a backup exists too
    notes.save()
    return store


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path, 0o600)


def _link_to_fifo(path: Path) -> None:
    fifo = path.with_name(path.name + ".fifo")
    os.mkfifo(fifo, 0o600)
    path.unlink(missing_ok=True)
    path.symlink_to(fifo)


def _zero(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")


#: Files the program writes (caches, pointers) are made pipes, never links to a device: a
#: regression that wrote through a link as root would replace the device itself.
REPLACE: dict[str, Callable[[Path], None]] = {
    "a named pipe": _fifo,
    "a link to a named pipe": _link_to_fifo,
}


@pytest.fixture(autouse=True)
def dev_zero_is_untouched() -> Iterator[None]:
    yield
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode), "a test replaced /dev/zero!"


@pytest.mark.parametrize("what", [*sorted(REPLACE), "a link to /dev/zero"])
def test_a_notes_file_that_is_not_a_regular_file(
    saved: NotesStore, seed: Document, data_dir: Path, what: str
) -> None:
    notes_file = saved.open(seed).file
    {**REPLACE, "a link to /dev/zero": _zero}[what](notes_file)
    result = run_child(data_dir)
    assert result.returncode == 0, result.stderr
    assert "not a regular file" in result.stdout and str(notes_file) in result.stdout
    assert "notes: []" in result.stdout


@pytest.mark.parametrize("what", sorted(REPLACE))
@pytest.mark.parametrize("which", ["cache", "backup", "pointer"])
def test_a_cache_backup_or_pointer_that_is_not_a_regular_file_is_not_read(
    saved: NotesStore, seed: Document, data_dir: Path, what: str, which: str
) -> None:
    """The cache and the pointers only save work, so they are passed over; the backup is
    read only when the notes file is broken, and then it is not shown."""
    notes = saved.open(seed)
    if which == "cache":
        REPLACE[what](notes.cache_file)
        expected = "notes: ['kept', 'second']"
    elif which == "pointer":
        for pointer in (data_dir / "index").iterdir():
            REPLACE[what](pointer)
        expected = "notes: ['kept', 'second']"
    else:
        REPLACE[what](notes.file.with_name(notes.file.name + ".bak"))
        notes.file.write_text("schema: [broken\n")
        expected = "notes: []"
    result = run_child(data_dir)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_a_notes_file_over_the_limit(
    saved: NotesStore, seed: Document, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuireader.store import notes as notes_module

    size = saved.open(seed).file.stat().st_size
    monkeypatch.setattr(notes_module, "MAX_FILE_BYTES", size - 1)
    notes = saved.open(seed)
    assert notes.read_only is not None and "larger than" in notes.read_only
    assert notes.notes() == []


def test_read_regular_file_limits(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100
    assert read_regular_file(path, 1000, head=10) == b"x" * 10
    with pytest.raises(FileTooLargeError) as too_large:
        read_regular_file(path, 99)
    assert (too_large.value.size, too_large.value.limit) == (100, 99)
    with pytest.raises(NotRegularFileError, match="a folder"):
        read_regular_file(tmp_path, 1000)
    with pytest.raises(NotRegularFileError, match="a device"):
        read_regular_file(Path("/dev/zero"), 1000)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("open() waited for a writer")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a watchdog: open() must not wait for a writer that never comes
    try:
        with pytest.raises(NotRegularFileError, match="a named pipe"):
            read_regular_file(fifo, 1000)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_link_to_something_else_than_a_file_is_never_written_through(
    saved: NotesStore, seed: Document, tmp_path: Path
) -> None:
    notes = saved.open(seed)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    notes.file.unlink()
    notes.file.symlink_to(fifo)
    from tuireader.store import files

    with pytest.raises(files.StoreIOError, match="not a regular file"):
        files.atomic_write(notes.file, b"x", through=True)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and notes.file.is_symlink()
    files.atomic_write(notes.file, b"x")  # a cache or a pointer: the link itself replaced
    assert not notes.file.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)
