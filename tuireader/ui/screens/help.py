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
    ("ctrl+p", "Command palette: sections by title, notes and bookmarks by text"),
    ("enter", "In the tree: open the section (or fold a group)"),
    ("↑ ↓", "In the tree: move the tree cursor"),
    ("ctrl+r", "In the search field: regular expressions on or off"),
    ("ctrl+t", "In the search field: scope (everything, questions, answers, …)"),
    ("enter", "In the search field: list every match"),
    ("ctrl+s", "In the note editor: save (esc cancels, tab reaches Delete)"),
    ("d  c", "In the notes/bookmarks lists: delete, accept a new place"),
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
    "slash": "/",
    "full_stop": ".",
    "comma": ",",
    "escape": "esc",
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
