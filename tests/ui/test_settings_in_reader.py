"""The settings in the reader, started as ``tuireader --config FILE`` starts it: the
arguments parsed by the CLI's own function and the app made by the function the reader
command uses, so the config file is read the way a user's is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers.reader import shown_notices, where
from tuireader import cli, cli_reader
from tuireader.settings import load_settings
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.search_results import SearchResults
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar
from tuireader.ui.widgets.section_tree import SectionTree


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def start(tmp_path: Path, *args: str, data: bool = True) -> ReaderApp:
    """The reader as `tuireader --config tmp/config.toml [--data-dir tmp/data] ARGS` makes it."""
    data_args = ["--data-dir", str(tmp_path / "data")] if data else []
    return cli_reader.reader_app(
        cli.parse_args(["--config", str(tmp_path / "config.toml"), *data_args, *args])
    )


def key_bar(app: ReaderApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


def longest_line(app: ReaderApp) -> int:
    return max(len(line.rstrip()) for line in app.query_one(ReadingPane).text_lines())


async def test_a_users_keys_theme_and_text_width_from_the_config_file(tmp_path: Path) -> None:
    write_config(tmp_path, 'theme = "nord"\ntext_width = 60\n[keymap]\nnext-answer = "ctrl+n"\n')
    app = start(tmp_path)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        assert app.theme == "nord"
        assert await shown_notices(pilot) == []
        bar = key_bar(app)
        assert "^n Next answer" in bar and "n Next answer" not in bar.replace("^n Next", "")
        await pilot.press("n")
        assert where(app) == ("intro", 0)  # n is no longer bound
        await pilot.press("ctrl+n", "j")
        assert where(app) == ("qa-1", 1)
        assert 50 < longest_line(app) <= 60  # 160 columns, but set 60 wide
        await pilot.press("question_mark")
        help_text = str(app.screen.query_one("#help-text", Static).render())
        assert "^n" in help_text and "\nn " not in help_text
    again = start(tmp_path)  # the next start: the same again
    async with again.run_test(size=(160, 40)):
        assert again.theme == "nord" and "^n Next answer" in key_bar(again)


async def test_the_palettes_theme_is_kept_and_the_file_wins_over_it(tmp_path: Path) -> None:
    write_config(tmp_path, "text_width = 80\n")
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "gruvbox"  # what choosing it in the palette does
        await pilot.pause()
    again = start(tmp_path)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "gruvbox"  # remembered
    write_config(tmp_path, 'theme = "nord"\n')
    third = start(tmp_path)
    async with third.run_test(size=(100, 30)) as pilot:
        assert third.theme == "nord"  # the file wins over the remembered choice
        third.theme = "dracula"  # for this session, and remembered
        await pilot.pause()
        assert third.theme == "dracula"
    remembered = json.loads((tmp_path / "data" / "choices.json").read_text())
    assert remembered["theme"] == "dracula"
    assert (tmp_path / "config.toml").read_text() == 'theme = "nord"\n'  # never rewritten
    fourth = start(tmp_path)
    async with fourth.run_test(size=(100, 30)):
        assert fourth.theme == "nord"


async def test_a_key_shared_by_design_stays_shared_when_one_is_rebound(tmp_path: Path) -> None:
    """escape closes the tree or ends a search; rebinding close-tree keeps end-search's."""
    write_config(tmp_path, '[keymap]\nclose-tree = "x,escape"\n')
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"skripal", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # a match chosen: reading, the search still on
        await pilot.pause()
        assert "esc End search" in key_bar(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "End search" not in key_bar(app)
    app = start(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:  # narrow: t opens the tree over the text
        await pilot.press("t")
        assert app.reader.tree_panel.over
        await pilot.press("x")
        assert not app.reader.tree_panel.over


async def test_full_width_text(tmp_path: Path) -> None:
    write_config(tmp_path, 'text_width = "full"\n')
    app = start(tmp_path)
    async with app.run_test(size=(240, 40)) as pilot:
        await pilot.press("n", "j")
        assert longest_line(app) > 120


async def test_the_tree_starts_hidden_and_as_wide_as_set(tmp_path: Path) -> None:
    write_config(tmp_path, "[tree]\nwidth = 30\nshown = false\n")
    app = start(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        assert not tree.display
        await pilot.press("t")
        assert tree.display and tree.outer_size.width == 30


async def test_inline_notes_from_the_file_and_from_v(tmp_path: Path) -> None:
    write_config(tmp_path, "[notes]\ninline = true\n")
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)):
        assert app.query_one(ReadingPane).show_notes
    write_config(tmp_path, "")
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.query_one(ReadingPane).show_notes
        await pilot.press("v")
    again = start(tmp_path)
    async with again.run_test(size=(100, 30)):
        assert again.query_one(ReadingPane).show_notes  # remembered from v


async def listed(pilot: Pilot[int], app: ReaderApp, query: str) -> str:
    """Search for ``query`` and list the matches (enter searches at once): the list's title."""
    await pilot.press("slash", *query, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SearchResults)
    title = str(app.screen.query_one("#list-box").border_title)
    await pilot.press("escape", "escape")
    return title


async def test_the_search_fields_defaults(tmp_path: Path) -> None:
    write_config(tmp_path, '[search]\nregex = true\ncase = "sensitive"\n')
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await listed(pilot, app, "Skripals?") == "“Skripals?”: 3 matches"  # regex
        assert await listed(pilot, app, "skripals?") == "“skripals?”: 0 matches"  # case
        bar = app.query_one(SearchBar)
        assert bar.regex and bar.current_query.case_sensitive
    write_config(tmp_path, '[search]\ncase = "insensitive"\n')
    app = start(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await listed(pilot, app, "SKRIPAL") == "“SKRIPAL”: 3 matches"
        assert await listed(pilot, app, "Skripals?") == "“Skripals?”: 0 matches"  # literal


async def test_the_files_data_dir_and_the_option_that_wins(tmp_path: Path) -> None:
    write_config(tmp_path, 'data_dir = "kept-here"\n')
    app = start(tmp_path, data=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "m", "q")
    assert list((tmp_path / "kept-here").rglob("*.yaml"))
    app = start(tmp_path, "--data-dir", str(tmp_path / "other"), data=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "m", "q")
    assert list((tmp_path / "other").rglob("*.yaml"))


BROKEN = {
    "syntax error": (
        'theme = "nord"\ntext_width = wide\n',
        "line 2: this is not valid TOML at text_width (invalid value; text needs quotes: "
        '"wide"); none of the file\'s settings are used.',
    ),
    "misspelled key": (
        "[tree]\nwidht = 30\n",
        'line 2: there is no setting "tree.widht" (did you mean "tree.width"?); it is not used.',
    ),
    "bad value": (
        '\ntext_width = "wide"\n',
        'line 2: text_width must be a number of columns from 20 to 1000, or "full", not '
        '"wide"; the default (100) is used.',
    ),
    "unknown binding id": (
        '[keymap]\nnext-anwser = "ctrl+n"\n',
        'line 2: keymap: there is no binding "next-anwser" (did you mean "next-answer"?); the '
        "default keys are used.",
    ),
    "clashing keys": (
        '[keymap]\nquit = "x"\nnext-answer = "p"\n',
        "line 3: keymap: next-answer and previous-answer would both be p in the reader; the "
        "default keys are used.",
    ),
    "unknown theme": (
        'theme = "nrod"\n',
        'line 1: there is no theme "nrod" (did you mean "nord"?); it is not used.',
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
async def test_a_broken_config_is_said_once_and_the_reader_works(tmp_path: Path, case: str) -> None:
    text, said = BROKEN[case]
    config = write_config(tmp_path, text)
    app = start(tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        [notice] = await shown_notices(pilot)
        assert notice == f"{config}, line {said.removeprefix('line ')}"
        assert app.theme == "textual-dark"
        assert "n Next answer" in key_bar(app)  # the default keys
        await pilot.press("n", "j")
        assert where(app) == ("qa-1", 1)
        assert longest_line(app) <= 100
        await pilot.press("question_mark", "escape", "n")
        assert where(app) == ("qa-2", 0)
        assert len([n for n in await shown_notices(pilot) if "config.toml" in n]) == 1


async def test_several_problems_are_one_notice(tmp_path: Path) -> None:
    write_config(tmp_path, 'them = 1\ntheme = "nrod"\n[keymap]\nhelp = "ctlr+h"\n')
    app = start(tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        [notice] = await shown_notices(pilot)
        assert notice.endswith("(and 2 more problems: `tuireader config check` lists them).")


async def test_the_file_is_never_read_as_markup(tmp_path: Path) -> None:
    write_config(tmp_path, '"[bold]x[/] [@click=app.quit]y[/]" = 1\n')
    app = start(tmp_path)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        [notice] = await shown_notices(pilot)
        assert 'no setting "[bold]x[/] [@click=app.quit]y[/]"' in notice


def test_the_settings_are_loaded_for_the_reader_and_the_option_wins(tmp_path: Path) -> None:
    write_config(tmp_path, 'data_dir = "from-file"\n')
    args = cli.parse_args(["--config", str(tmp_path / "config.toml")])
    assert args.data_dir == str(tmp_path / "from-file")
    assert args.settings == load_settings(str(tmp_path / "config.toml"))
    args = cli.parse_args(["--config", str(tmp_path / "config.toml"), "--data-dir", "x"])
    assert args.data_dir == "x"
