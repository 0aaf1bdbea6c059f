"""Every document with notes or bookmarks (``o``): its title, where its file is, how many
notes and bookmarks, when it was last read. The one read last comes first.

Keys: ``↑``/``↓`` move, ``enter`` opens the document (at its last place), ``escape``
closes. A document whose file is gone is listed as such: it opens from its notes.
Dismisses with the chosen document's key (its notes file), or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title
from tuireader.ui.keys import hint
from tuireader.ui.screens.dialog import Dialog


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document as the list shows it (the texts are made safe here)."""

    key: str
    title: str
    where: str
    found: bool  # False: the file is gone, the document opens from its notes
    counts: str
    last_read: str
    current: bool = False  # the document being read


def _prompt(row: DocumentRow) -> Content:
    title = short_title(terminal_safe(row.title or "(no title)"), 90)
    lines = [Content.assemble((title, "bold"))]
    where = terminal_safe(row.where)
    if row.found:
        lines.append(Content.assemble(("  " + where, "dim")))
    else:
        lines.append(Content.assemble(("  ✗ " + where + ": opens from your notes", "bold")))
    read = "reading now" if row.current else f"last read {row.last_read}"
    lines.append(Content.assemble((f"  {row.counts} · {read}", "dim")))
    return Content("\n").join(lines)


class DocumentList(Dialog[str | None]):
    BINDINGS = [
        # The option list handles enter itself; this names it (and works when rebound).
        Binding("enter", "choose", "Open", id="documents-open"),
        Binding("escape,q", "close", "Close", id="documents-close"),
    ]

    def __init__(self, rows: list[DocumentRow], *, empty: str) -> None:
        super().__init__()
        self._rows = rows
        self._empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(id="documents-box") as box:
            box.border_title = Content("Your documents")
            yield OptionList(id="documents-options", markup=False)
            yield Static(hint(self.app, self.BINDINGS), id="documents-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if not self._rows:
            options.add_option(Option(Content(self._empty), disabled=True))
        for row in self._rows:
            options.add_option(Option(_prompt(row), id=row.key))
        if self._rows:
            options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self._rows:
            self.dismiss(self._rows[options.highlighted].key)

    def action_close(self) -> None:
        self.dismiss(None)
