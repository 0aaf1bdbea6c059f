"""All notes (``A``) or all bookmarks (``M``) of the document, grouped by section.

Keys: ``↑``/``↓`` move, ``enter`` jumps to the passage, ``d`` deletes (after asking),
``c`` accepts the new place of an approximately re-found note, ``escape`` closes.
Tells the reader ``DeleteRequested`` and ``ConfirmPlaceRequested`` (see ``ui/messages.py``);
the reader changes the store and hands back fresh rows with :meth:`set_rows`. Dismisses
with a record id to jump to, or None.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.annotations import Listing, ListRow
from tuireader.store import Status
from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title
from tuireader.ui.keys import hint, keys_for
from tuireader.ui.messages import ConfirmPlaceRequested, DeleteRequested
from tuireader.ui.screens.confirm import ConfirmScreen
from tuireader.ui.screens.dialog import Dialog

_QUOTE_CHARS = 140
_BODY_LINES = 3


def _prompt(row: ListRow, confirm_key: str) -> Content:
    parts: list[Content] = []
    if row.body is not None:
        lines = row.body.split("\n")
        shown = lines[:_BODY_LINES] + (["…"] if len(lines) > _BODY_LINES else [])
        parts.append(Content.assemble(("✎ ", "bold"), Content("\n  ".join(shown))))
    quote = short_title(terminal_safe(row.quote), _QUOTE_CHARS)
    parts.append(Content.assemble(("  “", "dim"), (quote, "dim italic"), ("”", "dim")))
    flag = ""
    if row.status is Status.APPROXIMATE:
        flag = f"  ≈ found approximately: {confirm_key} accepts the new place"
    elif row.status is Status.ORPHANED:
        flag = "  ✗ orphaned: its passage is no longer in the document"
    parts.append(Content.assemble(("  " + row.where, "dim"), (flag, "bold")))
    return Content("\n").join(parts)


class AnnotationList(Dialog[str | None]):
    BINDINGS = [
        # The option list handles enter itself; this names it (and works when rebound).
        Binding("enter", "choose", "Go there", id="list-open"),
        Binding("d,delete", "delete", "Delete", id="list-delete"),
        Binding("c", "confirm_place", "Accept a new place", id="list-confirm"),
        Binding("escape,q", "close", "Close", id="list-close"),
    ]

    def __init__(self, listing: Listing, rows: list[ListRow], *, empty: str) -> None:
        """``empty``: what the list says when it has no rows."""
        super().__init__()
        self.listing = listing
        self._rows = rows
        self._empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box") as box:
            box.border_title = Content(self.listing.value.capitalize())
            yield OptionList(id="list-options", markup=False)
            yield Static(hint(self.app, self.BINDINGS), id="list-help")

    def on_mount(self) -> None:
        self.set_rows(self._rows)
        self.query_one(OptionList).focus()

    def set_rows(self, rows: list[ListRow]) -> None:
        self._rows = rows
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not rows:
            options.add_option(Option(Content(self._empty), disabled=True))
            return
        group: str | None = None
        confirm_key = "/".join(self._keys("list-confirm"))
        for row in rows:
            if row.group != group:
                group = row.group
                options.add_option(
                    Option(Content.assemble((group, "bold underline")), disabled=True)
                )
            options.add_option(Option(_prompt(row, confirm_key), id=row.record_id))
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

    def _keys(self, binding_id: str) -> tuple[str, ...]:
        return keys_for(self.app, self.BINDINGS, binding_id)

    def _selected(self) -> ListRow | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return next((r for r in self._rows if r.record_id == option_id), None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_choose(self) -> None:
        row = self._selected()
        if row is not None:
            self.dismiss(row.record_id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        what = "note" if row.body is not None else "bookmark"

        def answered(yes: bool | None) -> None:
            if yes:
                self.tell_opener(DeleteRequested(row.record_id))

        self.app.push_screen(ConfirmScreen(f"Delete this {what}?", yes="Delete"), answered)

    def action_confirm_place(self) -> None:
        row = self._selected()
        if row is not None and row.status is Status.APPROXIMATE:
            self.tell_opener(ConfirmPlaceRequested(row.record_id))
