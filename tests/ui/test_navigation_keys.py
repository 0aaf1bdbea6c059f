"""Every navigation key, driven through Pilot as a user would press it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Tree

from tests.helpers.reader import status, where
from tuireader.ui.app import ReaderApp
from tuireader.ui.reader.screen import ReaderScreen
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree


async def test_opens_on_intro(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)):
        assert where(app) == ("intro", 0)
        assert status(app) == "Intro · passage 1/3 · 0%"
        assert app.focused is app.query_one(ReadingPane)


async def test_n_and_p_move_between_answers_and_stop_at_the_ends(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("p")
        assert where(app) == ("intro", 0)  # nothing before Q1
        await pilot.press("n")
        assert where(app) == ("qa-1", 0)
        assert status(app) == "Q1/10 · passage 1/5 · 3%"
        await pilot.press("p")
        assert where(app) == ("qa-1", 0)
        assert "This is the first answer." in status(app)
        for _ in range(9):
            await pilot.press("n")
        assert where(app) == ("qa-10", 0)
        await pilot.press("n")
        assert where(app) == ("qa-10", 0)
        assert status(app).endswith("This is the last answer.")
        await pilot.press("p")
        assert where(app) == ("qa-9", 0)


async def test_p_from_the_comments_goes_back_to_the_last_answer(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.reader.open_section("comment-2")
        await pilot.pause()
        await pilot.press("p")
        assert where(app) == ("qa-10", 0)


async def test_brackets_move_through_every_kind_of_section(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        seen = [where(app)[0]]
        for _ in range(16):
            await pilot.press("right_square_bracket")
            seen.append(where(app)[0])
        assert seen == [
            "intro",
            *[f"qa-{n}" for n in range(1, 11)],
            "comment-1",
            "comment-2",
            "comment-3",
            "comment-4",
            "speech",
            "speech",
        ]
        await pilot.press("left_square_bracket")
        assert where(app) == ("comment-4", 0)


async def test_j_k_move_passages_and_cross_sections(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "down")
        assert where(app) == ("intro", 2)
        await pilot.press("j")
        assert where(app) == ("qa-1", 0)
        await pilot.press("k")
        assert where(app) == ("intro", 2)
        await pilot.press("up")
        assert where(app) == ("intro", 1)
        assert status(app) == "Intro · passage 2/3 · 1%"


async def test_g_and_G_first_and_last_passage(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "n", "n", "G")
        assert where(app) == ("qa-3", 12)
        pane = app.query_one(ReadingPane)
        assert pane.scroll_y > 0  # the last passage was scrolled into view
        await pilot.press("g")
        assert where(app) == ("qa-3", 0)
        assert pane.scroll_y == 0
        await pilot.press("end")
        assert where(app) == ("qa-3", 12)
        await pilot.press("home")
        assert where(app) == ("qa-3", 0)


async def test_current_passage_stays_in_view(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n", "n")
        pane = app.query_one(ReadingPane)
        for _ in range(12):
            await pilot.press("j")
            region = pane.passage_region(pane.current)
            top = pane.scroll_y
            assert region.y < top + pane.scrollable_content_region.height
            assert region.bottom > top


async def test_page_down_and_up(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n", "n")  # qa-3: longer than a screen
        pane = app.query_one(ReadingPane)
        await pilot.press("space")
        assert pane.scroll_y > 0
        assert where(app)[1] > 0  # the current passage followed the page
        await pilot.press("pageup")
        assert pane.scroll_y == 0
        for _ in range(30):
            await pilot.press("pagedown")
            if where(app)[0] != "qa-3":
                break
        assert where(app) == ("qa-4", 0)  # past the end: on into the next section


async def test_tab_switches_focus_and_keys_work_in_the_tree(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        pane = app.query_one(ReadingPane)
        await pilot.press("tab")
        assert app.focused is tree
        await pilot.press("n", "n")  # navigation keys work with the tree focused
        assert where(app) == ("qa-2", 0)
        assert tree.cursor_node is not None and tree.cursor_node.data == "qa-2"
        await pilot.press("down", "down", "enter")  # the tree's own keys move its cursor
        assert where(app) == ("qa-4", 0)
        assert pane.has_focus
        await pilot.press("tab")
        assert tree.has_focus
        await pilot.press("tab")
        assert pane.has_focus


async def test_tree_follows_the_reader(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        await pilot.press("n", "n", "n", "n", "n")
        assert tree.cursor_node is not None and tree.cursor_node.data == "qa-5"
        app.reader.open_section("speech")
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data == "speech"


async def test_enter_on_a_group_folds_it(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        await pilot.press("tab")
        tree.move_cursor(tree.root.children[1])  # "Interview"
        await pilot.press("enter")
        assert not tree.root.children[1].is_expanded
        assert where(app) == ("intro", 0)


async def test_t_hides_and_shows_the_tree(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        pane = app.query_one(ReadingPane)
        wide = pane.size.width
        await pilot.press("t")
        assert not tree.display or tree.size.width == 0 or not tree.is_on_screen
        assert pane.size.width > wide
        await pilot.press("t")
        assert pane.size.width == wide


async def test_help_lists_every_key(app: ReaderApp) -> None:
    from textual.widgets import Static

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text", Static).render())
        for binding in ReaderScreen.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.description in text
        assert "^p" in text and "palette" in text
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_q_quits(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_command_palette_jumps_to_a_section(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sanctions")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-8", 0)


async def test_clicking_a_passage_makes_it_current(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        pane = app.query_one(ReadingPane)
        region = pane.passage_region(2)
        await pilot.click(ReadingPane, offset=(5, region.y + 1))
        assert where(app) == ("qa-1", 2)
        assert status(app) == "Q1/10 · passage 3/5 · 5%"


async def test_tree_click_opens(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the tree fills right after the first frame
        tree = app.query_one(Tree)
        node = next(n for n in tree.root.children[1].children if n.data == "qa-6")
        tree.select_node(node)
        await pilot.pause()
        assert where(app) == ("qa-6", 0)


async def test_messages_replace_each_other_instead_of_piling_up(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.reader.open_section("speech")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("right_square_bracket")
        assert status(app).count("This is the last section.") == 1
        assert len(app.screen.query("Toast")) == 0  # not as notifications either
        await pilot.press("left_square_bracket")  # moving on answers the message
        assert "last section" not in status(app)


async def test_the_status_line_says_how_far_through_the_document(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.reader.open_section("speech")
        await pilot.pause()
        await pilot.press("G")
        assert status(app).startswith("Speech · passage 22/22 · 100%")
