"""ctrl+e in the note editor: the text in the user's own editor, and back.

Textual's test driver cannot suspend (there is no terminal to hand over), so the tests of
what happens around the editor replace App.suspend by a plain context; the real thing,
in a pseudo-terminal, is in tests/e2e/test_own_editor.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.helpers.fake_editor import editor
from tests.helpers.reader import shown_notices
from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.note_editor import NoteEditor


@pytest.fixture
def suspendable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """App.suspend as on a terminal that can be handed over; records each use."""
    used: list[str] = []

    @contextlib.contextmanager
    def suspend(self: ReaderApp) -> Iterator[None]:
        used.append("suspended")
        yield
        used.append("resumed")

    monkeypatch.setattr(ReaderApp, "suspend", suspend)
    monkeypatch.delenv("VISUAL", raising=False)
    return used


def _app(seed: Document, tmp_path: Path) -> ReaderApp:
    return ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))


def _saved(seed: Document, tmp_path: Path) -> list[str]:
    return [i.record.body for i in NotesStore(tmp_path).open(seed).notes()]


async def test_the_editors_text_comes_back_to_be_saved(
    seed: Document, tmp_path: Path, suspendable: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", editor("append", "\n\n## Written in my editor\n- one"))
    app = _app(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n", "a", *"Started here", "ctrl+e")
        assert suspendable == ["suspended", "resumed"]
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == "Started here\n\n## Written in my editor\n- one"
        assert any("^s saves it" in n for n in await shown_notices(pilot))
        assert _saved(seed, tmp_path) == []  # not saved until asked
        await pilot.press("ctrl+s")
        assert _saved(seed, tmp_path) == ["Started here\n\n## Written in my editor\n- one"]


async def test_a_failing_editor_leaves_the_text_as_it_was(
    seed: Document, tmp_path: Path, suspendable: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", editor("fail", "3"))
    app = _app(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", *"Mine", "ctrl+e")
        assert suspendable == ["suspended", "resumed"]  # the reader came back
        assert app.screen.query_one(TextArea).text == "Mine"
        [notice] = await shown_notices(pilot)
        assert "exited with status 3, so the note was not changed" in notice
        kept = Path(notice.replace("\n", "").rsplit("kept in ", 1)[1].rstrip("."))
        assert kept.read_text() == "Mine\nhalf a thought\n"
        await pilot.press("ctrl+s")
        assert _saved(seed, tmp_path) == ["Mine"]


@pytest.mark.parametrize(
    ("editor_command", "problem"),
    [(None, "No editor is set"), ("no-such-editor-anywhere", "was not found")],
)
async def test_no_editor_is_said_and_the_reader_is_not_suspended(
    seed: Document,
    tmp_path: Path,
    suspendable: list[str],
    monkeypatch: pytest.MonkeyPatch,
    editor_command: str | None,
    problem: str,
) -> None:
    if editor_command is None:
        monkeypatch.delenv("EDITOR", raising=False)
    else:
        monkeypatch.setenv("EDITOR", editor_command)
    app = _app(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", *"Mine", "ctrl+e")
        assert suspendable == []
        assert app.screen.query_one(TextArea).text == "Mine"
        assert any(problem in n for n in await shown_notices(pilot))


async def test_a_terminal_that_cannot_be_handed_over_is_said(
    seed: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's test driver is such a terminal: App.suspend refuses."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor("write", "never read"))
    app = _app(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", *"Mine", "ctrl+e")
        assert app.screen.query_one(TextArea).text == "Mine"
        assert any("cannot be handed to an editor" in n for n in await shown_notices(pilot))


async def test_control_characters_from_the_editor_are_shown_not_sent(
    seed: Document, tmp_path: Path, suspendable: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", editor("write", "red \x1b[31m text\x07"))
    app = _app(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", "ctrl+e")
        assert app.screen.query_one(TextArea).text == "red ␛[31m text␇"
