"""The results of a search, grouped by section, each hit with its line of context and the
kind of text it is in. Keys: ``↑``/``↓``, ``enter`` goes there, ``escape`` closes.
Dismisses with the index of the chosen hit, or None."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.search import Hit
from tuireader.ui.keys import hint

MAX_SHOWN = 2000


def highlighted(text: str, pattern: re.Pattern[str] | None) -> Content:
    content = Content(text)
    if pattern is not None:
        for match in pattern.finditer(text):
            content = content.stylize("reverse", match.start(), match.end())
    return content


class SearchResults(ModalScreen[int | None]):
    BINDINGS = [
        # The option list handles enter itself; this names it (and works when rebound).
        Binding("enter", "choose", "Go there", id="results-open"),
        Binding("escape,q", "close", "Close", id="results-close"),
    ]

    def __init__(
        self, title: str, hits: list[Hit], groups: dict[str, str], pattern: re.Pattern[str] | None
    ) -> None:
        super().__init__()
        self._title = title
        self._hits = hits
        self._groups = groups  # section id -> heading
        self._pattern = pattern

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box") as box:
            box.border_title = Content(self._title)
            yield OptionList(id="list-options", markup=False)
            keys = hint(self.app, self.BINDINGS)
            more = len(self._hits) - MAX_SHOWN
            if more > 0:
                keys = Content(f"the first {MAX_SHOWN} are listed ({more} more) · ") + keys
            yield Static(keys, id="list-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        group: str | None = None
        batch: list[Option] = []
        for index, hit in enumerate(self._hits[:MAX_SHOWN]):
            key = hit.section_id if hit.kind != "note" else "notes"
            if key != group:
                group = key
                heading = self._groups.get(key, "Your notes" if key == "notes" else key)
                batch.append(Option(Content.assemble((heading, "bold underline")), disabled=True))
            label = Content.assemble(
                (f"{hit.kind:<8} ", "dim"), highlighted(hit.context, self._pattern)
            )
            batch.append(Option(label, id=str(index)))
        if not batch:
            batch.append(Option(Content("No matches."), disabled=True))
        options.add_options(batch)
        first = next((i for i, o in enumerate(batch) if not o.disabled), None)
        options.highlighted = first
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option_id = options.get_option_at_index(options.highlighted).id
            if option_id is not None:
                self.dismiss(int(option_id))

    def action_close(self) -> None:
        self.dismiss(None)
