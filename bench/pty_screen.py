"""A program in a pseudo-terminal, its screen read with pyte: what a person would see."""

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


class Screen:
    def __init__(self, argv: Sequence[str], env: dict[str, str], cols: int = 100, rows: int = 30):
        self.started = time.perf_counter()
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.seen_at = 0.0  # seconds from start until the last needle waited for arrived
        self._fed = 0  # how much of raw pyte has seen: it is fed only when asked (it is slow)
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execvpe(argv[0], list(argv), {**os.environ, **env})
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.raw.extend(data)
        return bool(data)

    def display(self) -> list[str]:
        if self._fed < len(self.raw):
            self.stream.feed(bytes(self.raw[self._fed :]))
            self._fed = len(self.raw)
        return list(self.screen.display)

    def visible(self, needle: str) -> bool:
        return any(needle in line for line in self.display())

    def wait_for(self, needle: str, timeout: float = 120.0) -> float:
        """Seconds from now until ``needle`` reaches the terminal.

        The terminal's input is searched as it arrives (a real terminal draws it at once;
        interpreting it with pyte first would add pyte's own slowness to the figure), then
        the screen is checked to hold it as well.
        """
        start = time.perf_counter()
        if self.visible(needle):
            self.seen_at = 0.0
            return 0.0
        mark = len(self.raw)
        encoded = needle.encode()
        while time.perf_counter() - start < timeout:
            if self._read(0.001) and self.raw.find(encoded, max(0, mark - len(encoded))) >= 0:
                self.seen_at = time.perf_counter() - self.started
                elapsed = time.perf_counter() - start
                self.drain(0.05)
                if self.visible(needle):
                    return elapsed
                mark = len(self.raw)
        raise TimeoutError(f"{needle!r} not on screen:\n" + "\n".join(self.display()))

    def wait_until_gone(self, needle: str, timeout: float = 120.0) -> float:
        """Seconds from now until ``needle`` is no longer on screen."""
        start = time.perf_counter()
        while self.visible(needle):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{needle!r} still on screen")
            self._read(0.005)
        return time.perf_counter() - start

    def press(self, key: str) -> None:
        os.write(self.fd, key.encode())

    def drain(self, quiet: float = 0.2) -> None:
        end = time.perf_counter() + quiet
        while time.perf_counter() < end:
            if self._read(0.01):
                end = time.perf_counter() + quiet

    def peak_rss_mib(self) -> float:
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)
