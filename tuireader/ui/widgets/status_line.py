"""The status line under the text: where the reader is (``Q3/10 · passage 2/14 · 23%``),
and a short message after it that the next one replaces and that goes after a moment.

Messages about moving ("This is the last answer.") are said here, as a pager says them on
its last line, rather than as notifications piling up over the text.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

#: Seconds a message stays (the next one replaces it sooner).
MESSAGE_SECONDS = 4.0


class StatusLine(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._where = ""
        self._message = ""
        self._timer: Timer | None = None

    @property
    def message(self) -> str:
        """The message shown now, if any."""
        return self._message

    def show(self, where: str, *, keep_message: bool = False) -> None:
        """Where the reader is now; a move answers the last message unless ``keep_message``."""
        self._where = where
        if not keep_message:
            self._message = ""
        self._draw()

    def tell(self, message: str) -> None:
        """A message after the place, replacing the one before."""
        self._message = message
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(MESSAGE_SECONDS, self._clear)
        self._draw()

    def _clear(self) -> None:
        self._message = ""
        self._timer = None
        self._draw()

    def _draw(self) -> None:
        content = Content(self._where)
        if self._message:
            content = Content.assemble(content, "   ", (self._message, "bold"))
        self.update(content, layout=False)  # one line, always: no layout pass
