"""The search field, shown by ``/`` at the bottom of the reader.

Keys (while typing): ``enter`` lists the matches, ``escape`` ends the search,
``ctrl+r`` turns regular expressions on or off, ``ctrl+t`` changes the scope
(everything, questions, answers, comments, speech, notes, bookmarks). Whether regular
expressions start on, and how case is treated, come from the settings (``[search]``).

A moment after typing stops, the bar searches in a thread with the function it was given
(the newest query wins), shows the count, and posts :class:`Found`; it posts
:class:`Submitted` on enter and :class:`Closed` on escape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tuireader.search import Case, Hit, Query, Scope, SearchError

DEBOUNCE = 0.15

#: Runs a query over the document (and its notes): every hit in reading order.
Searcher = Callable[[Query], list[Hit]]


class SearchInput(Input):
    """The field itself; its ``enter`` is named here so the help and key bar can show it."""

    BINDINGS = [Binding("enter", "submit", "List matches", id="search-list")]


def count_text(hits: Sequence[Hit]) -> str:
    """``3 matches in 2 sections``."""
    if not hits:
        return "no matches"
    sections = len({h.section_id for h in hits})
    count = f"{len(hits)} match{'es' if len(hits) != 1 else ''}"
    return f"{count} in {sections} section{'s' if sections != 1 else ''}"


class SearchBar(Horizontal):
    BINDINGS = [
        Binding("ctrl+r", "toggle_regex", "Regex", id="search-regex"),
        Binding("ctrl+t", "next_scope", "Scope", id="search-scope"),
        Binding("escape", "close", "End search", id="search-close"),
    ]

    class Found(Message):
        """A search finished: its hits (none, with ``error``, when it could not run)."""

        def __init__(
            self,
            query: Query,
            pattern: re.Pattern[str] | None,
            hits: list[Hit],
            error: str | None = None,
        ) -> None:
            self.query = query
            self.pattern = pattern
            self.hits = hits
            self.error = error
            super().__init__()

    class Submitted(Message):
        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

    class Closed(Message):
        pass

    def __init__(
        self,
        searcher: Searcher,
        *,
        regex: bool = False,
        case: Case = Case.SMART,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.regex = regex
        self.case = case
        self.scope = Scope.ALL
        self._searcher = searcher
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield SearchInput(placeholder="search the text and your notes", id="search-input")
        yield Static(id="search-info")

    @property
    def current_query(self) -> Query:
        return Query(self.query_one(Input).value, self.regex, self.scope, self.case)

    def open(self, text: str) -> None:
        """Show the field (with the last query) and give it the keyboard."""
        field = self.query_one(Input)
        field.value = text
        field.cursor_position = len(text)
        field.focus()
        self._changed_now()

    def focus_field(self) -> None:
        """Give the field the keyboard again (after the list of matches closed)."""
        self.query_one(Input).focus()

    def say(self, message: str) -> None:
        """A word about the field itself, where the count goes."""
        self._show(message, error=True)

    def _show(self, message: str, error: bool = False) -> None:
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
        query = self.current_query
        if not query.text.strip():  # nothing to look for (spaces alone are not a search)
            self._show("")
            self.post_message(self.Found(query, None, []))
            return
        self._search(query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: Query) -> None:
        worker = get_current_worker()
        try:
            pattern = query.compile()
            hits = self._searcher(query) if pattern is not None else []
        except SearchError as error:
            self.app.call_from_thread(self._finished, self.Found(query, None, [], str(error)))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._finished, self.Found(query, pattern, hits))

    def _finished(self, found: Found) -> None:
        if found.error is not None:
            self._show(found.error, error=True)
        else:
            self._show(count_text(found.hits) if found.query.text else "")
        self.post_message(found)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:  # typed within the debounce: search now, once
            self._timer.stop()
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
