"""Which note to edit when a passage has several (two sessions, or the command line, can
put more than one on a passage): each note by its first line, and a new one.

Keys: ``↑``/``↓`` move, ``enter`` opens the note, ``escape`` closes.
Dismisses with a note id, :data:`NEW` for a new note, or None.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.store import Item
from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title
from tuireader.ui.keys import hint
from tuireader.ui.screens.dialog import Dialog

NEW = ""


class NoteChoice(Dialog[str | None]):
    BINDINGS = [
        # The option list handles enter itself; this names it (and works when rebound).
        Binding("enter", "choose", "Open", id="choice-open"),
        Binding("escape", "close", "Close", id="choice-close"),
    ]

    def __init__(self, where: str, notes: list[Item]) -> None:
        super().__init__()
        self._where = where
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box") as box:
            box.border_title = Content.assemble("Notes on ", (self._where, "bold"))
            options = []
            for number, item in enumerate(self._notes, start=1):
                first = terminal_safe(item.record.body, multiline=True).strip().split("\n")[0]
                text = Content.assemble((f"{number}. ", "bold"), short_title(first, 70))
                options.append(Option(text, id=item.record.id))
            options.append(Option(Content.assemble(("+ ", "bold"), "A new note"), id="new"))
            yield OptionList(*options, id="choice-options", markup=False)
            yield Static(hint(self.app, self.BINDINGS), id="choice-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(NEW if event.option.id == "new" else event.option.id)

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option_id = options.get_option_at_index(options.highlighted).id
            self.dismiss(NEW if option_id == "new" else option_id)

    def action_close(self) -> None:
        self.dismiss(None)
