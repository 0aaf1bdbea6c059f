"""The help screen: every key, generated from the bindings so it cannot go stale.

Keys: ``escape``, ``q`` or ``?`` close it.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

#: Keys that belong to widgets rather than to app bindings.
EXTRA_KEYS = [
    ("ctrl+p", "Command palette: jump to a section by typing part of its title"),
    ("enter", "In the tree: open the section (or fold a group)"),
    ("↑ ↓", "In the tree: move the tree cursor"),
]

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "space": "space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
}


def key_names(key: str) -> str:
    return " ".join(_KEY_NAMES.get(k, k) for k in key.split(","))


def help_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding):
            rows.append((key_names(binding.key), binding.description))
    return rows + EXTRA_KEYS


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="help-close"),
    ]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        super().__init__()
        self._rows = help_rows(bindings)

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in self._rows) + 2
        lines = [Content.from_markup("[b]Keys[/b]"), Content("")]
        for key, what in self._rows:
            lines.append(Content.assemble((key.ljust(width), "bold"), what))
        lines += [Content(""), Content("escape closes this help.")]
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines), id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
