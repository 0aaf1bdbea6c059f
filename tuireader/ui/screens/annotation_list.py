"""All notes (``A``) or all bookmarks (``M``) of the document, grouped by section.

Keys: ``↑``/``↓`` move, ``enter`` jumps to the passage, ``d`` deletes (after asking),
``c`` accepts the new place of an approximately re-found note, ``escape`` closes.
Posts ``DeleteRequested`` and ``ConfirmPlaceRequested`` (see ``ui/messages.py``); the
app changes the store and hands back fresh rows with :meth:`set_rows`. Dismisses with a
record id to jump to, or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.ui.messages import ConfirmPlaceRequested, DeleteRequested
from tuireader.ui.screens.confirm import ConfirmScreen

_QUOTE_CHARS = 140
_BODY_LINES = 3


@dataclass(frozen=True, slots=True)
class Row:
    """One note or bookmark as the list shows it."""

    record_id: str
    group: str  # the section heading it is listed under
    quote: str
    body: str | None  # None for a bookmark
    status: str  # anchored, approximate, orphaned
    where: str  # "Q3 · passage 2", or where it was


def _prompt(row: Row) -> Content:
    parts: list[Content] = []
    if row.body is not None:
        lines = row.body.split("\n")
        shown = lines[:_BODY_LINES] + (["…"] if len(lines) > _BODY_LINES else [])
        parts.append(Content.assemble(("✎ ", "bold"), Content("\n  ".join(shown))))
    quote = " ".join(row.quote.split())
    if len(quote) > _QUOTE_CHARS:
        quote = quote[: _QUOTE_CHARS - 1] + "…"
    parts.append(Content.assemble(("  “", "dim"), (quote, "dim italic"), ("”", "dim")))
    flag = ""
    if row.status == "approximate":
        flag = "  ≈ found approximately: c accepts the new place"
    elif row.status == "orphaned":
        flag = "  ✗ orphaned: its passage is no longer in the document"
    parts.append(Content.assemble(("  " + row.where, "dim"), (flag, "bold")))
    return Content("\n").join(parts)


class AnnotationList(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="list-close"),
        Binding("d,delete", "delete", "Delete", id="list-delete"),
        Binding("c", "confirm_place", "Accept new place", id="list-confirm"),
    ]

    def __init__(self, kind: str, rows: list[Row]) -> None:
        super().__init__()
        self.kind = kind  # "note" or "bookmark"
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box") as box:
            box.border_title = "Notes" if self.kind == "note" else "Bookmarks"
            yield OptionList(id="list-options", markup=False)
            yield Static(
                Content("enter: go there · d: delete · c: accept a new place · esc: close"),
                id="list-help",
            )

    def on_mount(self) -> None:
        self.set_rows(self._rows)
        self.query_one(OptionList).focus()

    def set_rows(self, rows: list[Row]) -> None:
        self._rows = rows
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not rows:
            empty = (
                "No notes yet: a adds one."
                if self.kind == "note"
                else "No bookmarks yet: m adds one."
            )
            options.add_option(Option(Content(empty), disabled=True))
            return
        group: str | None = None
        for row in rows:
            if row.group != group:
                group = row.group
                options.add_option(
                    Option(Content.assemble((group, "bold underline")), disabled=True)
                )
            options.add_option(Option(_prompt(row), id=row.record_id))
        first = next(
            i for i in range(options.option_count) if not options.get_option_at_index(i).disabled
        )
        if (
            highlighted is None
            or highlighted >= options.option_count
            or options.get_option_at_index(highlighted).disabled
        ):
            highlighted = first
        options.highlighted = highlighted

    def _selected(self) -> Row | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return next((r for r in self._rows if r.record_id == option_id), None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        what = "note" if row.body is not None else "bookmark"

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(DeleteRequested(row.record_id))

        self.app.push_screen(ConfirmScreen(f"Delete this {what}?", yes="Delete"), answered)

    def action_confirm_place(self) -> None:
        row = self._selected()
        if row is not None and row.status == "approximate":
            self.post_message(ConfirmPlaceRequested(row.record_id))
