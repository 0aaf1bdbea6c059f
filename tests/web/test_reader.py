"""A saved page in the reader: its address in the title bar, its answers one key away."""

from __future__ import annotations

from textual.widgets import Static

from tests.helpers.reader import where
from tests.web.conftest import INTERVIEW
from tuireader.intake import open_source
from tuireader.ui.app import ReaderApp


async def test_the_title_bar_shows_the_page_and_where_it_comes_from() -> None:
    app = ReaderApp(open_source(str(INTERVIEW)).document)
    async with app.run_test(size=(160, 30)) as pilot:
        title = str(app.reader.query_one("#title", Static).render())
        assert title == (
            "Interview to the German ARD  ·  2013-04-02  ·  "
            "http://en.kremlin.ru/events/president/news/17808"
        )
        await pilot.press("n")
        assert where(app)[0] == "qa-1"
