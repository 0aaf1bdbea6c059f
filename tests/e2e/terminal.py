"""Run a program in a real pseudo-terminal and read its screen, as a person would see it.

The raw bytes the program writes are kept too, so a test can check what reached the
terminal (no ESC sequence from a document, say).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence

import pyte


class Terminal:
    def __init__(
        self, argv: Sequence[str], cols: int = 80, rows: int = 24, env: dict[str, str] | None = None
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the program
            try:
                os.execvpe(argv[0], list(argv), {**os.environ, **(env or {})})
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.status: int | None = None

    def _pump(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if data:
            self.raw.extend(data)
            self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._pump(0.05)
            if needle in self.text():
                return
            if self.exited():
                break
        raise AssertionError(f"{needle!r} did not appear; the screen was:\n{self.text()}")

    def settle(self, quiet: float = 0.3, timeout: float = 5.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        last = len(self.raw)
        quiet_since = time.monotonic()
        while time.monotonic() < end:
            self._pump(0.05)
            if len(self.raw) != last:
                last, quiet_since = len(self.raw), time.monotonic()
            elif time.monotonic() - quiet_since >= quiet:
                return

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, key.encode())
            self.settle(0.15, 2.0)

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status is not None

    def wait_exit(self, timeout: float = 10.0) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._pump(0.05)
            if self.exited():
                assert self.status is not None
                return self.status
        raise AssertionError(f"the program did not exit; the screen was:\n{self.text()}")

    def close(self) -> None:
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)
