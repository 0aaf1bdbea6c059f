"""Search in the reader: ``/`` opens the field; hits are highlighted as you type and counted
across the whole document; ``enter`` lists them; ``.`` and ``,`` go to the next and
previous hit while you read on; ``escape`` ends the search. Mixed into ReaderApp.

The search runs in a thread (a 10 MB document takes a moment), the newest query wins.
"""

from __future__ import annotations

import bisect
import re

from textual import on, work
from textual.app import App
from textual.worker import get_current_worker

from tuireader.navigation import Navigator, Position
from tuireader.search import Hit, Query, SearchError, search_document
from tuireader.store import DocumentNotes
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar


class SearchActions(App[int]):
    """See the module docstring. ReaderApp provides the attributes declared here."""

    notes: DocumentNotes | None
    navigator: Navigator
    position: Position | None
    _hits: list[Hit]
    _pattern: re.Pattern[str] | None = None
    _hit_index: int | None = None
    _hit_order: list[tuple[tuple[int, int, int], int]]  # (place in reading order, hit index)
    _last_query: str = ""
    _searching: bool = False

    def _go(self, position: Position, *, force: bool = False) -> None:
        raise NotImplementedError  # ReaderApp moves

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_hit", "previous_hit", "end_search"):
            return self._searching
        return True

    # Opening and closing --------------------------------------------------------------

    async def action_search(self) -> None:
        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:  # made on first use: the reader starts without it
            bar = SearchBar(id="search-bar")
            await self.mount(bar, before="#status")
        bar.add_class("-open")
        self._searching = True
        self.query_one(KeyBar).set_searching(True)
        bar.open(self._last_query)

    def action_end_search(self) -> None:
        self._searching = False
        self._hits = []
        self._hit_order = []
        self._pattern = None
        self._hit_index = None
        for bar in self.query(SearchBar):
            bar.remove_class("-open")
        self.query_one(KeyBar).set_searching(False)
        pane = self.query_one(ReadingPane)
        pane.set_search(None)
        pane.focus()

    @on(SearchBar.Closed)
    def _bar_closed(self) -> None:
        self.action_end_search()

    # Searching ------------------------------------------------------------------------

    @on(SearchBar.Changed)
    def _query_changed(self, event: SearchBar.Changed) -> None:
        self._last_query = event.query.text
        self._run_search(event.query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, query: Query) -> None:
        worker = get_current_worker()
        try:
            pattern = query.compile()
            hits = list(search_document(self.navigator.document, query, self.notes))
        except SearchError as error:
            self.call_from_thread(self._search_failed, str(error))
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._search_done, query, pattern, hits)

    def _search_failed(self, message: str) -> None:
        self._hits = []
        self._hit_order = []
        self._pattern = None
        self.query_one(ReadingPane).set_search(None)
        self.query_one(SearchBar).show_result(message, error=True)

    def _search_done(self, query: Query, pattern: re.Pattern[str] | None, hits: list[Hit]) -> None:
        self._hits = hits
        self._pattern = pattern
        self._hit_index = None
        # Where each text hit is in reading order, worked out once: . and , then bisect.
        self._hit_order = sorted(
            (self._order(hit), index) for index, hit in enumerate(hits) if hit.kind != "note"
        )
        sections = len({h.section_id for h in hits})
        if not query.text:
            message = ""
        elif not hits:
            message = "no matches"
        else:
            count = f"{len(hits)} match{'es' if len(hits) != 1 else ''}"
            message = f"{count} in {sections} section{'s' if sections != 1 else ''}"
        self.query_one(SearchBar).show_result(message)
        self.query_one(ReadingPane).set_search(pattern)

    # Results and moving between hits ---------------------------------------------------

    @on(SearchBar.Submitted)
    def _show_results(self, event: SearchBar.Submitted) -> None:
        from tuireader.ui.screens.search_results import SearchResults

        groups = {}
        for hit in self._hits:
            section = self.navigator.document.section(hit.section_id)
            if section is not None and hit.section_id not in groups:
                name = self.navigator.short_name(section)
                groups[hit.section_id] = (
                    section.title if name == section.title else (f"{name} · {section.title[:70]}")
                )
        title = f"“{event.query.text}”: {len(self._hits)} matches"
        self.push_screen(
            SearchResults(title, self._hits, groups, self._pattern), self._result_chosen
        )

    def _result_chosen(self, index: int | None) -> None:
        self.query_one(ReadingPane).focus()
        if index is not None:
            # Once the reader's screen is back: scrolling a suspended screen does not stick.
            self.call_after_refresh(self._go_to_hit, index)

    def _go_to_hit(self, index: int) -> None:
        hit = self._hits[index]
        target = None
        if hit.passage_id is not None:
            target = self.navigator.position_of_passage(hit.passage_id)
        if target is None:
            self.notify("That note's passage is no longer in the document.", markup=False)
            return
        self._hit_index = index
        self._go(target)
        pane = self.query_one(ReadingPane)
        current = (target.passage, hit.start) if hit.kind not in ("note",) else None
        pane.set_search(self._pattern, current)
        where = f"match {index + 1}/{len(self._hits)}"
        if hit.kind == "note":
            where += " (in a note on this passage: v shows notes)"
        self.notify(where, timeout=2, markup=False)

    def _order(self, hit: Hit) -> tuple[int, int, int]:
        position = self.navigator.position_of_passage(hit.passage_id) if hit.passage_id else None
        if position is None:
            return (1 << 30, 0, 0)
        return (position.section, position.passage, hit.start)

    def action_next_hit(self) -> None:
        self._step(+1)

    def action_previous_hit(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        order = self._hit_order
        if not order or self.position is None:
            self.notify("No matches to go to.", markup=False, timeout=2)
            return
        if self._hit_index is not None and self._hits[self._hit_index].kind != "note":
            here = self._order(self._hits[self._hit_index])
        else:
            here = (self.position.section, self.position.passage, -1 if direction > 0 else 1 << 30)
        if direction > 0:
            at = bisect.bisect_right(order, (here, len(self._hits)))
            chosen = order[at % len(order)][1]  # past the last: wrap to the first
        else:
            at = bisect.bisect_left(order, (here, -1)) - 1
            chosen = order[at][1]  # before the first: -1 wraps to the last
        self._go_to_hit(chosen)
