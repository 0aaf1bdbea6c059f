"""`tuireader config path | show | init | check`, run as a user would (a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader.settings import load_settings
from tuireader.settings.starter import starter_text

DOCS = Path(__file__).resolve().parents[2] / "docs"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **env},
    )


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user config folder and data folder of the test's own."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}


def test_path_says_where_and_whether_it_exists(tmp_path: Path, home: dict[str, str]) -> None:
    result = run("config", "path", **home)
    assert result.returncode == 0
    assert result.stdout == f"{tmp_path}/config/tuireader/config.toml\n"
    assert "does not exist" in result.stderr and "config init" in result.stderr
    named = tmp_path / "mine.toml"
    named.write_text("")
    result = run("config", "path", **home, TUIREADER_CONFIG=str(named))
    assert (
        result.stdout == f"{named}\n" and "It exists (named by TUIREADER_CONFIG)." in result.stderr
    )
    result = run("--config", str(tmp_path / "x.toml"), "config", "path", **home)
    assert result.stdout == f"{tmp_path}/x.toml\n"


def test_init_writes_a_starter_and_never_overwrites_unasked(
    tmp_path: Path, home: dict[str, str]
) -> None:
    path = tmp_path / "config" / "tuireader" / "config.toml"
    result = run("config", "init", **home)
    assert result.returncode == 0, result.stderr
    assert path.read_text() == starter_text(tmp_path / "data" / "tuireader")
    path.write_text('theme = "nord"\n')
    result = run("config", "init", **home)
    assert result.returncode == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text() == 'theme = "nord"\n'
    result = run("config", "init", "--force", **home)
    assert result.returncode == 0
    assert path.read_text().startswith("# tuireader settings")
    assert path.with_name("config.toml.bak").read_text() == 'theme = "nord"\n'


def test_check_exits_2_with_the_sentence_on_a_bad_file(
    tmp_path: Path, home: dict[str, str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[keymap]\nnext-anwser = "ctrl+n"\n')
    result = run("config", "check", "--config", str(config), **home)
    assert result.returncode == 2
    assert result.stderr == (
        f'tuireader: {config}, line 2: keymap: there is no binding "next-anwser" (did you mean '
        '"next-answer"?); the default keys are used.\n'
    )
    config.write_text("text_width = \n")
    result = run("config", "check", "--config", str(config), **home)
    assert result.returncode == 2 and "line 1: this is not valid TOML" in result.stderr
    config.write_text('theme = "nrod"\n')  # checked against Textual's themes
    result = run("config", "check", "--config", str(config), **home)
    assert result.returncode == 2 and '(did you mean "nord"?)' in result.stderr
    result = run("config", "check", "--config", str(tmp_path / "missing.toml"), **home)
    assert result.returncode == 2 and "does not exist (named by --config)" in result.stderr


def test_check_is_0_on_a_good_file_or_none(tmp_path: Path, home: dict[str, str]) -> None:
    result = run("config", "check", **home)
    assert (
        result.returncode == 0 and "does not exist: every setting is its default" in result.stdout
    )
    assert run("config", "init", **home).returncode == 0
    result = run("config", "check", **home)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith("config.toml is fine.\n")
    config = tmp_path / "c.toml"
    config.write_text('theme = "nord"\ntext_width = "full"\n[keymap]\nnext-answer = "ctrl+n"\n')
    assert run("config", "check", "--config", str(config), **home).returncode == 0


def test_show_marks_defaults_the_file_and_remembered_choices(
    tmp_path: Path, home: dict[str, str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text('text_width = 72\n[keymap]\nnext-answer = "ctrl+n"\n')
    data = tmp_path / "notes"
    data.mkdir()
    (data / "choices.json").write_text('{"theme": "gruvbox", "tree-width": "31"}')
    result = run("--config", str(config), "--data-dir", str(data), "config", "show", **home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# The settings from {config} (named by --config)."
    marks = {line.split(" = ")[0]: line.rsplit("# ", 1)[1] for line in lines if " = " in line}
    assert marks["theme"] == "remembered (chosen in the reader)"
    assert marks["text_width"] == "from the file" and marks["shown"] == "default"
    assert marks["width"] == "remembered (chosen in the reader)"
    assert marks["data_dir"] == "from --data-dir"
    assert marks["next-answer"] == "from the file" and marks["previous-answer"] == "default"
    assert 'next-answer = "ctrl+n"' in result.stdout
    # What it prints is a config file that gives the same settings.
    shown = tmp_path / "shown.toml"
    shown.write_text(result.stdout)
    again = load_settings(str(shown))
    assert again.problems == ()
    assert again.settings.keymap == {"next-answer": ("ctrl+n",)}
    assert again.settings.text_width == 72 and again.settings.tree_width == 31


def test_the_other_commands_use_the_files_data_dir(tmp_path: Path, home: dict[str, str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'data_dir = "{tmp_path / "kept"}"\n')
    added = run("notes", "add", "--passage", "qa-1.p1", "--text", "x", "--config", str(config))
    assert added.returncode == 0, added.stderr
    assert list((tmp_path / "kept").rglob("*.yaml"))
    listed = run("--config", str(config), "notes", "list", "--json")
    assert '"body": "x"' in listed.stdout


def test_a_bad_file_is_said_by_the_other_commands_too(tmp_path: Path, home: dict[str, str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text("text_width = 3\n")
    result = run("--config", str(config), "notes", "list", "--data-dir", str(tmp_path), **home)
    assert result.returncode == 0
    assert result.stderr == (
        f"tuireader: {config}, line 1: text_width must be a number of columns from 20 to "
        '1000, or "full", not 3; the default (100) is used.\n'
    )
