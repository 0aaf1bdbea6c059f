"""Key names as a keymap writes them, checked and put in the form Textual matches. Headless.

Textual names a key by its modifiers in alphabetical order, then the key: ``ctrl+n``,
``ctrl+shift+up``, ``alt+x``; a printable character by itself (``n``, ``G``) or, for
punctuation, by its Unicode name (``question_mark`` for ``?``). A keymap may write any of
these, a character as it is (``?``, ``]``), modifiers in any order (``shift+ctrl+up``), and
the names the reader shows on screen (``esc``, ``PgDn``, ``^n``, ``del``). A name Textual
would never produce is refused with a sentence (and a close match), because a binding to
it could never be pressed.

``tests/ui/test_settings_keys.py`` checks these tables against Textual's own.
"""

from __future__ import annotations

import difflib
import string
import unicodedata

#: Modifier names, in the order Textual writes them (alphabetical).
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

#: Keys with a name of their own (no modifier, not a character).
NAMED_KEYS = frozenset(
    {
        "escape",
        "enter",
        "tab",
        "space",
        "backspace",
        "up",
        "down",
        "left",
        "right",
        "home",
        "end",
        "insert",
        "delete",
        "pageup",
        "pagedown",
        *(f"f{n}" for n in range(1, 25)),
    }
)

#: Other spellings people write, and the names the reader shows on screen.
ALIASES = {
    "esc": "escape",
    "return": "enter",
    "del": "delete",
    "ins": "insert",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "page_up": "pageup",
    "page_down": "pagedown",
}

#: Keys a terminal sends as another: ctrl+i is tab, ctrl+m is enter.
SAME_AS = {"ctrl+i": "tab", "ctrl+m": "enter"}

#: Shorter Unicode names Textual uses for a few characters.
_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


class KeyNameError(ValueError):
    """A key that cannot be bound; the message says why (a phrase, for a sentence)."""


def character_key(character: str) -> str:
    """The key name of one typed character: itself if a letter or digit, else its name."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character)
    except ValueError:  # no Unicode name (a control character)
        return "tab" if character == "\t" else character
    name = name.lower().replace("-", "_").replace(" ", "_")
    return _NAME_REPLACEMENTS.get(name, name)


#: The names of the ASCII punctuation characters (``full_stop``, ``question_mark`` …).
PUNCTUATION_NAMES = frozenset(character_key(c) for c in string.punctuation)

_KNOWN_NAMES = sorted(NAMED_KEYS | PUNCTUATION_NAMES | set(ALIASES))


def is_typed(key: str) -> bool:
    """True for a key (as :func:`normalize_key` names it) that types a character: ``n``,
    ``G``, ``full_stop``, ``space``. A text field takes such a key before any binding can."""
    return "+" not in key and (key == "space" or key not in NAMED_KEYS)


def _base(text: str) -> str:
    if len(text) == 1:
        if not text.isprintable():
            raise KeyNameError("a control character is not a key name")
        return character_key(text)
    name = text.lower()
    name = ALIASES.get(name, name)
    if name in NAMED_KEYS or name in PUNCTUATION_NAMES:
        return name
    close = difflib.get_close_matches(name, _KNOWN_NAMES, n=1)
    hint = f" (did you mean {ALIASES.get(close[0], close[0])}?)" if close else ""
    raise KeyNameError(f"there is no key called {text[:40]}{hint}")


def normalize_key(text: str) -> str:
    """One key as Textual names it; KeyNameError if no key has that name."""
    key = text.strip()
    if not key:
        raise KeyNameError("an empty key name")
    if len(key) == 2 and key[0] == "^" and key[1].isalpha():  # ^n, as the reader shows it
        key = f"ctrl+{key[1]}"
    if len(key) == 1:
        return _base(key)
    if key.endswith("++"):  # ctrl++ : the plus key with a modifier
        modifiers, base = key[:-2].split("+"), "+"
    else:
        *modifiers, base = key.split("+")
    seen: set[str] = set()
    for modifier in modifiers:
        name = modifier.lower()
        if name not in MODIFIERS:
            close = difflib.get_close_matches(name, MODIFIERS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise KeyNameError(f"in {text.strip()[:40]}, {modifier[:20]} is not a modifier{hint}")
        seen.add(name)
    if not base:
        raise KeyNameError(f"{text.strip()[:40]} names no key after its modifiers")
    if len(base) == 1 and base.isalpha() and base.isupper() and seen:
        seen.add("shift")  # ctrl+N is ctrl+shift+n
        base = base.lower()
    elif len(base) == 1 and base.isalpha() and seen:
        base = base.lower()
    name = _base(base)
    if seen == {"shift"} and len(name) == 1 and name.isalpha():
        return name.upper()  # shift+g is typed as G
    joined = "+".join([*sorted(seen), name])
    return SAME_AS.get(joined, joined)


def normalize_keys(text: str) -> tuple[str, ...]:
    """A comma-separated list of keys (``n, ctrl+n``), each as Textual names it, in order,
    without repeats. A lone ``,`` is the comma key."""
    if not text.strip():
        raise KeyNameError("no keys given (leave a binding out to keep its keys)")
    if text.strip() == ",":
        return ("comma",)
    parts = text.split(",")
    if any(not part.strip() for part in parts):
        raise KeyNameError("an empty key between commas (the comma key is written comma)")
    return tuple(dict.fromkeys(normalize_key(part) for part in parts))
