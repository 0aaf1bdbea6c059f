"""Search in the reader: ``/`` opens the field; matches are highlighted as you type and
counted across the whole document; ``enter`` lists them; ``.`` and ``,`` go to the next and
previous match while you read on; ``escape`` ends the search.

The field (:class:`~tuireader.ui.widgets.search_bar.SearchBar`) runs the search; the
stepping order is the headless :class:`~tuireader.search_steps.MatchSteps`. This helper
connects them to the reader screen, whose actions and handlers call it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tuireader.search import SPEAKER, Hit, Query, search_document
from tuireader.search_steps import MatchSteps
from tuireader.titles import short_title
from tuireader.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from tuireader.ui.reader.screen import ReaderScreen

#: The reader's bindings that only work while a search is on (led with in the key bar).
SEARCH_KEYS = ("next-match", "previous-match", "end-search")


class SearchFlow:
    """The search state of one reader screen: the last query, its hits, the current hit."""

    def __init__(self, screen: ReaderScreen) -> None:
        self._screen = screen
        self.active = False
        self._last_query = ""
        self._hits: list[Hit] = []
        self._pattern: re.Pattern[str] | None = None
        self._steps: MatchSteps | None = None
        self._current: int | None = None
        self._list_when_found: str | None = None  # enter came before the search ended

    def _search(self, query: Query) -> list[Hit]:
        """Runs in the bar's worker thread, over the document shown when it starts."""
        screen = self._screen
        return list(search_document(screen.document, query, screen.notes))

    async def open(self) -> None:
        screen = self._screen
        bars = screen.query(SearchBar)
        if bars:
            bar = bars.first()
        else:  # made on first use: the reader starts without it
            settings = screen.settings
            bar = SearchBar(
                self._search,
                regex=settings.search_regex,
                case=settings.search_case,
                id="search-bar",
            )
            await screen.mount(bar, before="#status")
        bar.add_class("-open")
        self.active = True
        screen.refresh_bindings()
        bar.open(self._last_query)

    def end(self) -> None:
        screen = self._screen
        self.active = False
        self._hits = []
        self._pattern = None
        self._steps = None
        self._current = None
        self._list_when_found = None
        for bar in screen.query(SearchBar):
            bar.remove_class("-open")
        screen.pane.set_search(None)
        screen.pane.focus()
        screen.refresh_bindings()

    def found(self, event: SearchBar.Found) -> None:
        self._last_query = event.query.text
        self._hits = event.hits
        self._pattern = event.pattern
        self._steps = MatchSteps(event.hits, self._screen.navigator)
        self._current = None
        self._screen.pane.set_search(event.pattern)
        if self._list_when_found == event.query.text:
            self.list_matches(event.query.text)

    def list_matches(self, text: str) -> None:
        """The full-screen list of matches (once the search for ``text`` has finished)."""
        if not text.strip():
            for bar in self._screen.query(SearchBar):
                bar.say("Type what to look for first.")
            return
        if text != self._last_query:
            self._list_when_found = text
            return
        self._list_when_found = None
        if self._pattern is None:  # it could not run (a bad pattern): the bar says why
            return
        from tuireader.ui.screens.search_results import SearchResults

        screen = self._screen
        groups = {}
        for hit in self._hits:
            section = screen.document.section(hit.section_id)
            if section is not None and hit.section_id not in groups:
                name = screen.navigator.short_name(section)
                title = short_title(section.title, 70)
                groups[hit.section_id] = title if name == section.title else f"{name} · {title}"
        count = len(self._hits)
        title = f"“{text}”: {count} match{'' if count == 1 else 'es'}"
        results = SearchResults(title, self._hits, groups, self._pattern)
        screen.app.push_screen(results, self._result_chosen)

    def _result_chosen(self, index: int | None) -> None:
        if index is None:  # closed without choosing: back to the field, to search again
            for bar in self._screen.query(SearchBar):
                bar.focus_field()
            return
        self._screen.pane.focus()
        if index is not None:
            # Once the reader's screen is back: scrolling a suspended screen does not stick.
            self._screen.call_after_refresh(self._go_to_match, index)

    def _go_to_match(self, index: int, wrapped: str = "") -> None:
        """Go to a match and say which it is (``wrapped``: how the step came round)."""
        screen = self._screen
        hit = self._hits[index]
        target = None
        if hit.passage_id is not None:
            target = screen.navigator.position_of_passage(hit.passage_id)
        if target is None:
            screen.tell("That note's passage is no longer in the document.")
            return
        self._current = index
        screen.go(target)
        # The current match is marked in the passage's text (not in a note or a name).
        current = (target.passage, hit.start) if hit.kind not in ("note", SPEAKER) else None
        screen.pane.set_search(self._pattern, current)
        where = f"Match {index + 1} of {len(self._hits)}"
        if wrapped:
            where += f" ({wrapped})"
        if hit.kind == "note":
            keys = screen.key_for("inline-notes")
            where += f" (in a note on this passage: {keys} shows notes)"
        screen.tell(where + ".")

    def step(self, direction: int) -> None:
        screen = self._screen
        steps = self._steps
        found = None
        if steps is not None and screen.position is not None:
            found = steps.step(screen.position, self._current, direction)
        if found is None:
            screen.tell("No matches to go to.")
            return
        wrapped = ""
        if found.wrapped:
            wrapped = (
                "past the last: the first again" if direction > 0 else "before the first: the last"
            )
        self._go_to_match(found.index, wrapped)
