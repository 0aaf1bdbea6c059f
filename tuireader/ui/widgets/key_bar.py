"""A one-line list of the keys that work now, built from the screen's active bindings.

Textual's ``Footer`` mounts a widget per key whenever focus or the screen changes, which
costs tens of milliseconds at start-up; one line of text does the job. The line follows the
screen's ``bindings_updated_signal``: a focused search field shows the field's keys, a
search in progress its next/previous keys, and a rebound key its new name.
"""

from __future__ import annotations

from collections.abc import Collection

from textual.content import Content
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import Static

from tuireader.ui.keys import key_text


class KeyBar(Static):
    def __init__(self, *, lead: Collection[str] = (), id: str | None = None) -> None:
        """``lead``: binding ids shown first when they are active (the keys of a mode)."""
        super().__init__(id=id)
        self._lead = frozenset(lead)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.rebuild()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        first: list[Content] = []
        rest: list[Content] = []
        seen: set[str] = set()
        focused = self.screen.focused
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            ident = binding.id or binding.action
            if not binding.show or not active.enabled or ident in seen:
                continue
            name = self.app.get_key_display(binding)
            # key_to_character does not know every name ("slash"); a one-character name does.
            character = key_to_character(key) or (name if len(name) == 1 else None)
            if (
                focused is not None
                and active.node is not focused
                and focused.check_consume_key(key, character)
            ):
                continue  # the focused field types this key (a "/" in the search field)
            seen.add(ident)
            part = key_text(name, binding.description)
            (first if ident in self._lead else rest).append(part)
        self.update(Content("  ").join(first + rest))
