"""The "go to" field, shown by ``:`` at the bottom of the reader: a question number
(``14`` or ``Q14``), a section or passage id as the program prints them (``qa-3.p2``), or
a place in percent (``45%``).

Keys: ``enter`` goes there, ``escape`` closes. The text is resolved with the function the
bar was given; it posts :class:`Chosen` with the place, or says why there is none.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tuireader.navigation import Position


class GoToBar(Horizontal):
    BINDINGS = [Binding("escape", "close", "Close", id="go-to-close")]

    class Chosen(Message):
        def __init__(self, position: Position) -> None:
            self.position = position
            super().__init__()

    class Closed(Message):
        pass

    def __init__(
        self,
        resolve: Callable[[str], Position | None],
        *,
        questions: Callable[[], int] = lambda: 0,
        id: str | None = None,
    ):
        """``questions``: how many the document has (now: a large file's grow as it is
        read), to say which numbers there are."""
        super().__init__(id=id)
        self._resolve = resolve
        self._questions = questions

    def compose(self) -> ComposeResult:
        yield Static(Content(":"), id="go-to-prompt")
        yield Input(placeholder="Q number, id (qa-3.p2) or 45%", id="go-to-input")
        yield Static(id="go-to-info")

    def open(self) -> None:
        self.add_class("-open")
        field = self.query_one(Input)
        field.value = ""
        field.focus()
        self.say("")

    def say(self, message: str) -> None:
        self.query_one("#go-to-info", Static).update(Content.assemble((message, "bold $error")))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        position = self._resolve(event.value)
        if position is None:
            self.say(self._nothing_there())
            return
        self.remove_class("-open")
        self.post_message(self.Chosen(position))

    def _nothing_there(self) -> str:
        count = self._questions()
        if count:
            numbers = "Q1" if count == 1 else f"Q1 to Q{count}"
            return f"Nothing here by that name: there are {numbers}; or an id (qa-1.p2), or 45%."
        return "Nothing here by that name: give a section id (intro.p2), or a place in %."

    def action_close(self) -> None:
        self.remove_class("-open")
        self.post_message(self.Closed())
