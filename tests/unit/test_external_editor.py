"""The user's own editor, headless: which one, the private file it edits, and failures
that lose nothing. A fake editor script stands in for it (tests/helpers/fake_editor.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers.fake_editor import editor
from tuireader.external_editor import EditorError, editor_command, run_editor


def _command(*args: str) -> list[str]:
    return editor_command({"EDITOR": editor(*args), "PATH": os.environ.get("PATH", "")})


def test_visual_wins_over_editor_and_is_split_like_a_shell() -> None:
    env = {"VISUAL": "true --wait 'two words'", "EDITOR": "false", "PATH": os.environ["PATH"]}
    assert editor_command(env) == ["true", "--wait", "two words"]
    assert editor_command({"VISUAL": " ", "EDITOR": "true", "PATH": os.environ["PATH"]}) == ["true"]


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({}, "No editor is set: set $VISUAL or $EDITOR"),
        ({"EDITOR": "no-such-editor-anywhere --flag"}, "no-such-editor-anywhere, was not found"),
        ({"VISUAL": "vim 'unclosed"}, "$VISUAL is not a command that can be run"),
        ({"EDITOR": "/nowhere/at/all/vi"}, "/nowhere/at/all/vi, was not found"),
    ],
)
def test_no_editor_or_one_that_is_not_there_is_said(env: dict[str, str], problem: str) -> None:
    with pytest.raises(EditorError, match=problem.replace("$", r"\$")):
        editor_command({**env, "PATH": os.environ.get("PATH", "")})


def test_the_text_comes_back_as_the_editor_left_it() -> None:
    edited = run_editor(_command("append", " (edited)"), "Line one\n\n# A heading\nlast")
    assert edited.text == "Line one\n\n# A heading\nlast (edited)"
    assert edited.warning is None
    # No final line break written by the editor: the text is as it left it.
    assert run_editor(_command("write", "exact\ttext  "), "old").text == "exact\ttext  "


def test_the_file_is_private_and_gone_afterwards(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    run_editor(_command("report", str(report)), "secret note")
    seen = json.loads(report.read_text())
    assert (seen["file_mode"], seen["folder_mode"]) == (0o600, 0o700)
    assert seen["text"] == "secret note\n" and seen["path"].endswith(".md")
    assert not Path(seen["path"]).parent.exists()  # removed once the text is back


def test_a_failing_editor_changes_nothing_and_keeps_what_it_wrote() -> None:
    with pytest.raises(EditorError) as failed:
        run_editor(_command("fail", "3"), "my note")
    message = str(failed.value)
    assert "exited with status 3, so the note was not changed" in message
    kept = Path(message.rsplit(" kept in ", 1)[1].rstrip("."))
    assert kept.read_text() == "my note\nhalf a thought\n"
    kept.unlink()
    kept.parent.rmdir()
    with pytest.raises(EditorError, match=r"exited with status 1, so the note was not changed\.$"):
        run_editor(_command("quit", "1"), "my note")  # wrote nothing: nothing to keep


def test_an_editor_that_cannot_start() -> None:
    folder = Path(__file__).parent  # a folder is found by name, but cannot be run
    with pytest.raises(EditorError, match="could not be started"):
        run_editor([str(folder)], "text")


def test_bytes_that_are_not_utf8_come_back_as_replacement_characters() -> None:
    edited = run_editor(_command("bytes", b"caf\xe9\n".hex()), "café")
    assert edited.text == "caf\ufffd"
    assert edited.warning is not None and "not UTF-8" in edited.warning
