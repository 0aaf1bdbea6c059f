"""Search in the reader, key by key."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.helpers.reader import where
from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.search_results import SearchResults
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane


def info(app: ReaderApp) -> str:
    return str(app.query_one("#search-info", Static).render())


def highlighted(app: ReaderApp) -> list[str]:
    """The texts styled as matches in the reading pane."""
    return app.query_one(ReadingPane).highlighted()


async def settle(pilot: Pilot[int], app: ReaderApp, debounce: float = 0.4) -> None:
    """Past the field's debounce, the search worker done, and its result drawn."""
    await pilot.pause(debounce)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def search(pilot: Pilot[int], app: ReaderApp, text: str) -> None:
    await pilot.press("slash", *text)
    await settle(pilot, app)


async def test_typing_highlights_and_counts(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n")
        await search(pilot, app, "skripal")
        assert info(app).startswith("3 matches in 2 sections")
        assert highlighted(app) == ["Skripal", "Skripal"]
        assert app.focused is app.query_one("#search-input", Input)


async def test_smart_case_and_regex(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "Russia")
        upper = info(app)
        assert "Aa" in upper
        await pilot.press("ctrl+u")
        await pilot.press(*"russia")
        await settle(pilot, app, 0.4)
        lower = info(app)
        assert int(lower.split()[0]) >= int(upper.split()[0]) and "Aa" not in lower
        await pilot.press("ctrl+u", *"skripals?")
        await settle(pilot, app, 0.4)
        assert info(app).startswith("no matches")
        await pilot.press("ctrl+r")
        await settle(pilot, app, 0.2)
        assert info(app).startswith("3 matches") and "regex" in info(app)


async def test_invalid_regex_is_a_message(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "ctrl+r")
        await search(pilot, app, "(oops")
        assert "not a valid regular expression" in info(app)
        assert app.is_running
        await pilot.press("enter")  # enter lists the matches: there is no list to show
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, SearchResults)
        assert "not a valid regular expression" in info(app)


async def test_brackets_as_a_query(markup_document: Document) -> None:
    app = ReaderApp(markup_document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await search(pilot, app, "[/]")
        assert info(app).startswith("7 matches in 3 sections")
        assert "[/]" in highlighted(app)


async def test_results_list_jump_and_next_previous_across_sections(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "skripal")
        await pilot.press("enter")
        assert isinstance(app.screen, SearchResults)
        options = app.screen.query_one(OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert texts[0].startswith("Q3 · ") and texts[1].startswith("answer")
        assert any(t.startswith("Q7 · ") for t in texts)
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-3", 7)
        await pilot.press("full_stop")
        assert where(app) == ("qa-3", 10)
        await pilot.press("full_stop")
        assert where(app) == ("qa-7", 4)  # into the next section
        await pilot.press("full_stop")
        assert where(app) == ("qa-3", 7)  # wraps around
        await pilot.press("comma")
        assert where(app) == ("qa-7", 4)
        assert "Next match" in str(app.query_one(KeyBar).render())


async def test_scope_filter(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "sanctions")
        everything = int(info(app).split()[0])
        await pilot.press("ctrl+t")  # questions
        await settle(pilot, app, 0.2)
        assert info(app).startswith("1 match in 1 section") and "scope: questions" in info(app)
        assert everything > 1


async def test_notes_are_found(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("qa-5.p2", "the zebra idea")
    notes.save()
    app = ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "zebra")
        assert info(app).startswith("1 match")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert where(app) == ("qa-5", 1)


async def test_escape_ends_the_search_and_restores_the_keys(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "skripal")
        await pilot.press("escape")
        assert not app.query_one("#search-bar").has_class("-open")
        assert highlighted(app) == []
        assert "Next match" not in str(app.query_one(KeyBar).render())
        await pilot.press("n")
        assert where(app) == ("qa-1", 0)
        await pilot.press("full_stop")  # no search: nothing happens
        assert where(app) == ("qa-1", 0)
        await pilot.press("slash")  # the last query is remembered
        assert app.query_one("#search-input", Input).value == "skripal"


async def test_palette_finds_notes_by_their_text(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("qa-6.p3", "[bold]zebra[/bold] crossing")
    notes.save()
    app = ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"zebra")
        await pilot.pause(0.5)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[bold]zebra[/bold] crossing" in p for p in prompts), prompts
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-6", 2)


async def test_enter_on_an_empty_field_lists_nothing(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "space", "space", "enter")
        await settle(pilot, app)
        assert not isinstance(app.screen, SearchResults)
        assert "Type what to look for" in info(app)


async def test_closing_the_list_gives_the_field_back(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "skripal")
        await pilot.press("enter")
        assert isinstance(app.screen, SearchResults)
        await pilot.press("escape")
        assert app.query_one("#search-input", Input).has_focus
        await pilot.press(*"s")  # typing goes on in the field, not to the reader
        assert app.query_one("#search-input", Input).value == "skripals"


async def test_one_match_is_one_match(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "Panorama")
        assert info(app).startswith("1 match in 1 section")
        await pilot.press("enter")
        assert isinstance(app.screen, SearchResults)
        box = app.screen.query_one("#list-box")
        assert str(box.border_title) == "“Panorama”: 1 match"


async def test_wrapping_round_is_said(app: ReaderApp) -> None:
    from tests.helpers.reader import status

    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "skripal")
        await pilot.press("escape")  # end typing: the search stays on? no: esc ends it
        await search(pilot, app, "skripal")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert status(app).endswith("Match 1 of 3.")
        await pilot.press("full_stop", "full_stop")
        assert status(app).endswith("Match 3 of 3.")
        await pilot.press("full_stop")
        assert where(app) == ("qa-3", 7)
        assert status(app).endswith("Match 1 of 3 (past the last: the first again).")
        await pilot.press("comma")
        assert status(app).endswith("Match 3 of 3 (before the first: the last).")


async def test_matches_in_the_heading_and_speaker_are_highlighted_too(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await search(pilot, app, "armed")
        # The heading (Q1 · Can an armed…) and the question itself.
        assert highlighted(app)[:2] == ["armed", "armed"]
        await pilot.press("escape")
        await search(pilot, app, "Lavrov")
        assert "Lavrov" in highlighted(app)  # the speaker's name over the answer


async def test_the_list_of_matches_shows_document_text_literally(
    markup_document: Document,
) -> None:
    app = ReaderApp(markup_document)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "[/]")
        await pilot.press("enter")  # a title of "“[/]”: 7 matches" must not crash
        assert isinstance(app.screen, SearchResults)
        title = app.screen.query_one("#list-box").border_title  # as markup, escaped
        assert title is not None and Content.from_markup(title).plain == "“[/]”: 7 matches"
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[@click=app.quit]quit[/]" in p for p in prompts), prompts
        for y in range(2, 28, 2):  # click the list all over: nothing in it acts
            await pilot.click(offset=(20, y))
        assert app.is_running


async def test_the_palette_goes_to_an_id_or_a_question_number(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"qa-4.p3")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-4", 2)
        await pilot.press("ctrl+p", *"Q9")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-9", 0)


async def test_a_speakers_name_is_found_and_stepped_to(seed: Document) -> None:
    app = ReaderApp(seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "Lavrov")
        count = int(info(app).split()[0])
        assert count >= 11  # the title's mention, and the speaker of every answer
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert where(app)[0] in ("intro", "qa-1")
