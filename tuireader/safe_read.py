"""Reading a file without trusting it: regular files only, and never more than a bound.

A document named on the command line, or a notes file, cache, backup or pointer in the data
folder, may be a named pipe (``open()`` waits for a writer forever), a device such as
``/dev/zero`` (``read()`` never ends), or a symbolic link to one. So each is opened without
blocking, checked to be a regular file, and read up to a limit. Headless.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_CHUNK = 1024 * 1024


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class NotRegularFileError(OSError):
    """The path is a folder, pipe, device or socket: ``what`` says which."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path} is {what}")
        self.path = path
        self.what = what


class FileTooLargeError(OSError):
    """The file holds more than the limit (``size`` is at least what was seen)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit} bytes")
        self.path = path
        self.size = size
        self.limit = limit


def read_regular_file(path: Path, limit: int, *, head: int | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symbolic links followed).

    Raises NotRegularFileError for anything else, FileTooLargeError if it holds more than
    ``limit`` bytes, and OSError as ``open`` does (FileNotFoundError, PermissionError …).
    With ``head``, only the first ``head`` bytes are read (the size limit still applies).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(path, kind_of(info.st_mode))
        if info.st_size > limit:
            raise FileTooLargeError(path, info.st_size, limit)
        wanted = limit + 1 if head is None else min(head, limit + 1)
        chunks: list[bytes] = []
        total = 0
        # The size is a hint (the file may be growing): read it in one go, then to the end.
        step = info.st_size + 1
        while total < wanted:
            chunk = os.read(fd, min(step, wanted - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            step = _READ_CHUNK
        if total > limit:
            raise FileTooLargeError(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
