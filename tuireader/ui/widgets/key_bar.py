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


class KeyBar(Static):
    def __init__(self, bindings: Iterable[BindingType], *, id: str | None = None) -> None:
        parts: list[Content] = []
        for binding in bindings:
            if isinstance(binding, Binding) and binding.show:
                parts.append(
                    Content.assemble((key_label(binding), "bold $accent"), " ", binding.description)
                )
        parts.append(Content.assemble(("^p", "bold $accent"), " palette"))
        super().__init__(Content("  ").join(parts), id=id)
