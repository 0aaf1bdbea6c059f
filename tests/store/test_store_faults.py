"""Full disks, read-only folders, failing fsync: a clear error, the file untouched, the edit
kept in memory, and the next save succeeds once the fault is gone."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import NOBODY, run_as_nobody
from tests.store.conftest import mount_or_skip, needs_root, snapshot
from tuireader.model import Document
from tuireader.store import NotesStore, StoreError


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    mount_or_skip("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount))
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full(seed: Document, small_disk: Path) -> None:
    notes = NotesStore(small_disk).open(seed)
    notes.add_note("qa-1.p1", "fits")
    notes.save()
    before = snapshot(small_disk / "documents")
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last block
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    big = notes.add_note("qa-2.p1", "x" * 100_000)
    with pytest.raises(StoreError, match="disk is full") as failure:
        notes.save()
    assert "kept" in str(failure.value)
    assert snapshot(small_disk / "documents") == before
    assert notes.pending and notes.get(big.id) is not None
    filler.unlink()
    assert notes.save().saved
    assert NotesStore(small_disk).open(seed).get(big.id) is not None


def test_failing_fsync(seed: Document, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "first")
    notes.save()
    before = snapshot(data_dir / "documents")

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    second = notes.add_note("qa-1.p2", "second")
    with pytest.raises(StoreError, match="input/output error"):
        notes.save()
    after = snapshot(data_dir / "documents")
    assert {k: v for k, v in after.items() if not k.endswith(".cache")} == {
        k: v for k, v in before.items() if not k.endswith(".cache")
    }
    monkeypatch.undo()
    assert notes.save().saved
    assert NotesStore(data_dir).open(seed).get(second.id) is not None


READ_ONLY_SCRIPT = """
import sys
from pathlib import Path
from tuireader.load import open_document
from tuireader.store import NotesStore, StoreError
notes = NotesStore(Path(sys.argv[1])).open(open_document(None))
print("notes:", len(notes.notes()))
notes.add_note("qa-1.p2", "cannot be saved")
try:
    notes.save()
except StoreError as error:
    print("error:", error)
print("pending:", notes.pending)
"""


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder another user can reach (pytest's own are private to root)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="tuireader-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_read_only_folder(seed: Document, open_tmp: Path) -> None:
    """As another user (root ignores permission bits): a folder they cannot write."""
    needs_root()
    tmp_path = open_tmp
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "saved before")
    notes.save()
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    (data_dir / "documents").chmod(0o500)
    before = snapshot(data_dir / "documents")
    result = run_as_nobody("-c", READ_ONLY_SCRIPT, str(data_dir), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "notes: 1" in result.stdout
    assert "error: Could not" in result.stdout and "permission denied" in result.stdout
    assert "pending: True" in result.stdout
    assert snapshot(data_dir / "documents") == before
    (data_dir / "documents").chmod(0o700)
    retry = run_as_nobody("-c", READ_ONLY_SCRIPT, str(data_dir), home=tmp_path)
    assert "error" not in retry.stdout and "pending: False" in retry.stdout


def test_read_only_bind_mount(seed: Document, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "saved before")
    notes.save()
    mount_or_skip("--bind", str(data_dir), str(data_dir))
    try:
        mount_or_skip("-o", "remount,ro,bind", str(data_dir))
        before = snapshot(data_dir)
        again = NotesStore(data_dir).open(seed)
        assert [i.record.body for i in again.notes()] == ["saved before"]
        again.add_note("qa-1.p2", "kept in memory")
        with pytest.raises(StoreError, match="read-only"):
            again.save()
        assert again.pending
        assert snapshot(data_dir) == before
    finally:
        subprocess.run(["umount", "-l", str(data_dir)], check=False)
    assert again.save().saved
    assert len(NotesStore(data_dir).open(seed).notes()) == 2


def test_a_folder_that_cannot_be_synced_after_the_rename(
    seed: Document, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is in place (others read it): a save, with a warning, not a failure that
    would be tried again and the note saved twice."""
    from tuireader.store import files

    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "first")
    notes.save()

    def broken_fsync_dir(folder: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "_fsync_dir", broken_fsync_dir)
    second = notes.add_note("qa-1.p2", "second")
    result = notes.save()
    assert result.saved and not notes.pending
    assert any("saved, but" in m and "could not be synced" in m for m in result.messages)
    monkeypatch.undo()
    assert not notes.save().saved  # nothing left to write
    again = NotesStore(data_dir).open(seed)
    assert [i.record.body for i in again.notes()] == ["first", "second"]
    assert again.get(second.id) is not None


def test_a_save_syncs_the_file_then_renames_then_syncs_the_folder(
    seed: Document, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order that makes a save survive a power cut: the new file's data on disk, the
    rename, then the folder (which holds the rename) on disk (issue 17, 1)."""
    import stat

    calls: list[tuple[str, str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        calls.append(("fsync", kind, os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        calls.append(("replace", str(src), str(dst)))
        real_replace(src, dst)

    notes = NotesStore(data_dir).open(seed)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    for body in ("first", "second"):  # a new file, then one with a backup
        calls.clear()
        notes.add_note("qa-1.p1", body)
        assert notes.save().saved
        [rename] = [i for i, c in enumerate(calls) if c[0] == "replace" and c[2] == str(notes.file)]
        temporary = calls[rename][1]
        assert ("fsync", "file", temporary) in calls[:rename], calls
        folder_syncs = [c for c in calls[rename + 1 :] if c[:2] == ("fsync", "folder")]
        assert folder_syncs and folder_syncs[0][2] == str(notes.file.parent), calls
