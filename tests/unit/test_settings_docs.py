"""docs/config.md and the starter file (`tuireader config init`) name every setting with its
default; the example in the docs is a good file."""

from __future__ import annotations

import tomllib
from dataclasses import fields, replace
from pathlib import Path

from tuireader.settings import SPECS, Settings, load_settings
from tuireader.settings.starter import starter_text

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_setting_is_in_the_starter_file_and_the_docs() -> None:
    starter = starter_text(Path("/data"))
    docs = (DOCS / "config.md").read_text()
    names = {spec.field for spec in SPECS} | {"keymap"}
    assert names == {f.name for f in fields(Settings)}  # no field without a spec
    for spec in SPECS:
        assert f"# {spec.key} = {spec.default or chr(34)}" in starter, spec.name
        row = next((line for line in docs.splitlines() if f"| `{spec.name}`" in line), None)
        assert row is not None, f"docs/config.md does not list {spec.name}"
        assert spec.default in row if spec.default else "user data folder" in row, spec.name
    assert "[keymap]" in starter and "`[keymap]`" in docs
    assert "config init" in (DOCS.parent / "README.md").read_text()


def test_the_example_in_the_docs_is_a_good_file(tmp_path: Path) -> None:
    docs = (DOCS / "config.md").read_text()
    example = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "config.toml"
    path.write_text(example)
    loaded = load_settings(str(path))
    assert loaded.problems == () and loaded.settings.keymap["previous-answer"] == ("ctrl+o", "p")


def test_the_starter_file_uncommented_is_every_default(tmp_path: Path) -> None:
    starter = starter_text(tmp_path / "data")
    assert tomllib.loads(starter) == {"tree": {}, "notes": {}, "search": {}, "keymap": {}}
    lines = [
        line[2:] if line.startswith("# ") and " = " in line else line
        for line in starter.splitlines()
    ]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    loaded = load_settings(str(path))
    assert loaded.problems == ()
    assert loaded.explicit == {spec.field for spec in SPECS} | {"keymap"}
    # Every default as written is the default; the keymap's example is its one change.
    assert loaded.settings == replace(
        Settings(),
        theme="textual-dark",
        data_dir=tmp_path / "data",
        keymap={"next-answer": ("ctrl+n",)},
    )
