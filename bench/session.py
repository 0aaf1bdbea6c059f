"""One run of a program in a pseudo-terminal, timed as a person would see it.

What counts as "painted" is the first frame a person would accept as the page: the
needle (the document's first sentence, which only fits on one line once the text is
wrapped at the real width) is in the output *and* on the screen pyte interprets. Frames
written before it are counted (bursts of output separated by a pause), and so are the
bytes, since over SSH every byte crosses the link.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tests.helpers.terminal import Terminal

#: Output separated by less than this is one frame (Textual writes a frame in pieces).
FRAME_GAP = 0.004


@dataclass
class Paint:
    seconds: float  # from process start until the needle was on screen
    frames_before: int  # frames written before the one that showed it
    bytes_before: int  # bytes written up to and including that frame


class Session:
    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], cols: int = 100, rows: int = 30
    ) -> None:
        self.terminal = Terminal(argv, cols, rows, env)
        self._arrivals: list[tuple[float, int]] = []  # (time, size of raw after the read)
        self._watched: str | None = None
        #: Seconds from start until the watched text left the screen (see watch_until_gone).
        self.gone_at: float | None = None

    def watch_until_gone(self, needle: str) -> None:
        """Note when ``needle`` leaves the screen, whatever is being done meanwhile."""
        self._watched = needle
        self._check_watched()

    def _check_watched(self) -> None:
        if self._watched is not None and not self.terminal.visible(self._watched):
            self.gone_at = time.perf_counter() - self.terminal.started
            self._watched = None

    def _read(self, timeout: float) -> bool:
        got = self.terminal._read(timeout)
        if got:
            self._arrivals.append((time.perf_counter(), len(self.terminal.raw)))
            self._check_watched()
        return got

    def paint(self, needle: str, timeout: float = 120.0) -> Paint:
        """Wait for ``needle`` to be written and shown; when, and what came before it."""
        terminal = self.terminal
        encoded = needle.encode()
        end = time.perf_counter() + timeout
        while encoded not in terminal.raw:
            if time.perf_counter() > end:
                raise TimeoutError(f"{needle!r} never written:\n{terminal.text()}")
            if not self._read(0.002) and terminal.exited():
                raise RuntimeError(f"the program exited:\n{terminal.text()}")
        seen = time.perf_counter() - terminal.started
        position = terminal.raw.find(encoded)
        while self._read(FRAME_GAP):  # the rest of that frame
            pass
        if not terminal.visible(needle):
            raise AssertionError(f"{needle!r} written but not on screen:\n{terminal.text()}")
        frames = 0
        last = None
        for at, size in self._arrivals:
            if size > position:
                break
            if last is None or at - last > FRAME_GAP:
                frames += 1
            last = at
        # The frame holding the needle began with the last burst before it: not "before".
        frames_before = max(0, frames - 1)
        frame_end = max(size for _, size in self._arrivals)
        return Paint(seen, frames_before, frame_end)

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        end = time.perf_counter() + timeout
        quiet_until = time.perf_counter() + quiet
        while time.perf_counter() < min(quiet_until, end):
            if self._read(0.005):
                quiet_until = time.perf_counter() + quiet

    def key(self, keys: str, until: str | None = None, timeout: float = 30.0) -> tuple[float, int]:
        """Press ``keys``; seconds until ``until`` is on screen (or the first output), and
        the bytes written in answer once the output has gone quiet."""
        self.settle(0.2)
        before = len(self.terminal.raw)
        start = time.perf_counter()
        self.terminal.send(keys)
        end = start + timeout
        answered = None
        while answered is None and time.perf_counter() < end:
            if self._read(0.001) and (until is None or self.terminal.visible(until)):
                answered = time.perf_counter() - start
        if answered is None:
            raise TimeoutError(f"no answer to {keys!r}:\n{self.terminal.text()}")
        self.settle(0.25)
        return answered, len(self.terminal.raw) - before

    def bytes_until_quiet(self, quiet: float = 0.5) -> int:
        self.settle(quiet)
        return len(self.terminal.raw)

    def rss_mib(self, field: str = "VmHWM") -> float:
        with open(f"/proc/{self.terminal.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        self.terminal.close()
