"""The habits people bring from less and vim, and the reader's own small conveniences."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.helpers.reader import status, where
from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree


async def test_b_ctrl_b_ctrl_f_page_and_ctrl_d_ctrl_u_half_page(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n", "n")  # qa-3: longer than a screen
        pane = app.query_one(ReadingPane)
        page = pane.scrollable_content_region.height
        await pilot.press("ctrl+f")
        assert pane.scroll_y == page
        await pilot.press("b")
        assert pane.scroll_y == 0
        await pilot.press("ctrl+d")
        assert pane.scroll_y == page // 2
        await pilot.press("ctrl+d", "ctrl+u")
        assert pane.scroll_y == page // 2
        await pilot.press("ctrl+f", "ctrl+b")
        assert pane.scroll_y == page // 2


async def test_colon_goes_to_a_question_an_id_or_a_percentage(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("colon", *"7", "enter")
        assert where(app) == ("qa-7", 0)
        await pilot.press("colon", *"qa-3.p5", "enter")
        assert where(app) == ("qa-3", 4)
        await pilot.press("colon", *"100%", "enter")
        assert where(app) == ("speech", 21)
        await pilot.press("colon", *"Q99", "enter")
        field = app.query_one("#go-to-input", Input)
        assert field.has_focus  # still open, saying why
        said = str(app.query_one("#go-to-info").render())
        assert "Nothing here by that name: there are Q1 to Q10" in said, said
        await pilot.press("escape")
        assert where(app) == ("speech", 21) and app.query_one(ReadingPane).has_focus


async def test_y_copies_the_passage(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "j", "y")
        assert app.clipboard.startswith("Sergey Lavrov: Unfortunately, the global situation")
        assert "copied" in status(app)


async def test_N_is_the_previous_match_as_in_vim(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"skripal")
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == ("qa-3", 7)
        await pilot.press("N")
        assert where(app) == ("qa-7", 4)


async def test_left_and_right_fold_and_unfold_in_the_tree(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.query_one(SectionTree)
        await pilot.press("n", "tab")
        assert tree.cursor_node is not None and tree.cursor_node.data == "qa-1"
        await pilot.press("left")  # on a section: up to its group
        group = tree.cursor_node
        assert group is not None and str(group.label).startswith("Interview")
        await pilot.press("left")
        assert not group.is_expanded
        await pilot.press("right")
        assert group.is_expanded
        await pilot.press("right")
        assert tree.cursor_node is not None and tree.cursor_node.data == "qa-1"


async def test_the_tree_is_made_narrower_and_wider_and_it_is_remembered(
    seed: Document, tmp_path: Path
) -> None:
    from tuireader.store.choices import RememberedChoices

    app = ReaderApp(seed, choices=RememberedChoices(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(SectionTree)
        before = tree.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert tree.outer_size.width == before + 8
        await pilot.press("less_than_sign")
        assert tree.outer_size.width == before + 4
    again = ReaderApp(seed, choices=RememberedChoices(tmp_path))
    async with again.run_test(size=(120, 40)):
        assert again.query_one(SectionTree).outer_size.width == before + 4


async def test_a_wide_screen_keeps_a_readable_measure(app: ReaderApp) -> None:
    async with app.run_test(size=(240, 40)) as pilot:
        await pilot.press("n", "j")
        longest = max(len(line.rstrip()) for line in app.query_one(ReadingPane).text_lines())
        assert 80 <= longest <= 100


async def test_notes_that_moved_when_the_document_changed_are_said_at_start(
    tmp_path: Path,
) -> None:
    from tuireader.load import open_document

    doc_path = tmp_path / "talk.txt"
    doc_path.write_text(
        "Question: One?\n\nA: First answer here, long enough to be found again.\n\n"
        "Question: Two?\n\nA: Second answer.\n"
    )
    data = tmp_path / "data"
    notes = NotesStore(data).open(open_document(doc_path), doc_path)
    notes.add_note("qa-1.p2", "will move")
    notes.add_note("qa-2.p2", "will be orphaned")
    notes.save()
    doc_path.write_text(
        "Question: One?\n\nA: First answer here, long enough to be found again!\n\n"
        "Question: Three?\n\nA: Something else entirely.\n"
    )
    document = open_document(doc_path)
    app = ReaderApp(document, notes=NotesStore(data).open(document, doc_path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        shown = [str(t.render()) for t in app.screen.query("Toast")]
        said = [s for s in shown if "The document has changed" in s]
        assert len(said) == 1, shown
        assert "1 found in a new place" in said[0] and "1 no longer in it" in said[0]
