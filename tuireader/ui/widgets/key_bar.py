"""A one-line list of the keys that work now, built from the screen's active bindings.

Textual's ``Footer`` mounts a widget per key whenever focus or the screen changes, which
costs tens of milliseconds at start-up; one line of text does the job. The line follows the
screen's ``bindings_updated_signal``: a focused search field shows the field's keys, a
search in progress its next/previous keys, and a rebound key its new name.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from textual.content import Content
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import Static

from tuireader.ui.keys import key_text

#: Decides whether a binding (by id) is offered, overriding its ``show``; None: its ``show``.
Offered = Callable[[str], bool | None]


class KeyBar(Static):
    def __init__(
        self,
        *,
        lead: Collection[str] = (),
        last: Collection[str] = (),
        offered: Offered | None = None,
        id: str | None = None,
    ) -> None:
        """``lead``: binding ids shown first when they are active (the keys of a mode);
        ``last``: ids shown at the end however narrow the bar (help, quit), the others
        giving way to them; ``offered``: which keys suit what is shown (no "next answer"
        without questions)."""
        super().__init__(id=id)
        self._lead = frozenset(lead)
        self._last = frozenset(last)
        self._offered = offered
        self._parts: list[Content] = []
        self._end: list[Content] = []  # the parts of ``last``

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.rebuild()

    def on_resize(self) -> None:
        self._fit()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        first: list[Content] = []
        rest: list[Content] = []
        end: list[Content] = []
        seen: set[str] = set()
        focused = self.screen.focused
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            ident = binding.id or binding.action
            offered = self._offered(ident) if self._offered is not None else None
            show = binding.show if offered is None else offered
            if not show or not active.enabled or ident in seen:
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
            if ident in self._last and ident not in self._lead:
                end.append(part)
            else:
                (first if ident in self._lead else rest).append(part)
        self._parts = first + rest
        self._end = end
        self._fit()

    def _fit(self) -> None:
        """As many keys as fit, whole: a key cut in half ("^p palet…") helps nobody."""
        # Before its first layout the bar has no size: it spans the screen's width.
        room = self.content_region.width or self.app.size.width - self.styles.gutter.width
        end = self._end
        kept = sum(p.cell_length for p in end) + 2 * len(end)  # each with its separator
        if kept - 2 > room:  # not even those: as many keys as fit, in order
            end, kept = [], 0
        shown: list[Content] = []
        used = 0
        for part in self._parts:
            needed = part.cell_length + (2 if shown else 0)
            if used + needed + kept > room:
                break
            shown.append(part)
            used += needed
        self.update(Content("  ").join(shown + end), layout=False)  # one line: no layout pass
