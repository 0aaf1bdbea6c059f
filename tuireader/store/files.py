"""Safe file handling for the notes store: locks, atomic replace, backups, permissions.

Every write goes: temporary file in the same folder -> fsync -> the old file hard-linked
to ``.bak`` -> rename over -> fsync the folder. A crash at any point leaves either the old
or the new file, never a torn one. Temporary files are only made under the lock, so any
found while holding it are left over from a crash and are removed.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import hashlib
import os
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from tuireader.safe_read import FileTooLargeError, NotRegularFileError, read_regular_file

DIR_MODE = 0o700
FILE_MODE = 0o600
#: The largest notes file read (10,000 notes are about 6 MiB).
MAX_FILE_BYTES = 64 * 1024 * 1024
LOCK_TIMEOUT = 10.0
TMP_SUFFIX = ".tmp"


class StoreIOError(Exception):
    """A file operation failed; the message is one plain sentence for the user."""


class NotSyncedError(StoreIOError):
    """The file was replaced, but the folder could not be synced: the change is there for
    everyone to read, and a crash of the system soon after could still undo it."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"The change was saved, but {reason}.")
        self.reason = reason


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "an input/output error",
}


def os_reason(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, error.strerror or type(error).__name__)


def describe_os_error(error: OSError, action: str, path: Path) -> str:
    return f"Could not {action} {path}: {os_reason(error)}."


def ensure_private_dir(path: Path) -> list[str]:
    """Create ``path`` (0700) if needed; tighten it if we own it and it is looser.

    Returns warnings for what could not be fixed (a folder someone else owns).
    """
    warnings: list[str] = []
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        info = path.stat()
    except OSError as error:
        raise StoreIOError(describe_os_error(error, "create the notes folder", path)) from None
    if info.st_mode & 0o077:
        if info.st_uid == os.geteuid():
            with contextlib.suppress(OSError):
                path.chmod(DIR_MODE)
        else:
            warnings.append(
                f"The notes folder {path} belongs to another user and others can read it."
            )
    return warnings


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The file's bytes, None if it does not exist; StoreIOError if unreadable, too big,
    or not a regular file (a pipe or a device, even through a symbolic link)."""
    try:
        return read_regular_file(path, limit)
    except FileNotFoundError:
        return None
    except NotRegularFileError as error:
        raise StoreIOError(
            f"The notes file {path} is {error.what}, not a regular file, so it was not read."
        ) from None
    except FileTooLargeError as error:
        raise StoreIOError(
            f"The notes file {path} is {error.size // (1024 * 1024)} MiB, larger than the "
            f"{limit // (1024 * 1024)} MiB this program reads."
        ) from None
    except OSError as error:
        raise StoreIOError(describe_os_error(error, "read", path)) from None


def read_small(path: Path, limit: int) -> bytes | None:
    """A pointer's or cache's bytes; None if missing, unreadable, too big or not a regular
    file: those only save work, and the work is done again without them."""
    try:
        return read_regular_file(path, limit)
    except OSError:
        return None


@contextlib.contextmanager
def locked(lock_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (created if missing, never deleted)."""
    # O_NONBLOCK: a named pipe in the lock's place must not make open() wait forever.
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, FILE_MODE)
    except OSError as error:
        # A read-only folder still lets us read: lock on the file we can open, if any.
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and lock_path.exists():
            fd = os.open(lock_path, os.O_RDONLY | os.O_NONBLOCK)
        else:
            raise StoreIOError(describe_os_error(error, "lock", lock_path)) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreIOError(
                        f"The notes file is locked by another session ({lock_path})."
                    ) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def real_path(path: Path) -> Path:
    """The file ``path`` names: through a symbolic link (or a chain of them) to the file
    it points to, which is the one to replace, so that the link stays a link."""
    return path.resolve() if path.is_symlink() else path


def _through_link(target: Path) -> Path:
    """Where to write for ``target``: the file a link points to, if that is a regular
    file or does not exist yet; StoreIOError for a link to anything else (a device, a
    pipe, a folder), which must never be replaced."""
    real = real_path(target)
    if real == target:
        return target
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    except OSError as error:
        raise StoreIOError(describe_os_error(error, "save", target)) from None
    if not stat.S_ISREG(mode):
        raise StoreIOError(
            f"Could not save {target}: it is a link to {real}, which is not a regular file."
        )
    return real


def remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Delete temporary files left by a writer that died (call with the lock held)."""
    for leftover in folder.glob(f"{glob.escape(prefix)}.*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(
    target: Path, data: bytes, *, backup: bool = True, sync: bool = True, through: bool = False
) -> None:
    """Replace ``target`` with ``data`` so that a crash leaves the old or the new file.

    Call with the lock held. On failure the target is untouched and the temporary file is
    removed; StoreIOError says what went wrong. NotSyncedError means the target was
    replaced but its folder could not be synced afterwards. With ``through``, a symbolic
    link to a regular file is written through: that file is replaced (its backup made
    beside it) and the link stays; without, a link is replaced like a file.
    """
    if through:
        target = _through_link(target)
    tmp = target.with_name(f"{target.name}.{os.getpid()}{TMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            _write_all(fd, data)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        if backup and target.exists():
            bak_tmp = target.with_name(f"{target.name}.bak.{os.getpid()}{TMP_SUFFIX}")
            with contextlib.suppress(FileNotFoundError):
                bak_tmp.unlink()
            try:
                os.link(target, bak_tmp)
            except OSError:  # a file system without hard links: copy instead
                shutil.copyfile(target, bak_tmp)
            os.replace(bak_tmp, target.with_name(target.name + ".bak"))
            # rename() of two links to one file does nothing and leaves the source: that is
            # the case when a writer died between making the backup and replacing the file.
            with contextlib.suppress(FileNotFoundError):
                bak_tmp.unlink()
        os.replace(tmp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreIOError(describe_os_error(error, "save", target)) from None
    if sync:
        try:
            _fsync_dir(target.parent)
        except OSError as error:
            raise NotSyncedError(
                f"the folder {target.parent} could not be synced to disk ({os_reason(error)})"
            ) from None


def copy_aside(path: Path, label: str, data: bytes) -> Path | None:
    """Keep ``data`` in a file next to ``path``, named for the time and the content
    (``name.corrupt-20260101T120000-1a2b3c4d5e6f``). One copy per distinct content: if
    one with this content is there already, that one is the copy."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    for existing in path.parent.glob(f"{glob.escape(path.name)}.{label}-*-{digest}"):
        return existing
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}-{digest}")
    try:
        if not aside.exists():
            fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            try:
                _write_all(fd, data)
            finally:
                os.close(fd)
        return aside
    except OSError:
        return None


def is_private(path: Path) -> bool:
    try:
        return not (path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    except OSError:
        return False
