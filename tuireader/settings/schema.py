"""The settings: what each one is, its default, and how a value from the file is checked.
Headless.

:class:`Settings` holds the values the reader starts with. :data:`SPECS` describes every
setting but the keymap (a table of binding ids, see :mod:`.keymap`): its place in the
TOML file, its default as the file would write it, a line of help (the starter file and
``config show`` use it), and a parser that turns a TOML value into the setting or says,
in a phrase, what it must be.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tuireader.search import Case
from tuireader.settings.keymap import for_textual

#: Textual's default theme (a test checks it is the app's).
DEFAULT_THEME = "textual-dark"
#: The widest the text is set, in columns (lines much longer than this are hard to read).
DEFAULT_TEXT_WIDTH = 100
TEXT_WIDTH_RANGE = (20, 1000)
#: The narrowest the tree gets (with `<` too), and the widest a setting may ask for.
TREE_WIDTH_RANGE = (12, 500)


def _no_keymap() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Settings:
    """What the reader starts with. ``None`` means: the reader decides (see each field)."""

    theme: str | None = None  # None: the theme last chosen in the palette, else DEFAULT_THEME
    text_width: int | None = DEFAULT_TEXT_WIDTH  # None: the whole width of the pane
    data_dir: Path | None = None  # None: the user data folder
    tree_width: int | None = None  # None: the stylesheet's (a third of the screen, 24-48)
    tree_shown: bool = True
    notes_inline: bool = False
    search_regex: bool = False
    search_case: Case = Case.SMART
    #: binding id -> keys, as Textual names them; only the bindings the user changed.
    keymap: Mapping[str, tuple[str, ...]] = field(default_factory=_no_keymap)

    def textual_keymap(self) -> dict[str, str]:
        """The keymap as Textual's ``App.set_keymap`` takes it (see keymap.for_textual)."""
        return for_textual(self.keymap)


class BadValue(ValueError):
    """A value a setting cannot take; the message says what it must be (a phrase)."""


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadValue("must be a name in quotes")
    return value


def _columns(value: object, low: int, high: int, word: str) -> int | None:
    if isinstance(value, str) and value == word:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    raise BadValue(f'must be a number of columns from {low} to {high}, or "{word}"')


def _text_width(value: object) -> int | None:
    return _columns(value, *TEXT_WIDTH_RANGE, "full")


def _tree_width(value: object) -> int | None:
    return _columns(value, *TREE_WIDTH_RANGE, "auto")


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise BadValue("must be true or false (without quotes)")
    return value


def _case(value: object) -> Case:
    if isinstance(value, str) and value in {case.value for case in Case}:
        return Case(value)
    raise BadValue('must be "smart", "sensitive" or "insensitive"')


def _folder(value: object) -> Path:
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise BadValue("must be a folder's path in quotes")
    return Path(value).expanduser()


@dataclass(frozen=True, slots=True)
class Spec:
    field: str  # the Settings field
    table: str | None  # the TOML table it is in; None: the top of the file
    key: str
    parse: Callable[[object], Any]
    default: str  # the default as the file writes it
    help: str  # for the starter file and `config show`: one or two lines

    @property
    def name(self) -> str:
        """How the docs and messages name it: ``theme``, ``tree.width``."""
        return f"{self.table}.{self.key}" if self.table else self.key


SPECS = (
    Spec("theme", None, "theme", _text, f'"{DEFAULT_THEME}"',
         "The colour theme: any of Textual's themes (ctrl+p, then \"theme\", lists them).\n"
         "Set here, it wins over the theme last chosen in the palette."),
    Spec("text_width", None, "text_width", _text_width, str(DEFAULT_TEXT_WIDTH),
         'The widest the text is set, in columns, or "full" for the whole width.'),
    Spec("data_dir", None, "data_dir", _folder, "",  # filled in: the user data folder
         "Where notes, bookmarks and remembered choices are kept (--data-dir wins).\n"
         "A relative path is taken from the folder this file is in."),
    Spec("tree_width", "tree", "width", _tree_width, '"auto"',
         'The tree\'s width in columns, or "auto" (a third of the screen, 24 to 48).\n'
         "Set here, it wins over the width last chosen with < and >."),
    Spec("tree_shown", "tree", "shown", _flag, "true",
         "Whether the tree starts shown beside the text (under 70 columns it starts\n"
         "closed either way; t opens it)."),
    Spec("notes_inline", "notes", "inline", _flag, "false",
         "Whether notes' text starts shown under their passages (v shows or hides it).\n"
         "Set here, it wins over the last choice made with v."),
    Spec("search_regex", "search", "regex", _flag, "false",
         "Whether the search field starts with regular expressions on (ctrl+r switches)."),
    Spec("search_case", "search", "case", _case, '"smart"',
         '"smart": case is ignored unless the query has a capital letter;\n'
         '"sensitive" or "insensitive": always, or never, minded.'),
)  # fmt: skip

#: The tables of the file, in the order the starter file has them.
TABLES = ("tree", "notes", "search", "keymap")

#: Remembered choices (in the data folder, see store/choices.py) -> the setting they are.
REMEMBERED = {"theme": "theme", "tree-width": "tree_width", "inline-notes": "notes_inline"}


def remembered_values(remembered: Mapping[str, str]) -> dict[str, Any]:
    """The remembered choices that are usable, as setting values (by field name)."""
    values: dict[str, Any] = {}
    theme = remembered.get("theme")
    if theme:
        values["theme"] = theme
    width = remembered.get("tree-width", "")
    low, high = TREE_WIDTH_RANGE
    if width.isdigit() and low <= int(width) <= high:
        values["tree_width"] = int(width)
    inline = remembered.get("inline-notes")
    if inline in ("true", "false"):
        values["notes_inline"] = inline == "true"
    return values
