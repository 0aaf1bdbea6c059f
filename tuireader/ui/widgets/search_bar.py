"""The search field, shown by ``/`` at the bottom of the reader.

Keys (while typing): ``enter`` lists the results, ``escape`` ends the search,
``ctrl+r`` turns regular expressions on or off, ``ctrl+t`` changes the scope
(everything, questions, answers, comments, speech, notes, bookmarks).

Posts :class:`Changed` a moment after typing stops, :class:`Submitted` on enter and
:class:`Closed` on escape; the app searches and calls :meth:`show_result`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from tuireader.search import Query, Scope

DEBOUNCE = 0.15


class SearchBar(Horizontal):
    BINDINGS = [
        Binding("ctrl+r", "toggle_regex", "Regex", id="search-regex"),
        Binding("ctrl+t", "next_scope", "Scope", id="search-scope"),
        Binding("escape", "close", "End search", id="search-close"),
    ]

    class Changed(Message):
        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

    class Submitted(Message):
        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.regex = False
        self.scope = Scope.ALL
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield Input(placeholder="search the text and your notes", id="search-input")
        yield Static(id="search-info")

    @property
    def current_query(self) -> Query:
        return Query(self.query_one(Input).value, self.regex, self.scope)

    def open(self, text: str) -> None:
        """Show the field (with the last query) and give it the keyboard."""
        field = self.query_one(Input)
        field.value = text
        field.cursor_position = len(text)
        field.focus()
        self._changed_now()

    def show_result(self, message: str, error: bool = False) -> None:
        flags = [f"scope: {self.scope.value}"]
        if self.regex:
            flags.append("regex")
        if self.current_query.text and self.current_query.case_sensitive:
            flags.append("Aa")
        style = "bold $error" if error else ""
        info = Content.assemble((message, style), ("  " + " · ".join(flags), "dim"))
        self.query_one("#search-info", Static).update(info)

    @on(Input.Changed)
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._changed_now)

    def _changed_now(self) -> None:
        self._timer = None
        self.post_message(self.Changed(self.current_query))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._changed_now()
        self.post_message(self.Submitted(self.current_query))

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self._changed_now()

    def action_next_scope(self) -> None:
        self.scope = self.scope.next()
        self._changed_now()

    def action_close(self) -> None:
        self.post_message(self.Closed())
