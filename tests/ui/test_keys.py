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
        await pilot.press("enter")  # a match chosen from the list: reading, search on
        await pilot.pause()
        reading = key_bar(app)
        assert reading.startswith(". Next match  , Prev match  esc End search")
        assert "n Next answer" in reading
        await pilot.press("escape")  # the search ends: its keys go
        await pilot.pause()
        assert "Next match" not in key_bar(app)


async def test_docs_keys_md_names_every_binding_with_its_keys(app: ReaderApp) -> None:
    """docs/keys.md is written by hand; this keeps it true to the bindings."""
    import re
    from pathlib import Path

    from textual.dom import DOMNode

    from tuireader.ui.keys import key_rows
    from tuireader.ui.reader.screen import ReaderScreen
    from tuireader.ui.screens.annotation_list import AnnotationList
    from tuireader.ui.screens.document_list import DocumentList
    from tuireader.ui.screens.note_editor import NoteEditor
    from tuireader.ui.screens.search_results import SearchResults
    from tuireader.ui.widgets.search_bar import SearchBar, SearchInput
    from tuireader.ui.widgets.section_tree import SectionTree

    doc = (Path(__file__).resolve().parents[2] / "docs" / "keys.md").read_text()
    rows_of_doc: dict[str, str] = {}
    for line in doc.splitlines():
        ids = re.findall(r"`([a-z]+(?:-[a-z]+)*)`", line.rsplit("|", 2)[-2] if "|" in line else "")
        for binding_id in ids:
            rows_of_doc[binding_id] = line
    owners: list[type[DOMNode]] = [
        ReaderScreen,
        ReaderApp,
        SectionTree,
        SearchInput,
        SearchBar,
        NoteEditor,
        AnnotationList,
        DocumentList,
    ]
    async with app.run_test(size=(80, 24)):
        for owner in owners:
            for row in key_rows(app, owner.BINDINGS):
                assert row.binding_id is not None, (owner, row)
                found = rows_of_doc.get(row.binding_id)
                assert found is not None, f"docs/keys.md does not list {row.binding_id}"
                for key in row.keys:
                    assert f"`{key}`" in found, f"{row.binding_id}: `{key}` not in {found!r}"
        for row in key_rows(app, SearchResults.BINDINGS):
            assert f"`{row.binding_id}`" in doc


async def test_help_and_quit_stay_in_a_narrow_key_bar(seed: Document) -> None:
    """Other keys give way to them: a person who sees nothing else still finds every key."""
    for cols, rows in ((60, 20), (40, 15)):
        app = ReaderApp(seed)
        async with app.run_test(size=(cols, rows)) as pilot:
            await pilot.pause()
            bar = key_bar(app)
            assert bar.endswith("? Help  q Quit"), (cols, bar)
            assert bar.startswith("n Next answer"), (cols, bar)
            assert len(bar) <= cols, (cols, bar)
