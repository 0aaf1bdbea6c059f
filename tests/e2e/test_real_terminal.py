"""The installed `tuireader`, started in a real pseudo-terminal and used with the keyboard."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def tuireader_command() -> str:
    installed = Path(sys.executable).with_name("tuireader")
    found = str(installed) if installed.exists() else shutil.which("tuireader")
    assert found, "the tuireader command is not installed"
    return found


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def start(
    terminals: list[Terminal],
    *args: str,
    term: str = "xterm-256color",
    cols: int = 80,
    rows: int = 24,
) -> Terminal:
    terminal = Terminal([tuireader_command(), *args], cols, rows, env={"TERM": term})
    terminals.append(terminal)
    return terminal


@pytest.mark.parametrize("term", ["xterm-256color", "xterm"])
def test_open_press_n_three_times_and_quit(terminals: list[Terminal], term: str) -> None:
    terminal = start(terminals, term=term)
    terminal.wait_for("Foreign Minister Sergey Lavrov")
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("n", "n", "n")
    terminal.wait_for("Q3/10 · passage 1/13")
    terminal.wait_for("Can you comment on the incidents")
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_document_escape_sequences_never_reach_the_terminal(terminals: list[Terminal]) -> None:
    terminal = start(terminals, str(FIXTURES / "markup.txt"), cols=120, rows=30)
    terminal.wait_for("Markup [/] and [bold]x and list[int]")
    terminal.press("n")
    terminal.wait_for("Does [bold]this[/] [@click=app.quit]quit[/]?")
    terminal.wait_for("␛]0;PWNED␇ title")
    raw = bytes(terminal.raw)
    assert b"\x1b]0;PWNED" not in raw
    assert b"\x1b]52;c;ZXZpbA==" not in raw
    assert b"PWNED\x07" not in raw
    assert "\u009b".encode() not in raw
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_no_color(terminals: list[Terminal]) -> None:
    terminal = Terminal([tuireader_command()], 80, 24, env={"TERM": "xterm", "NO_COLOR": "1"})
    terminals.append(terminal)
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("n")
    terminal.wait_for("Q1/10")
    # The current passage is marked without colour: the gutter bar.
    assert any(line.startswith("▌") or "▌" in line[:40] for line in terminal.screen.display)
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_missing_file_is_one_sentence(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [tuireader_command(), str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"tuireader: {tmp_path / 'nope.txt'} does not exist."
