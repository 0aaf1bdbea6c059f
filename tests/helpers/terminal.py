"""A program in a real pseudo-terminal, its screen read with pyte: what a person would see.

Used by the end-to-end tests and by the benchmark (``bench/run.py``). Every byte the
program writes is kept in :attr:`Terminal.raw`, so a test can check what reached the
terminal (no ESC sequence from a document, say) and the benchmark can count bytes.
pyte is fed only when the screen is asked for: interpreting is slow, and a benchmark must
not add pyte's time to the program's.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence

import pyte


class Terminal:
    def __init__(
        self,
        argv: Sequence[str],
        cols: int = 80,
        rows: int = 24,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.started = time.perf_counter()
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        #: Seconds from start until the needle last waited for reached the terminal.
        self.seen_at = 0.0
        self._fed = 0  # how much of raw pyte has seen
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the program
            try:
                os.execvpe(argv[0], list(argv), {**os.environ, **(env or {})})
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.status: int | None = None

    # Reading what the program writes ---------------------------------------------------

    def _read(self, timeout: float) -> bool:
        """Take in what the program wrote within ``timeout``; True if anything came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # the program has gone and its side of the terminal is closed
            return False
        self.raw.extend(data)
        return bool(data)

    def display(self) -> list[str]:
        """The screen's rows as text."""
        if self._fed < len(self.raw):
            self.stream.feed(bytes(self.raw[self._fed :]))
            self._fed = len(self.raw)
        return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(self.display())

    def visible(self, needle: str) -> bool:
        return any(needle in line for line in self.display())

    def wait_for(self, needle: str, timeout: float = 15.0) -> float:
        """Wait until ``needle`` is on screen; the seconds that took.

        The output is searched as it arrives (a real terminal draws it at once), then the
        screen is checked to hold it, so text written and overwritten does not count.
        """
        start = time.perf_counter()
        if self.visible(needle):
            self.seen_at = time.perf_counter() - self.started
            return 0.0
        mark = len(self.raw)
        encoded = needle.encode()
        while time.perf_counter() - start < timeout:
            if self._read(0.005) and self.raw.find(encoded, max(0, mark - len(encoded))) >= 0:
                self.seen_at = time.perf_counter() - self.started
                elapsed = time.perf_counter() - start
                self.drain(0.05)
                if self.visible(needle):
                    return elapsed
                mark = len(self.raw)
            elif self.exited():
                break
        if self.visible(needle):
            return time.perf_counter() - start
        raise AssertionError(f"{needle!r} did not appear; the screen was:\n{self.text()}")

    def wait_until_shown(self, needle: str, timeout: float = 15.0) -> None:
        """Wait until ``needle`` is on the screen as pyte draws it. For text written in
        pieces (a notification over other text goes out run by run of cells), which the
        search of the output in :meth:`wait_for` cannot see whole."""
        end = time.perf_counter() + timeout
        while not self.visible(needle):
            if time.perf_counter() > end or (not self._read(0.05) and self.exited()):
                raise AssertionError(f"{needle!r} was not shown; the screen was:\n{self.text()}")

    def first_frame_with(self, needle: str, timeout: float = 15.0, gap: float = 0.01) -> str:
        """The screen as it was when ``needle`` was first written: the output up to the end
        of that burst of writes (a frame goes out as back-to-back writes), nothing after."""
        end = time.perf_counter() + timeout
        encoded = needle.encode()
        while encoded not in self.raw:
            if time.perf_counter() > end or (not self._read(0.005) and self.exited()):
                raise AssertionError(f"{needle!r} was never written:\n{self.text()}")
        while self._read(gap):
            pass
        return self.text()

    def wait_until_gone(self, needle: str, timeout: float = 120.0) -> float:
        """Seconds from now until ``needle`` is no longer on screen."""
        start = time.perf_counter()
        while self.visible(needle):
            if time.perf_counter() - start > timeout:
                raise AssertionError(f"{needle!r} is still on screen:\n{self.text()}")
            self._read(0.005)
        return time.perf_counter() - start

    def drain(self, quiet: float = 0.2, timeout: float = 5.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        end = time.perf_counter() + timeout
        quiet_until = time.perf_counter() + quiet
        while time.perf_counter() < min(quiet_until, end):
            if self._read(0.01):
                quiet_until = time.perf_counter() + quiet

    # Typing ----------------------------------------------------------------------------

    def send(self, keys: str) -> None:
        """Type ``keys`` (a string, escape sequences included) without waiting."""
        os.write(self.fd, keys.encode())

    def press(self, *keys: str) -> None:
        """Type each key, then wait until the program has answered it."""
        for key in keys:
            self.send(key)
            self.drain(0.15, 2.0)

    # The process -----------------------------------------------------------------------

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status is not None

    def wait_exit(self, timeout: float = 10.0) -> int:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self._read(0.05)
            if self.exited():
                assert self.status is not None
                return self.status
        raise AssertionError(f"the program did not exit; the screen was:\n{self.text()}")

    def peak_rss_mib(self) -> float:
        """The program's high-water mark of resident memory."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)
