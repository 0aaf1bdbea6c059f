"""A one-line list of the main keys, built once from the app's bindings.

Textual's ``Footer`` rebuilds a widget per key whenever focus or the screen changes, which
costs tens of milliseconds at start-up; the main keys of this reader never change, so a
single line of text does the job.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

_NAMES = {"question_mark": "?", "slash": "/", "ctrl+p": "^p"}


def key_label(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0]
    return _NAMES.get(first, first)


def _key(key: str, what: str) -> Content:
    return Content.assemble((key, "bold $accent"), " ", what)


SEARCH_KEYS = Content("  ").join(
    [
        _key(".", "next match"),
        _key(",", "previous match"),
        _key("enter", "list"),
        _key("esc", "end search"),
    ]
)


class KeyBar(Static):
    def __init__(self, bindings: Iterable[BindingType], *, id: str | None = None) -> None:
        parts: list[Content] = []
        for binding in bindings:
            if isinstance(binding, Binding) and binding.show:
                parts.append(_key(key_label(binding), binding.description))
        parts.append(_key("^p", "palette"))
        self._normal = Content("  ").join(parts)
        super().__init__(self._normal, id=id)

    def set_searching(self, searching: bool) -> None:
        """While a search is on, its keys come first (the others still work)."""
        self.update(Content("  ").join([SEARCH_KEYS, self._normal]) if searching else self._normal)
