"""Key names on screen, from one source: the bindings of the class that owns the keys.

The help screen, the key bar and every hint line are built here from ``BINDINGS`` with the
app's keymap applied and :meth:`App.get_key_display`, so a rebound key shows its new name
everywhere. Nothing else in the UI writes a key name by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingsMap, BindingType
from textual.content import Content

#: Display names nicer than Textual's for a few keys (applied in ``ReaderApp.get_key_display``).
NICER_NAMES = {"pgdn": "PgDn", "pgup": "PgUp", "home": "Home", "end": "End", "⏎": "enter"}


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One action and every key that does it now."""

    keys: tuple[str, ...]
    description: str
    binding_id: str | None
    show: bool  # shown in the key bar


def _ident(binding: Binding) -> str:
    return binding.id or binding.action


def key_rows(app: App[Any], bindings: Iterable[BindingType]) -> list[KeyRow]:
    """The bindings of one class as rows, in the order they are declared, with the app's
    keymap (binding id -> keys) applied as Textual applies it on a key press."""
    declared = list(Binding.make_bindings(bindings))
    live = BindingsMap(declared)
    # The keymap as Textual normalised it ("?" -> "question_mark"); Textual has no public
    # getter, and this is exactly what its binding chain applies (pinned to Textual 8.2).
    keymap = app._keymap
    if keymap:
        live.apply_keymap(keymap)
    keys: dict[str, list[Binding]] = {}
    for _key, binding in live:
        keys.setdefault(_ident(binding), []).append(binding)
    rows: list[KeyRow] = []
    seen: set[str] = set()
    for binding in declared:
        ident = _ident(binding)
        if ident in seen or ident not in keys:
            continue
        seen.add(ident)
        names = tuple(dict.fromkeys(app.get_key_display(b) for b in keys[ident]))
        rows.append(KeyRow(names, binding.description, binding.id, binding.show))
    return rows


def keys_for(app: App[Any], bindings: Iterable[BindingType], binding_id: str) -> tuple[str, ...]:
    """The names of the keys bound to ``binding_id`` now (none if it is not among them)."""
    for row in key_rows(app, bindings):
        if row.binding_id == binding_id:
            return row.keys
    return ()


def key_text(key: str, what: str) -> Content:
    """``key what`` with the key picked out, as the key bar and hint lines show it."""
    return Content.assemble((key, "bold $accent"), " ", what)


def hint(app: App[Any], bindings: Iterable[BindingType], *, separator: str = " · ") -> Content:
    """A line naming the keys of a dialog: ``enter: go there · d: delete · esc: close``."""
    parts = [
        f"{'/'.join(row.keys)}: {row.description[:1].lower()}{row.description[1:]}"
        for row in key_rows(app, bindings)
        if row.description
    ]
    return Content(separator.join(parts))
