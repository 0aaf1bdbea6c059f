"""The installed `tuireader`, started in a real pseudo-terminal and used with the keyboard."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.terminal import Terminal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def tuireader_command() -> str:
    installed = Path(sys.executable).with_name("tuireader")
    found = str(installed) if installed.exists() else shutil.which("tuireader")
    assert found, "the tuireader command is not installed"
    return found


_DATA_HOME: dict[str, str] = {}


@pytest.fixture
def terminals(tmp_path: Path) -> Iterator[list[Terminal]]:
    """Terminals to close after the test; each test gets its own user data folder."""
    _DATA_HOME["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
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
    **env: str,
) -> Terminal:
    terminal = Terminal(
        [tuireader_command(), *args], cols, rows, env={"TERM": term, **_DATA_HOME, **env}
    )
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


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
def test_the_first_frame_is_the_right_frame(
    terminals: list[Terminal], size: tuple[int, int]
) -> None:
    """No frame wrapped at a guessed width, no empty tree, drawn and then corrected."""
    cols, rows = size
    terminal = start(terminals, cols=cols, rows=rows)
    first = terminal.first_frame_with("JUNE 2021")
    assert "Intro · passage 1/3" in first
    assert "n Next answer" in first
    lines = first.splitlines()
    if cols >= 70:  # the tree is beside the text
        assert any("▼ Interview (10)" in line for line in lines), first
        assert any("This interview shows that Russia" in line for line in lines), first
    else:
        assert any("This interview shows that" in line for line in lines), first
    # Nothing is corrected after it, and the screen is not written whole again (Textual
    # would: ReaderScreen drops the repaints the first frame already made).
    written = len(terminal.raw)
    terminal.drain(quiet=0.3)
    assert terminal.text() == first
    assert len(terminal.raw) - written < written // 2, (written, len(terminal.raw))
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
    terminal = start(terminals, term="xterm", NO_COLOR="1")
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("n")
    terminal.wait_for("Q1/10")
    # The current passage is marked without colour: the gutter bar.
    assert any(line.startswith("▌") or "▌" in line[:40] for line in terminal.display())
    # No colour codes at all (https://no-color.org): no SGR foreground/background.
    import re

    colours = set()
    for params in re.findall(rb"\x1b\[([0-9;:]*)m", bytes(terminal.raw)):
        for code in params.replace(b":", b";").split(b";"):
            if code and (30 <= int(code) <= 37 or 40 <= int(code) <= 47 or int(code) >= 90):
                colours.add(code)
            if code in (b"38", b"48"):
                colours.add(code)
    assert not colours, f"colour codes written under NO_COLOR: {sorted(colours)}"
    # The tree's cursor (the section being read) stands out without colour: reversed.
    tree_cursor = [
        (y, x)
        for y in range(terminal.screen.lines)
        for x in range(20)
        if terminal.screen.buffer[y][x].reverse and terminal.screen.buffer[y][x].data != " "
    ]
    assert any(y > 1 for y, _ in tree_cursor), "the tree's cursor is not marked"
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


def test_note_survives_quit_and_restart(terminals: list[Terminal], tmp_path: Path) -> None:
    import json
    import subprocess

    data = str(tmp_path / "data")
    terminal = start(terminals, "--data-dir", data)
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("n", "n")
    terminal.wait_for("Q2/10")
    terminal.press("a")
    terminal.wait_for("Note on")
    terminal.press(*"Worst partners? [/]")
    terminal.press("\x13")  # ctrl+s
    terminal.wait_for("Q2/10 · passage 1/5")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    listing = subprocess.run(
        [tuireader_command(), "notes", "list", "--json", "--data-dir", data],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    [note] = json.loads(listing.stdout)
    assert note["passage"].startswith("qa-2.") and note["body"] == "Worst partners? [/]"
    again = start(terminals, "--data-dir", data)
    again.wait_for("Q2/10 · passage 1/5")  # back where we were
    assert any("✎" in line for line in again.display())
    again.press("q")
    assert again.wait_exit() == 0


def test_killed_editor_offers_its_text_back(terminals: list[Terminal], tmp_path: Path) -> None:
    import os
    import signal
    import time

    data = str(tmp_path / "data")
    terminal = start(terminals, "--data-dir", data)
    terminal.wait_for("Intro · passage 1/3")
    terminal.press("n", "a")
    terminal.wait_for("Note on")
    terminal.press(*"half-written thought")
    # The editor keeps a draft a moment after typing stops: wait until it is on disk.
    deadline = time.monotonic() + 10
    while not any(
        "half-written thought" in p.read_text(errors="replace")
        for p in (tmp_path / "data").rglob("*.yaml")
    ):
        assert time.monotonic() < deadline, "the draft was never saved"
        terminal.drain(0.1)
    os.kill(terminal.pid, signal.SIGKILL)
    terminal.wait_exit()
    again = start(terminals, "--data-dir", data)
    again.wait_for("Restore it?")
    again.wait_for("half-written thought")
    again.press("y")
    again.wait_for("Note on")
    again.press("\x13")
    again.wait_for("Q1/10")
    again.press("q")
    assert again.wait_exit() == 0


def test_a_document_piped_in_is_read_and_the_keys_come_from_the_terminal(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    """`cat qa.txt | tuireader -`: the text from the pipe, the keys from the terminal."""
    source = tmp_path / "qa.txt"
    source.write_text(
        "Question: Piped in?\n\nA: Yes, through a pipe.\n\nQuestion: And then?\n\nA: Keys.\n"
    )
    command = f"cat {source} | {tuireader_command()} -"
    terminal = Terminal(["sh", "-c", command], 80, 24, env={"TERM": "xterm-256color", **_DATA_HOME})
    terminals.append(terminal)
    terminal.wait_for("Q1/2")
    terminal.press("n")
    terminal.wait_for("Q2/2")
    terminal.wait_for("And then?")
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_at_opens_the_reader_there(terminals: list[Terminal]) -> None:
    terminal = start(terminals, "--at", "qa-7.p3")
    terminal.wait_for("Q7/10 · passage 3/7")


def test_a_key_from_the_config_file_works_in_a_real_terminal(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('text_width = 60\n[keymap]\nnext-answer = "ctrl+n"\n')
    terminal = start(terminals, "--config", str(config), cols=100, rows=30)
    terminal.wait_for("Intro · passage 1/3")
    terminal.wait_for("Next answer")
    assert terminal.visible("^n Next answer")  # the key bar names the user's key
    terminal.press("n")  # no longer bound: nothing moves
    assert terminal.visible("Intro · passage 1/3")
    terminal.press("\x0e")  # ctrl+n
    terminal.wait_for("Q1/10 · passage 1/")
    terminal.press("?")
    terminal.wait_for("^n")
    terminal.press("\x1b")
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_a_broken_config_file_is_said_and_the_reader_works(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[tree]\nwidht = 30\n")
    terminal = start(terminals, "--config", str(config), cols=120, rows=30)
    terminal.wait_for("Intro · passage 1/3")
    terminal.wait_for('"tree.widht" (did you mean "tree.width"?); it is not')  # in a notice
    terminal.press("n")
    terminal.wait_for("Q1/10")
    terminal.press("q")
    assert terminal.wait_exit() == 0
