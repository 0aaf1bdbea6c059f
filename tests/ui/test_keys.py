"""Every key name on screen comes from the bindings: rebinding one renames it everywhere."""

from __future__ import annotations

from textual.widgets import Static

from tests.helpers.reader import where
from tuireader.model import Document
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.key_bar import KeyBar


def key_bar(app: ReaderApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_a_rebound_key_is_named_in_the_key_bar_help_and_hints(seed: Document) -> None:
    app = ReaderApp(seed, keymap={"next-answer": "ctrl+n", "list-delete": "x"})
    async with app.run_test(size=(120, 40)) as pilot:
        assert "^n Next answer" in key_bar(app)
        assert "n Next answer" not in key_bar(app).replace("^n Next answer", "")
        await pilot.press("n")
        assert where(app) == ("intro", 0)  # n no longer moves
        await pilot.press("ctrl+n")
        assert where(app) == ("qa-1", 0)
        await pilot.press("question_mark")
        help_text = str(app.screen.query_one("#help-text", Static).render())
        assert "^n" in help_text and "\nn " not in help_text
        await pilot.press("escape", "A")
        hint = str(app.screen.query_one("#list-help", Static).render())
        assert "x: delete" in hint and "d/del" not in hint


async def test_the_key_bar_shows_what_works_where_the_keyboard_is(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        assert "n Next answer" in key_bar(app) and "Regex" not in key_bar(app)
        await pilot.press("slash")
        await pilot.pause()
        typing = key_bar(app)
        # The field types letters and "/", so those keys are not offered while it has focus.
        assert "^r Regex" in typing and "enter List matches" in typing
        assert "Next answer" not in typing and "/ Search" not in typing
        await pilot.press(*"skripal", "enter")
        await pilot.pause(0.5)
        await pilot.press("escape")  # back from the list of matches: reading, search on
        await pilot.pause()
        reading = key_bar(app)
        assert reading.startswith(". Next match  , Prev match  esc End search")
        assert "n Next answer" in reading
        await pilot.press("escape")  # the search ends: its keys go
        await pilot.pause()
        assert "Next match" not in key_bar(app)
