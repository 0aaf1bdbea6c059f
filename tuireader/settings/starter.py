"""The text of the starter file (``tuireader config init``) and of ``tuireader config show``,
both made from the settings' own table (:data:`~tuireader.settings.schema.SPECS`), so
neither can leave a setting out. Headless.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tuireader.search import Case
from tuireader.settings.keymap import DECLARED, DEFAULT_KEYS
from tuireader.settings.schema import SPECS, TABLES, Settings, Spec


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string; control characters escaped (safe to print)."""
    out = ['"']
    for character in text:
        if character in '"\\':
            out.append("\\" + character)
        elif ord(character) < 0x20 or 0x7F <= ord(character) < 0xA0:
            out.append(f"\\u{ord(character):04x}")
        else:
            out.append(character)
    out.append('"')
    return "".join(out)


def _default(spec: Spec, data_dir: Path) -> str:
    return toml_string(str(data_dir)) if spec.field == "data_dir" else spec.default


def _in_table(table: str | None) -> list[Spec]:
    return [spec for spec in SPECS if spec.table == table]


def starter_text(data_dir: Path) -> str:
    """A commented file with every setting at its default (``data_dir``: the default one)."""
    lines = [
        "# tuireader settings (TOML). Every setting is here with its default, commented out:",
        '# remove the "#" before one to change it. `tuireader config check` checks the file;',
        "# docs/config.md explains every setting. Choices made in the reader (a theme from",
        "# the palette, the tree's width, v) are remembered elsewhere; this file wins over them.",
    ]
    for table in (None, *TABLES):
        lines.append("")
        if table is not None:
            lines.append(f"[{table}]")
        for spec in _in_table(table):
            lines.extend(f"# {line}" for line in spec.help.splitlines())
            lines.append(f"# {spec.key} = {_default(spec, data_dir)}")
            lines.append("")
        if table == "keymap":
            lines += [
                "# One line per binding you change: its id, an equals sign, and its keys in",
                "# quotes, commas between. The ids are in docs/keys.md and `tuireader config",
                "# show`; keys are written as in Textual (ctrl+n, shift+up, pagedown, ? or",
                "# question_mark) or as the help shows them (esc, PgDn, ^n). The others keep",
                "# their keys. For example, the next answer on ctrl+n (n then does nothing):",
                '# next-answer = "ctrl+n"',
            ]
        while lines[-1] == "":
            lines.pop()
    return "\n".join(lines) + "\n"


def _value(spec: Spec, settings: Settings, data_dir: Path) -> str:
    value = getattr(settings, spec.field)
    if spec.field == "data_dir":
        return toml_string(str(data_dir))
    if spec.field == "theme":
        return toml_string(value) if value else spec.default
    if value is None:  # text_width "full", tree.width "auto"
        return '"full"' if spec.field == "text_width" else '"auto"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Case):
        return toml_string(value.value)
    return str(value)


_SOURCE_NOTES = {
    "default": "default",
    "file": "from the file",
    "remembered": "remembered (chosen in the reader)",
    "option": "from --data-dir",
}


def show_text(settings: Settings, sources: Mapping[str, str], data_dir: Path, heading: str) -> str:
    """The effective settings as a TOML file, each marked with where it comes from."""
    rows: list[tuple[str, str]] = []  # (line, note); a note "" means no comment
    for table in (None, *TABLES):
        if table is not None:
            rows += [("", ""), (f"[{table}]", "")]
        for spec in _in_table(table):
            rows.append((f"{spec.key} = {_value(spec, settings, data_dir)}", sources[spec.field]))
    for declared in DECLARED.values():
        for binding_id in declared:
            keys = settings.keymap.get(binding_id, DEFAULT_KEYS[binding_id])
            source = "file" if binding_id in settings.keymap else "default"
            rows.append((f"{binding_id} = {toml_string(','.join(keys))}", source))
    width = max(len(line) for line, note in rows if note)
    out = [f"# {heading}"]
    for line, note in rows:
        out.append(f"{line:<{width}}  # {_SOURCE_NOTES[note]}" if note else line)
    return "\n".join(out) + "\n"
