"""Driving the reader with Pilot and reading back what a person would see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.reading_pane import ReadingPane

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def where(app: ReaderApp) -> tuple[str, int]:
    """The section id and passage index being read."""
    location = app.reader.location
    assert location is not None
    return location


def status(app: ReaderApp) -> str:
    """The status line under the text."""
    return str(app.reader.query_one("#status", Static).render())


def pane_text(app: ReaderApp) -> str:
    """The reading pane's text, laid out for its width."""
    return "\n".join(app.reader.query_one(ReadingPane).text_lines())


def notices(app: ReaderApp) -> list[str]:
    """The notifications on screen now (title and message)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def shown_notices(pilot: Pilot[int]) -> list[str]:
    """The notifications on screen once the current refresh has drawn them."""
    await pilot.pause()
    assert isinstance(pilot.app, ReaderApp)
    return notices(pilot.app)


async def until(pilot: Pilot[int], condition: Callable[[], bool], *, within: float = 15.0) -> None:
    """Let the app run until ``condition`` holds (an event: a timer fired, a file was read);
    ``within`` only stops a test that would otherwise hang."""
    import time

    end = time.monotonic() + within
    while not condition():
        assert time.monotonic() < end, "the awaited event did not happen"
        await pilot.pause(0.05)
