"""Small and changing terminals, and documents full of markup-like text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers.reader import pane_text, where
from tuireader.model import Document
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree


async def test_resize_keeps_the_place(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "n", "n", "j", "j", "j", "j")
        assert where(app) == ("qa-3", 4)
        pane = app.query_one(ReadingPane)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert where(app) == ("qa-3", 4)
        assert app.screen.has_class("-narrow")
        assert not app.query_one(SectionTree).display or not app.query_one(SectionTree).region
        region = pane.passage_region(4)
        assert region.y < pane.scroll_y + pane.scrollable_content_region.height
        assert region.bottom > pane.scroll_y
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert where(app) == ("qa-3", 4)
        assert not app.screen.has_class("-narrow")
        assert app.query_one(SectionTree).region.width > 0


async def test_narrow_t_shows_the_tree_over_the_text(app: ReaderApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        tree = app.query_one(SectionTree)
        pane = app.query_one(ReadingPane)
        assert tree.region.width == 0
        await pilot.press("t")
        assert tree.region.width > 0 and tree.has_focus
        assert pane.region.width == 60  # over the text: the text keeps its width
        await pilot.press("down", "down", "down", "enter")
        assert where(app) == ("qa-2", 0)
        assert tree.region.width == 0 and pane.has_focus  # choosing closes it
        await pilot.press("t", "escape")
        assert where(app) == ("qa-2", 0) and tree.region.width == 0 and pane.has_focus


async def test_reading_keys_work_while_the_tree_is_over_the_text(app: ReaderApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("t", "n")
        assert where(app) == ("qa-1", 0)
        await pilot.press("right_square_bracket", "j")
        assert where(app) == ("qa-2", 1)
        tree = app.query_one(SectionTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == "qa-2"
        await pilot.press("question_mark")
        assert app.screen is not app.reader  # the help opened
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_widening_with_the_tree_over_the_text_gives_the_side_tree(app: ReaderApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("t")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        tree = app.query_one(SectionTree)
        pane = app.query_one(ReadingPane)
        assert tree.region.width > 0 and pane.region.x >= tree.region.right  # beside it
        title = app.reader.query_one("#title")
        assert title.region.height == 1 and not title.region.overlaps(tree.region)
        await pilot.press("t")  # hides the side tree, as on any wide terminal
        assert tree.region.width == 0
        await pilot.press("t")
        assert tree.region.width > 0


async def test_markup_in_the_document_is_shown_literally(markup_document: Document) -> None:
    app = ReaderApp(markup_document)
    async with app.run_test(size=(120, 40)) as pilot:
        title = str(app.query_one("#title", Static).render())
        assert title == "Markup [/] and [bold]x and list[int] and [@click=app.quit]q[/]"
        await pilot.press("n")
        shown = pane_text(app)
        assert "Does [bold]this[/] [@click=app.quit]quit[/]?" in shown
        assert "list[int] and [/] and \\[escaped] [link=http://x]link[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        tree = app.query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children[1].children]
        assert labels[0] == "Q1 Does [bold]this[/] [@click=app.quit]quit[/]?"
        assert labels[1] == "Q2 [/]"
        # Click all over the screen: nothing acts on the document's fake actions.
        for y in range(1, 40, 8):
            for x in range(0, 120, 20):
                await pilot.click(offset=(x, y))
        assert app.is_running
        app.reader.open_section("qa-2")
        await pilot.pause()
        shown = pane_text(app)
        assert "[@click=app.quit]Click me[/]" in shown


async def test_command_palette_shows_markup_titles_literally(markup_document: Document) -> None:
    from textual.command import CommandPalette

    app = ReaderApp(markup_document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        from textual.widgets import OptionList

        options = palette.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[@click=app.quit]quit[/]" in p for p in prompts), prompts
        await pilot.press("enter")
        assert app.is_running


async def test_empty_document_opens() -> None:
    from tuireader.parse import parse_document

    app = ReaderApp(parse_document("", "empty"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "j", "space", "G", "right_square_bracket")
        assert "no text" in str(app.query_one("#status", Static).render())


async def test_the_note_editor_has_room_to_type_on_a_small_terminal(
    seed: Document, tmp_path: Path
) -> None:
    from textual.widgets import TextArea

    from tuireader.store import NotesStore
    from tuireader.ui.screens.note_editor import NoteEditor

    app = ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.press("j", "a")
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        assert area.content_region.height >= 3  # lines to type in, not only a frame
        assert area.region.bottom <= 15
        await pilot.press(*"typed")
        assert area.text == "typed"


async def test_bidi_and_zero_width_characters_in_titles_are_shown(tmp_path: Path) -> None:
    from tuireader.load import open_document

    path = tmp_path / "bidi.txt"
    path.write_text(
        "Question: evil \u202eтекст\u202c zero\u200bwidth?\n\nA: Fine.\n\n"
        "Question: plain?\n\nA: Fine too.\n"
    )
    app = ReaderApp(open_document(path))
    async with app.run_test(size=(100, 30)):
        tree = app.query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children[-1].children]
        assert "\u202e" not in labels[0] and "\u200b" not in labels[0] and "␦" in labels[0]
        heading = pane_text(app).splitlines()[0]
        assert "\u202e" not in heading and "␦" in heading


async def test_markdown_blocks_and_inline_styles_are_drawn(tmp_path: Path) -> None:
    from tests.helpers.reader import FIXTURES
    from tuireader.load import open_document

    app = ReaderApp(open_document(FIXTURES / "markdown.md"))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        first = next(line for line in pane.text_lines() if "emphasis" in line)
        assert "*" not in first and "`" not in first  # Markdown marks are not shown
        await pilot.press("right_square_bracket")
        lines = [line.strip() for line in pane.text_lines()]
        assert "• second" in lines and "• nested item" in lines and "1. one" in lines
        assert any(line.startswith("│ A quotation") for line in lines)
        assert "def code():" in lines and "return 42" in lines
        assert any(set(line) == {"─"} and len(line) <= 40 for line in lines)
        assert "A literal [bold]not bold[/] and [@click=app.quit]no link[/]." in " ".join(lines)
        # No blank line between the items of one list.
        assert lines[lines.index("• second") + 1] == "• nested item"


async def test_new_kinds_of_section_have_their_groups_in_the_tree() -> None:
    from tests.helpers.reader import FIXTURES
    from tuireader.load import open_document

    corpus = FIXTURES.parent / "corpus"
    app = ReaderApp(open_document(corpus / "gutenberg-crito.txt"))
    async with app.run_test(size=(100, 30)):
        groups = [str(node.label) for node in app.query_one(SectionTree).root.children]
        assert any(label.startswith("Dialogue (") for label in groups), groups
    app = ReaderApp(open_document(corpus / "whitehouse-covid-briefing-front-matter-2021.md"))
    async with app.run_test(size=(120, 30)):
        groups = [str(node.label) for node in app.query_one(SectionTree).root.children]
        assert "Opening statements (5)" in groups and "Interview (10)" in groups
        title = str(app.reader.query_one("#title", Static).render())
        assert "2021-08-18" in title  # from the front matter, shown in the header


async def test_nested_parts_are_nested_in_the_tree(tmp_path: Path) -> None:
    from tuireader.load import open_document

    path = tmp_path / "nested.md"
    path.write_text(
        "# Book\n\n## One\n\nText one.\n\n### One.a\n\nDeeper.\n\n## Two\n\nText two.\n"
    )
    app = ReaderApp(open_document(path))
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.query_one(SectionTree)
        one = next(node for node in tree.root.children if str(node.label).startswith("One"))
        assert [str(child.label) for child in one.children] == ["One.a"]
        tree.select_node(one)  # a part with text of its own opens like any section
        await pilot.pause()
        assert "Text one." in pane_text(app)


async def test_the_lines_left_out_can_be_seen_from_the_palette(app: ReaderApp) -> None:
    from textual.widgets import OptionList

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"left out")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Support SouthFront" in line and "page chrome" in line for line in shown)
        await pilot.press("escape")
        assert app.screen is app.reader
