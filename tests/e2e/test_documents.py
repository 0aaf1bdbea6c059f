"""`tuireader` with no FILE opens the document read last, and `o` lists your documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_real_terminal import _DATA_HOME, start
from tests.e2e.test_real_terminal import terminals as terminals  # the fixture
from tests.helpers.terminal import Terminal


def _tuireader(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        check=True,
        env={**os.environ, **_DATA_HOME},
    )


def test_the_last_document_opens_and_o_lists_the_others(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text("---\ntitle: A talk\n---\nThe first paragraph.\n\nThe second paragraph.\n")
    _tuireader("notes", "add", "--passage", "qa-3.p2", "--text", "On the interview")
    first = start(terminals, str(talk))
    first.wait_for("The first paragraph.")
    first.press("j")  # to the second paragraph
    first.press("q")
    assert first.wait_exit() == 0

    again = start(terminals)  # no FILE: the talk again, where it was left
    again.wait_for("A talk")
    again.wait_for("passage 2/2")
    again.press("o")
    again.wait_for("Your documents")  # the interview: the one with a note (the talk has none)
    again.wait_for("Foreign Minister Sergey Lavrov")
    again.wait_for("1 note · 0 bookmarks")
    again.press("\r")
    again.wait_for("Intro · passage 1/3")
    again.press("q")
    assert again.wait_exit() == 0

    last = start(terminals)  # and now the interview is the one read last
    last.wait_for("Intro · passage 1/3")
    last.press("q")
    assert last.wait_exit() == 0
