"""ctrl+e in a real pseudo-terminal: the reader gives the terminal to $EDITOR (a fake one
that asks for a line on the terminal, as a person types in an editor), and takes it back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.e2e.test_real_terminal import _DATA_HOME, start
from tests.e2e.test_real_terminal import terminals as terminals  # the fixture
from tests.helpers.fake_editor import editor
from tests.helpers.terminal import Terminal

CTRL_E, CTRL_S = "\x05", "\x13"


def _saved_notes() -> list[str]:
    listing = subprocess.run(
        [sys.executable, "-m", "tuireader", "notes", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **_DATA_HOME},
    )
    return [note["body"] for note in json.loads(listing.stdout)]


def test_the_editor_has_the_terminal_and_the_text_comes_back(
    terminals: list[Terminal],
) -> None:
    terminal = start(terminals, EDITOR=editor("ask"), VISUAL="")
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("a")
    terminal.wait_for("New note")
    terminal.press(*"Begun")
    terminal.send(CTRL_E)
    terminal.wait_for("EDITING note.md")  # the editor is on the terminal, the reader waits
    terminal.send(" in my editor\r")
    terminal.wait_for("Begun in my editor")  # back in the reader's note editor
    terminal.wait_until_shown("saves it")
    terminal.press(CTRL_S)
    terminal.wait_until_gone("New note")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    assert _saved_notes() == ["Begun in my editor"]


def test_a_failing_editor_is_said_and_the_text_stays(terminals: list[Terminal]) -> None:
    terminal = start(terminals, EDITOR=editor("fail", "3"), VISUAL="")
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("a")
    terminal.wait_for("New note")
    terminal.press(*"Mine")
    terminal.send(CTRL_E)
    terminal.wait_until_shown("status 3")
    assert terminal.visible("Mine")
    terminal.press(CTRL_S)
    terminal.wait_until_gone("New note")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    assert _saved_notes() == ["Mine"]


def test_no_editor_is_said(terminals: list[Terminal]) -> None:
    terminal = start(terminals, EDITOR="", VISUAL="")
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("a")
    terminal.wait_for("New note")
    terminal.send(CTRL_E)
    terminal.wait_until_shown("No editor is set")
