"""The help screen: every key, grouped by where it works, built from the bindings of the
classes that own the keys (with the keymap applied), so it cannot go stale.

Keys: ``escape``, ``q`` or ``?`` close it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.keys import KeyRow, hint, key_rows

#: A heading ("In the tree") and the bindings of the class that owns those keys.
KeyGroup = tuple[str, Sequence[BindingType]]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="help-close"),
    ]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        rows: list[tuple[str, list[KeyRow]]] = [
            (heading, [r for r in key_rows(self.app, bindings) if r.description])
            for heading, bindings in self._groups
        ]
        width = max(len(" ".join(r.keys)) for _, group in rows for r in group) + 2
        lines = [Content.from_markup("[b]Keys[/b]")]
        for heading, group in rows:
            lines += [Content(""), Content.assemble((heading, "bold underline"))]
            for row in group:
                keys = " ".join(row.keys)
                lines.append(Content.assemble((keys.ljust(width), "bold"), row.description))
        lines += [Content(""), hint(self.app, self.BINDINGS)]
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines), id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
