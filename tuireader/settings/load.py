"""Finding the config file, reading it, and saying what is wrong with it. Headless.

The file is ``--config PATH``, else ``$TUIREADER_CONFIG``, else ``config.toml`` in the
user config folder (``~/.config/tuireader/`` on Linux). A file that is missing from the
default place is no problem (every setting is its default); one named on purpose is.

Nothing in a bad file locks the reader out: a file that is not TOML gives the defaults; a
wrong value gives that setting's default; a keymap with any problem is not used at all
(half a keymap can put two bindings on one key). Every problem is a :class:`Problem` with
the line it is on, and :meth:`LoadedSettings.summary` makes them one sentence to show.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tuireader.settings.keymap import DEFAULT_KEYS, check_keymap, close_match, parse_keymap
from tuireader.settings.schema import (
    SPECS,
    TABLES,
    BadValue,
    Settings,
    Spec,
    remembered_values,
)
from tuireader.text import make_controls_visible

ENV_VAR = "TUIREADER_CONFIG"
FILE_NAME = "config.toml"
MAX_BYTES = 1024 * 1024


def default_config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_path("tuireader")) / FILE_NAME


def find_config(option: str | None) -> tuple[Path, str | None]:
    """The config file to read, and what named it (None: the default place)."""
    if option:
        return Path(option).expanduser(), "--config"
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser(), ENV_VAR
    return default_config_path(), None


def shown(value: object, limit: int = 40) -> str:
    """A value from the file as a message quotes it: TOML-like, safe for a terminal."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = f'"{value}"'
    elif isinstance(value, int | float):
        text = str(value)
    elif isinstance(value, list):
        text = "a list"
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = str(value)
    text = visible(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible(text: str) -> str:
    """Text for one line of a terminal: control characters, newlines and tabs made visible."""
    return make_controls_visible(text).replace("\n", "\u240a").replace("\t", "\u2409")


def shown_path(path: Path) -> str:
    """A path for a message: ``~`` for the home folder, control characters made visible."""
    text = str(path)
    home = str(Path.home())
    if home != "/" and (text == home or text.startswith(home + os.sep)):
        text = "~" + text[len(home) :]
    return visible(text)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file: where, and a phrase saying what and what is done."""

    line: int | None
    text: str

    def sentence(self, path: Path) -> str:
        where = shown_path(path) + (f", line {self.line}" if self.line else "")
        # The phrase may quote the file (names, keys): made visible here, once for all.
        return f"{where}: {visible(self.text)}."


# Lines of keys -------------------------------------------------------------------------

_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TABLE_LINE = re.compile(rf"^\s*\[\[?\s*({_PART}(?:\s*\.\s*{_PART})*)\s*\]\]?")
_KEY_LINE = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in re.findall(_PART, dotted))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Where each table and key is first written: (table, key) -> line number."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if match := _TABLE_LINE.match(line):
            table = _parts(match.group(1))
            lines.setdefault(table, number)
        elif match := _KEY_LINE.match(line):
            lines.setdefault(table + _parts(match.group(1)), number)
    return lines


# The result ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings from one config file, and what was wrong with it."""

    settings: Settings
    path: Path
    named_by: str | None = None  # "--config", "TUIREADER_CONFIG", None: the default place
    exists: bool = False
    #: The fields the file sets: these win over remembered choices (a bad value: the
    #: default wins, as its problem says).
    explicit: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = ()
    lines: Mapping[tuple[str, ...], int] = field(default_factory=lambda: MappingProxyType({}))

    def theme_problem(self, available: Collection[str]) -> Problem | None:
        """The file's theme, checked against the themes the interface has."""
        theme = self.settings.theme
        if "theme" not in self.explicit or theme is None or theme in available:
            return None
        return Problem(
            self.lines.get(("theme",)),
            f"there is no theme {shown(theme)}{close_match(theme, sorted(available))}; "
            "it is not used",
        )

    def with_remembered(self, remembered: Mapping[str, str]) -> tuple[Settings, dict[str, str]]:
        """The settings the reader starts with: the file's, else a remembered choice, else
        the default; and where each field's value came from (file, remembered, default).
        A remembered theme still has to be one the interface has (it checks)."""
        usable = {k: v for k, v in remembered_values(remembered).items() if k not in self.explicit}
        sources = {
            spec.field: "file" if spec.field in self.explicit else "default" for spec in SPECS
        }
        sources["keymap"] = "file" if "keymap" in self.explicit else "default"
        sources.update(dict.fromkeys(usable, "remembered"))
        return replace(self.settings, **usable), sources

    def sentences(self, extra: Sequence[Problem] = ()) -> list[str]:
        return [problem.sentence(self.path) for problem in (*self.problems, *extra)]

    def summary(self, extra: Sequence[Problem] = ()) -> str | None:
        """Every problem, as one sentence to show: the first, and how many more."""
        sentences = self.sentences(extra)
        if not sentences:
            return None
        if len(sentences) == 1:
            return sentences[0]
        more = len(sentences) - 1
        return (
            f"{sentences[0][:-1]} (and {more} more problem{'s' if more > 1 else ''}: "
            "`tuireader config check` lists them)."
        )


def defaults(path: Path | None = None) -> LoadedSettings:
    return LoadedSettings(Settings(), path or Path(FILE_NAME))


# Reading -------------------------------------------------------------------------------


def _read(path: Path, named_by: str | None) -> tuple[str | None, Problem | None]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        if named_by is None:
            return None, None
        return None, Problem(
            None, f"it does not exist (named by {named_by}); the default settings are used"
        )
    except IsADirectoryError:
        return None, Problem(None, "it is a folder, not a file; the default settings are used")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, Problem(None, f"it cannot be read ({reason}); the default settings are used")
    if len(data) > MAX_BYTES:
        return None, Problem(
            None, "it is over 1 MiB, too big for a config file; the default settings are used"
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(line, "this is not UTF-8 text; the default settings are used")


_AT = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$|\s*\(at end of document\)\s*$")


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str) -> Problem:
    message = str(error)
    found = _AT.search(message)
    lines = text.splitlines()
    line = int(found.group(1)) if found and found.group(1) else (len(lines) or None)
    reason = message[: found.start()] if found else message
    reason = reason[:1].lower() + reason[1:]
    key = ""
    if line is not None and 0 < line <= len(lines):
        source = lines[line - 1]
        if match := _KEY_LINE.match(source):
            key = f" at {'.'.join(_parts(match.group(1)))}"
            value = source[match.end() :].strip()
            if reason.startswith("invalid value") and re.fullmatch(r"[A-Za-z][\w-]*", value):
                reason += f'; text needs quotes: "{value}"'
    return Problem(
        line, f"this is not valid TOML{key} ({reason}); none of the file's settings are used"
    )


def load_settings(option: str | None = None) -> LoadedSettings:
    """The settings from the config file (see the module docstring); never raises."""
    path, named_by = find_config(option)
    text, problem = _read(path, named_by)
    exists = text is not None
    if text is None:
        return LoadedSettings(
            Settings(), path, named_by, exists, problems=() if problem is None else (problem,)
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedSettings(
            Settings(), path, named_by, True, problems=(_syntax_problem(error, text),)
        )
    return _from_data(data, path, named_by, key_lines(text))


def _unknown(
    name: str, where: tuple[str, ...], value: object, lines: Mapping[tuple[str, ...], int]
) -> Problem:
    """A key the settings do not have, with the nearest one there is."""
    names = [spec.name for spec in SPECS]
    leaves = {spec.key: spec.name for spec in SPECS}
    line = lines.get((*where, name))
    if not where and isinstance(value, dict):
        found = difflib.get_close_matches(name, TABLES, n=1)
        hint = f" (did you mean [{found[0]}]?)" if found else ""
        return Problem(line, f"there is no table [{name[:40]}]{hint}; it is not used")
    dotted = ".".join((*where, name))
    hint = close_match(dotted, names)
    if not hint and not where and name in leaves:
        hint = f" (did you mean {name} under [{leaves[name].split('.')[0]}]?)"
    return Problem(line, f"there is no setting {shown(dotted)}{hint}; it is not used")


def _from_data(
    data: Mapping[str, Any],
    path: Path,
    named_by: str | None,
    lines: Mapping[tuple[str, ...], int],
) -> LoadedSettings:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    decided: set[str] = set()  # set by the file, rightly or not: its default if not
    by_place = {(spec.table, spec.key): spec for spec in SPECS}
    for key, value in data.items():
        if key in TABLES:
            if not isinstance(value, dict):
                problems.append(
                    Problem(
                        lines.get((key,)),
                        f"{key} must be a table ([{key}]), "
                        f"not {shown(value)}; its settings are the defaults",
                    )
                )
            elif key != "keymap":
                for inner, inner_value in value.items():
                    spec = by_place.get((key, inner))
                    if spec is None:
                        problems.append(_unknown(inner, (key,), inner_value, lines))
                    else:
                        decided.add(spec.field)
                        _parse(spec, inner_value, values, problems, lines, path)
        elif (spec := by_place.get((None, key))) is not None:
            decided.add(spec.field)
            _parse(spec, value, values, problems, lines, path)
        else:
            problems.append(_unknown(key, (), value, lines))
    keymap = data.get("keymap")
    if isinstance(keymap, dict) and keymap:
        decided.add("keymap")
        parsed = _keymap(keymap, problems, lines)
        if parsed is not None:
            values["keymap"] = MappingProxyType(parsed)
    return LoadedSettings(
        replace(Settings(), **values),
        path,
        named_by,
        True,
        frozenset(decided),
        tuple(sorted(problems, key=lambda p: (p.line is None, p.line or 0))),
        MappingProxyType(dict(lines)),
    )


def _parse(
    spec: Spec,
    value: object,
    values: dict[str, Any],
    problems: list[Problem],
    lines: Mapping[tuple[str, ...], int],
    path: Path,
) -> None:
    place = (spec.table, spec.key) if spec.table else (spec.key,)
    try:
        parsed = spec.parse(value)
    except BadValue as error:
        default = spec.default or "the user data folder"
        problems.append(
            Problem(
                lines.get(place),
                f"{spec.name} {error}, not {shown(value)}; the default ({default}) is used",
            )
        )
        return
    if isinstance(parsed, Path) and not parsed.is_absolute():
        parsed = path.absolute().parent / parsed
    values[spec.field] = parsed


def _keymap(
    raw: Mapping[str, object], problems: list[Problem], lines: Mapping[tuple[str, ...], int]
) -> dict[str, tuple[str, ...]] | None:
    """The keymap, or None (and its problems said) if any entry of it is wrong."""
    texts: dict[str, str] = {}
    found: list[tuple[str, str]] = []  # (binding id, phrase)
    for binding_id, value in raw.items():
        if isinstance(value, str):
            texts[binding_id] = value
        else:
            found.append(
                (
                    binding_id,
                    f"keymap.{binding_id} must be keys in quotes, like "
                    f'"ctrl+n" or "n,ctrl+n", not {shown(value)}',
                )
            )
    parsed, bad = parse_keymap(texts)
    found += [(p.ids[0], f"keymap: {p.what}") for p in [*bad, *check_keymap(parsed)]]
    for binding_id, phrase in found:
        problems.append(
            Problem(
                lines.get(("keymap", binding_id)) or lines.get(("keymap",)),
                f"{phrase}; the default keys are used",
            )
        )
    if found:
        return None
    return {b: keys for b, keys in parsed.items() if keys != DEFAULT_KEYS[b]}
