"""The notes file writer, proved against PyYAML: whatever text a field holds, both PyYAML
loaders (pure Python and libyaml) read the written file back to exactly that text, at every
place in the file where text is written, with no load cache to hide a mistake."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tuireader.model import Document
from tuireader.store import NotesStore, yamlio
from tuireader.store.schema import (
    Anchor,
    Draft,
    Kind,
    NotesFile,
    ReadingPosition,
    Record,
    from_data,
    to_data,
)
from tuireader.store.yamlio import dump, load

LOADERS = [
    pytest.param(yaml.SafeLoader, id="pure"),
    pytest.param(
        getattr(yaml, "CSafeLoader", None),
        id="libyaml",
        marks=pytest.mark.skipif(
            not hasattr(yaml, "CSafeLoader"), reason="PyYAML is built without libyaml"
        ),
    ),
]

# Pieces that have broken YAML writers, this one's included (issue 12): blank lines then an
# indented line, a tab after a line break, YAML's extra line breaks, indicators, BOMs.
TRICKY = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\n\n    code line\nback to normal",
        "\n  x",
        "\n\tx",
        "    ",
        "\t",
        " ",
        "\r",
        "\r\n",
        "\x85",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\x00",
        "\x1b[31m",
        "\x7f",
        "\x9b",
        "\u202e",
        "\U0001f642",
        "# not a comment",
        " #",
        "- item",
        "key: value",
        ": ",
        "|",
        "|2-",
        ">",
        "'",
        '"',
        "\\",
        "&a",
        "*a",
        "!!python/object",
        "---",
        "...",
        "yes",
        "null",
        "~",
        "1e3",
        "2024-01-01",
        "%YAML",
        "@",
        "`",
        "[",
        "]",
        "{",
        "}",
        ",",
        "?",
    ]
)
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=12)), max_size=10).map("".join)
SOME_TEXT = TEXT.filter(bool)  # ids and passages may not be empty
STAMP = "2026-01-02T03:04:05.000006Z"


@st.composite
def notes_files(draw: st.DrawFn) -> NotesFile:
    """A notes file with drawn text in every field that holds text."""
    notes = NotesFile(draw(TEXT), draw(TEXT), draw(TEXT))
    for n in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(list(Kind)))
        target = draw(SOME_TEXT)
        anchor = Anchor(draw(TEXT), draw(TEXT), draw(TEXT))
        body = draw(TEXT) if kind is Kind.NOTE else ""
        record_id = draw(SOME_TEXT) + f"#{n}"  # distinct
        if draw(st.booleans()):
            record = Record(record_id, kind, target, anchor, STAMP, STAMP, body)
        else:  # a tombstone keeps only its id, place and times
            record = Record(record_id, kind, target, Anchor(""), STAMP, STAMP, "", STAMP)
        notes.records[record.id] = record
    if draw(st.booleans()):
        notes.position = ReadingPosition(draw(TEXT), STAMP)
    if draw(st.booleans()):
        note_id = draw(st.one_of(st.none(), SOME_TEXT))
        notes.draft = Draft(draw(TEXT), draw(TEXT), note_id, STAMP)
    return notes


def _read_back(raw: bytes, loader: type[Any]) -> Any:
    return yaml.load(raw.decode("utf-8"), Loader=loader)


@pytest.mark.parametrize("loader", LOADERS)
@settings(max_examples=300, deadline=None)
@given(notes=notes_files())
def test_every_field_reads_back_exactly(loader: type[Any], notes: NotesFile) -> None:
    raw = dump(notes)
    assert _read_back(raw, loader) == to_data(notes)
    assert from_data(_read_back(raw, loader)) == notes
    assert load(raw) == notes  # the program's own (strict) loading agrees


@pytest.mark.parametrize("loader", LOADERS)
@settings(max_examples=500, deadline=None)
@given(text=TEXT)
@example(text="\n\n    code line\nback to normal")
@example(text="\n  x")
@example(text="\n\tx")
@example(text="  leading spaces\nand a second line")
def test_one_text_at_each_nesting_level(loader: type[Any], text: str) -> None:
    """The same text as a note's body (2 spaces in), its quote (4 in), the document's
    title, the draft, and a record's id: each is what was written."""
    notes = NotesFile("f" * 64, text, text)
    notes.records[text or "id"] = Record(
        text or "id", Kind.NOTE, text or "p", Anchor(text, text, text), STAMP, STAMP, text
    )
    notes.position = ReadingPosition(text, STAMP)
    notes.draft = Draft(text, text, text or None, STAMP)
    assert from_data(_read_back(dump(notes), loader)) == notes


def test_an_undecodable_character_is_written_as_a_replacement() -> None:
    """A lone surrogate (a file name that is not UTF-8) cannot be written as UTF-8 and its
    escape is refused by libyaml: it becomes U+FFFD, and the file stays readable."""
    notes = NotesFile("f" * 64, "/tmp/caf\udce9.txt", "caf\udce9")
    raw = dump(notes)
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        data = _read_back(raw, loader)
        assert data["document"] == {
            "fingerprint": "f" * 64,
            "path": "/tmp/caf\ufffd.txt",
            "title": "caf\ufffd",
        }


@pytest.mark.parametrize("loader", LOADERS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies=st.lists(TEXT, min_size=1, max_size=3))
@example(bodies=["\n\n    code line\nback to normal"])
def test_saved_notes_reload_without_the_cache(
    seed: Document, loader: type[Any], bodies: list[str]
) -> None:
    """Through the store: saved, the cache deleted, opened again with this loader."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        store = NotesStore(Path(folder))
        notes = store.open(seed)
        ids = [notes.add_note("qa-2.p2", body).id for body in bodies]
        notes.set_draft("qa-2.p2", bodies[-1], ids[-1])
        assert notes.save().saved
        notes.cache_file.unlink()
        patch.setattr(yamlio, "_base_loader", lambda: loader)
        again = store.open(seed)
        assert again.read_only is None, again.read_only
        assert [again.get(i).body for i in ids] == bodies  # type: ignore[union-attr]
        assert again.draft is not None and again.draft.body == bodies[-1]
        assert _read_back(notes.file.read_bytes(), loader)["draft"]["body"] == bodies[-1]
