"""Every binding id the reader has, where its keys work, and the check of a user's keymap.
Headless: the core validates a keymap without importing the interface.

The tables here mirror the ``BINDINGS`` of the interface's classes (named by class), and
the keys of the widget that has the keyboard in each place. They are not a second source
of truth: ``tests/ui/test_settings_keys.py`` compares them with the classes themselves,
so a binding added, renamed or rebound in the interface fails that test until this
table says the same.

A keymap is checked whole, because a part of one is not safe to use (swapping ``n`` and
``p`` with one half dropped would put both on one key):

- every id is a real one (a close match is offered for a misspelling);
- every key is a key Textual can report (see :mod:`.keynames`), and not ctrl+c or ctrl+q;
- no two bindings that work in the same place end up on the same key, unless they share
  a key by design (``escape`` closes the tree or ends a search, whichever is open);
- in a text field (search, go to, the note editor) no binding is given a key that types
  a character, or a key the field itself uses (ctrl+w deletes a word there).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from tuireader.settings.keynames import KeyNameError, is_typed, normalize_keys

#: binding id -> its default keys, by the interface class that declares it.
DECLARED: dict[str, dict[str, tuple[str, ...]]] = {
    "ReaderApp": {"command-palette": ("ctrl+p",)},
    "ReaderScreen": {
        "next-answer": ("n",),
        "previous-answer": ("p",),
        "next-section": ("right_square_bracket",),
        "previous-section": ("left_square_bracket",),
        "next-passage": ("j", "down"),
        "previous-passage": ("k", "up"),
        "page-down": ("space", "pagedown", "ctrl+f"),
        "page-up": ("pageup", "b", "ctrl+b"),
        "half-page-down": ("ctrl+d",),
        "half-page-up": ("ctrl+u",),
        "first-passage": ("g", "home"),
        "last-passage": ("G", "end"),
        "go-to": ("colon",),
        "switch-focus": ("tab",),
        "toggle-tree": ("t",),
        "tree-narrower": ("less_than_sign",),
        "tree-wider": ("greater_than_sign",),
        "copy-passage": ("y",),
        "edit-note": ("a",),
        "toggle-bookmark": ("m",),
        "inline-notes": ("v",),
        "list-notes": ("A",),
        "list-bookmarks": ("M",),
        "search": ("slash",),
        "next-match": ("full_stop",),
        "previous-match": ("comma", "N"),
        "close-tree": ("escape",),
        "end-search": ("escape",),
        "documents": ("o",),
        "help": ("question_mark",),
        "quit": ("q",),
    },
    "SectionTree": {
        "tree-open": ("enter",),
        "tree-fold": ("space",),
        "tree-up": ("up",),
        "tree-down": ("down",),
        "tree-fold-left": ("left",),
        "tree-unfold": ("right",),
    },
    "SearchInput": {"search-list": ("enter",)},
    "SearchBar": {
        "search-regex": ("ctrl+r",),
        "search-scope": ("ctrl+t",),
        "search-close": ("escape",),
    },
    "GoToBar": {"go-to-close": ("escape",)},
    "NoteEditor": {
        "note-save": ("ctrl+s",),
        "note-cancel": ("escape",),
        "note-buttons": ("tab",),
        "note-own-editor": ("ctrl+e",),
    },
    "NoteChoice": {"choice-open": ("enter",), "choice-close": ("escape",)},
    "AnnotationList": {
        "list-open": ("enter",),
        "list-delete": ("d", "delete"),
        "list-confirm": ("c",),
        "list-close": ("escape", "q"),
    },
    "SearchResults": {"results-open": ("enter",), "results-close": ("escape", "q")},
    "HelpScreen": {"help-close": ("escape", "q", "question_mark")},
    "DroppedLines": {"dropped-close": ("escape", "q")},
    "DocumentList": {"documents-open": ("enter",), "documents-close": ("escape", "q")},
    "ConfirmScreen": {"confirm-yes": ("y",), "confirm-no": ("n", "escape")},
}

#: binding id -> default keys, every id.
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    binding_id: keys for table in DECLARED.values() for binding_id, keys in table.items()
}

#: Keys Textual keeps for itself: copying (and telling how to quit), and quitting.
RESERVED = {"ctrl+c": "copies text", "ctrl+q": "quits"}

_SCROLL_KEYS = frozenset(
    {"up", "down", "left", "right", "home", "end", "pageup", "pagedown"}
    | {"ctrl+pageup", "ctrl+pagedown"}
)
_INPUT_KEYS = _SCROLL_KEYS | {
    "shift+left", "ctrl+left", "ctrl+shift+left", "shift+right", "ctrl+right",
    "ctrl+shift+right", "backspace", "ctrl+shift+a", "ctrl+a", "ctrl+e", "shift+home",
    "shift+end", "delete", "ctrl+d", "enter", "ctrl+w", "ctrl+u", "super+backspace",
    "ctrl+backspace", "alt+backspace", "ctrl+k", "ctrl+x", "ctrl+c", "super+c", "ctrl+v",
}  # fmt: skip
_TEXT_AREA_KEYS = _SCROLL_KEYS | {
    "ctrl+left", "ctrl+right", "ctrl+a", "ctrl+e", "ctrl+shift+left", "ctrl+shift+right",
    "shift+home", "shift+end", "shift+up", "shift+down", "shift+left", "shift+right", "f6",
    "f7", "backspace", "ctrl+w", "ctrl+backspace", "alt+backspace", "delete", "ctrl+d",
    "alt+delete", "ctrl+x", "super+x", "ctrl+c", "super+c", "ctrl+v", "ctrl+u",
    "super+backspace", "ctrl+k", "ctrl+shift+k", "ctrl+z", "super+z", "ctrl+y", "super+y",
}  # fmt: skip
_OPTION_LIST_KEYS = _SCROLL_KEYS | {"enter"}
_TREE_KEYS = _SCROLL_KEYS | {"shift+left", "shift+right", "shift+up", "shift+down", "enter"} | {
    "space", "shift+space"
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """Where a set of bindings works at the same time."""

    noun: str  # for sentences: "the search field"
    owners: tuple[str, ...]  # the classes whose bindings are live here (see DECLARED)
    focused: str  # the widget that has the keyboard (its class name)
    focused_keys: frozenset[str]  # that widget's own keys, which come before the owners'
    types: bool = False  # the focused widget types characters
    #: An owner that is the focused widget itself: its bindings are in the same table as
    #: the widget's own keys, so a keymap giving it one of them replaces it (no problem).
    focused_owner: str | None = None


#: The app's palette key is a priority binding: it works in every place.
PLACES = (
    Place("the reader", ("ReaderScreen", "ReaderApp"), "ReadingPane", frozenset()),
    Place("the tree", ("SectionTree", "ReaderApp"), "Tree", _TREE_KEYS,
          focused_owner="SectionTree"),
    Place("the search field", ("SearchInput", "SearchBar", "ReaderApp"), "Input",
          _INPUT_KEYS, types=True, focused_owner="SearchInput"),
    Place("the go-to field", ("GoToBar", "ReaderApp"), "Input", _INPUT_KEYS, types=True),
    Place("the note editor", ("NoteEditor", "ReaderApp"), "TextArea", _TEXT_AREA_KEYS,
          types=True),
    Place("the choice of notes", ("NoteChoice", "ReaderApp"), "OptionList",
          _OPTION_LIST_KEYS),
    Place("the notes and bookmarks lists", ("AnnotationList", "ReaderApp"), "OptionList",
          _OPTION_LIST_KEYS),
    Place("the list of matches", ("SearchResults", "ReaderApp"), "OptionList",
          _OPTION_LIST_KEYS),
    Place("the help", ("HelpScreen", "ReaderApp"), "VerticalScroll", _SCROLL_KEYS),
    Place("the lines left out", ("DroppedLines", "ReaderApp"), "OptionList",
          _OPTION_LIST_KEYS),
    Place("your documents", ("DocumentList", "ReaderApp"), "OptionList",
          _OPTION_LIST_KEYS),
    Place("a yes-or-no question", ("ConfirmScreen", "ReaderApp"), "Button",
          frozenset({"enter"})),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class KeymapProblem:
    """What is wrong with one entry of a keymap: a phrase for a sentence, and the ids it
    is about (the first is where the file says it)."""

    ids: tuple[str, ...]
    what: str


def close_match(word: str, choices: list[str]) -> str:
    """`` (did you mean "x"?)`` for the nearest of ``choices``, or nothing."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{found[0]}"?)' if found else ""


def parse_keymap(
    raw: Mapping[str, str],
) -> tuple[dict[str, tuple[str, ...]], list[KeymapProblem]]:
    """Each entry's keys as Textual names them, and the problems of the entries."""
    parsed: dict[str, tuple[str, ...]] = {}
    problems: list[KeymapProblem] = []
    known = sorted(DEFAULT_KEYS)
    for binding_id, text in raw.items():
        if binding_id not in DEFAULT_KEYS:
            hint = close_match(binding_id, known) or " (docs/keys.md lists the ids)"
            problems.append(
                KeymapProblem((binding_id,), f'there is no binding "{binding_id[:40]}"{hint}')
            )
            continue
        try:
            keys = normalize_keys(text)
        except KeyNameError as error:
            problems.append(KeymapProblem((binding_id,), f"{binding_id}: {error}"))
            continue
        reserved = [key for key in keys if key in RESERVED]
        if reserved:
            key = reserved[0]
            problems.append(
                KeymapProblem(
                    (binding_id,), f"{binding_id}: {key} {RESERVED[key]} and cannot be bound"
                )
            )
            continue
        parsed[binding_id] = keys
    return parsed, problems


def _names(nouns: list[str]) -> str:
    return nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + " and " + nouns[-1]


def check_keymap(keys: Mapping[str, tuple[str, ...]]) -> list[KeymapProblem]:
    """The clashes a keymap (parsed) would make; each said once, naming every place."""

    def live(binding_id: str) -> tuple[str, ...]:
        return keys.get(binding_id, DEFAULT_KEYS[binding_id])

    clashes: dict[tuple[str, str, str], list[str]] = {}  # (first, second, key) -> places
    typed: dict[tuple[str, str], list[str]] = {}  # (binding id, key) -> places
    taken: dict[tuple[str, str], list[str]] = {}
    for place in PLACES:
        ids = [binding_id for owner in place.owners for binding_id in DECLARED[owner]]
        for one, other in combinations(ids, 2):
            if one not in keys and other not in keys:
                continue
            if set(DEFAULT_KEYS[one]) & set(DEFAULT_KEYS[other]):
                continue  # they share a key by design (only one of them works at a time)
            shared = [key for key in live(one) if key in live(other)]
            if shared:
                first, second = (one, other) if one in keys else (other, one)
                clashes.setdefault((first, second, shared[0]), []).append(place.noun)
        own = DECLARED[place.focused_owner] if place.focused_owner else {}
        for binding_id in (b for b in ids if b in keys):
            for key in (k for k in keys[binding_id] if k not in DEFAULT_KEYS[binding_id]):
                if place.types and is_typed(key):
                    typed.setdefault((binding_id, key), []).append(place.noun)
                elif key in place.focused_keys and binding_id not in own:
                    taken.setdefault((binding_id, key), []).append(place.noun)
    problems = [
        KeymapProblem((first, second), f"{first} and {second} would both be {key} in {_names(p)}")
        for (first, second, key), p in clashes.items()
    ]
    problems += [
        KeymapProblem(
            (binding_id,),
            f"{binding_id}: {key} types a character in {_names(p)}, so it could not be pressed "
            "there (choose a key with ctrl, or a named key such as f2)",
        )
        for (binding_id, key), p in typed.items()
    ]
    problems += [
        KeymapProblem((binding_id,), f"{binding_id}: {key} is already used by {_names(p)}")
        for (binding_id, key), p in taken.items()
    ]
    return problems


def for_textual(keys: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """The keymap as Textual's ``App.set_keymap`` takes it.

    Textual, rebinding one binding, takes its old keys away from every binding in the same
    table; so a binding that shares a key with a rebound one by design (``end-search`` when
    ``close-tree`` is rebound) is given its keys again here.
    """
    out = {binding_id: ",".join(k) for binding_id, k in keys.items()}
    for table in DECLARED.values():
        for binding_id in (b for b in table if b in keys):
            for partner, default in table.items():
                if partner not in out and set(default) & set(DEFAULT_KEYS[binding_id]):
                    out[partner] = ",".join(default)
    return out
