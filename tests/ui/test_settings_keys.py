"""The core checks a keymap from tables of its own (tuireader/settings/keymap.py and
keynames.py) so that it needs no Textual; these tests keep those tables true to the
interface's BINDINGS and to Textual's key names."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key
from textual.widgets import Button, Input, OptionList, TextArea, Tree

from tuireader.model import Document
from tuireader.settings import DEFAULT_THEME
from tuireader.settings.keymap import DECLARED, PLACES, Place
from tuireader.settings.keynames import NAMED_KEYS, PUNCTUATION_NAMES, normalize_key
from tuireader.ui.app import ReaderApp
from tuireader.ui.reader.screen import ReaderScreen
from tuireader.ui.screens.annotation_list import AnnotationList
from tuireader.ui.screens.confirm import ConfirmScreen
from tuireader.ui.screens.document_list import DocumentList
from tuireader.ui.screens.dropped import DroppedLines
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.note_choice import NoteChoice
from tuireader.ui.screens.note_editor import NoteEditor
from tuireader.ui.screens.search_results import SearchResults
from tuireader.ui.themes import theme_names
from tuireader.ui.widgets.go_to_bar import GoToBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar, SearchInput
from tuireader.ui.widgets.section_tree import SectionTree

OWNERS: dict[str, type[DOMNode]] = {
    cls.__name__: cls
    for cls in (
        ReaderApp, ReaderScreen, SectionTree, SearchInput, SearchBar, GoToBar, NoteEditor,
        NoteChoice, AnnotationList, SearchResults, HelpScreen, ConfirmScreen, DroppedLines,
        DocumentList,
    )
}  # fmt: skip
FOCUSED: dict[str, type[DOMNode]] = {
    "ReadingPane": ReadingPane,
    "Tree": Tree,
    "Input": Input,
    "TextArea": TextArea,
    "OptionList": OptionList,
    "VerticalScroll": VerticalScroll,
    "Button": Button,
}


def declared(bindings: list[BindingType]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for binding in Binding.make_bindings(bindings):
        assert binding.id, binding
        table[binding.id] = (*table.get(binding.id, ()), binding.key)
    return table


def test_every_binding_id_and_its_default_keys_are_in_the_core_table() -> None:
    assert set(DECLARED) == set(OWNERS)
    for name, owner in OWNERS.items():
        assert declared(owner.BINDINGS) == DECLARED[name], name


def test_no_other_class_of_the_interface_declares_a_binding_id() -> None:
    import importlib
    import inspect
    import pkgutil

    import tuireader.ui

    for module in pkgutil.walk_packages(tuireader.ui.__path__, "tuireader.ui."):
        for _, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if cls.__module__ == module.name and cls.__dict__.get("BINDINGS"):
                assert cls.__name__ in DECLARED, f"{cls.__name__}'s keys are not in keymap.py"


def builtin_keys(cls: type[DOMNode]) -> frozenset[str]:
    """The keys a Textual widget class has as it comes (with every base's)."""
    return frozenset(key for key, _ in cls._merge_bindings())


@pytest.mark.parametrize("place", PLACES, ids=[place.noun for place in PLACES])
def test_each_place_has_the_focused_widgets_own_keys(place: Place) -> None:
    widget = FOCUSED[place.focused]
    assert place.focused_keys == builtin_keys(widget)
    assert place.types == (widget in (Input, TextArea))
    assert place.owners[-1] == "ReaderApp"  # its palette key is a priority binding


async def test_the_focused_widget_of_each_place_is_the_one_named(
    seed: Document, tmp_path: Path
) -> None:
    """Where the keyboard really is, place by place, as the table says."""
    from tuireader.store import NotesStore

    app = ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))
    focused: dict[str, type[DOMNode]] = {}

    def now(place: str) -> None:
        widget = app.focused
        assert widget is not None, place
        named = FOCUSED[next(p.focused for p in PLACES if p.noun == place)]
        assert isinstance(widget, named), (place, widget)
        focused[place] = type(widget)

    async with app.run_test(size=(100, 30)) as pilot:
        now("the reader")
        await pilot.press("tab")
        now("the tree")
        await pilot.press("tab", "slash")
        now("the search field")
        await pilot.press(*"russia", "enter")  # enter searches at once, then lists
        await app.workers.wait_for_complete()
        await pilot.pause()
        now("the list of matches")
        await pilot.press("escape", "escape", "colon")
        now("the go-to field")
        await pilot.press("escape", "a")
        now("the note editor")
        await pilot.press(*"x", "ctrl+s", "A")
        now("the notes and bookmarks lists")
        await pilot.press("d")
        now("a yes-or-no question")
        await pilot.press("escape", "escape", "question_mark")
        now("the help")
        await pilot.press("escape")
        app.reader.show_dropped_lines()  # what the palette's entry does
        await pilot.pause()
        now("the lines left out")
        await pilot.press("escape", "o")
        await pilot.pause()
        now("your documents")
    assert len(focused) == len(PLACES) - 1  # the choice of notes needs two notes on a passage
    assert NoteChoice.__name__ in DECLARED and OptionList in FOCUSED.values()


def test_punctuation_is_named_as_textual_names_it() -> None:
    for character in string.punctuation + string.ascii_letters + string.digits + "é§":
        assert normalize_key(character) == _character_to_key(character), character
    assert {_character_to_key(c) for c in string.punctuation} == PUNCTUATION_NAMES


def test_the_named_keys_are_textuals() -> None:
    textual = {key.value for key in Keys if "+" not in key.value and not key.value.startswith("<")}
    # "return" is a name Textual reports as enter; "ctrl-at" is an alias of ctrl+space.
    assert textual - {"return", "ctrl-at"} == NAMED_KEYS


def test_the_themes_are_the_apps(seed: Document) -> None:
    app = ReaderApp(seed)
    assert theme_names() == sorted(app.available_themes)
    assert app.theme == DEFAULT_THEME
