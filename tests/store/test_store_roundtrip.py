"""Whatever a note says, it is saved and loaded back exactly, and the file is real YAML."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.store.schema import to_data
from tuireader.store.yamlio import dump, load, scalar

NASTY = st.sampled_from(
    [
        "\n",
        "\t",
        "\r",
        "\r\n",
        "\x1b[31m",
        "\x00",
        "\x7f",
        "\x85",
        "\u2028",
        "\u2029",
        "\ufeff",
        "[/]",
        "[bold]",
        "🙂",
        "# not a comment",
        "- item",
        "key: value",
        "|",
        ">",
        "'",
        '"',
        "\\",
        "&anchor",
        "*alias",
        "!!python/object",
        "---",
        "...",
        "  ",
        "yes",
        "null",
        "~",
        "0x1F",
        "1e3",
        "2024-01-01",
        "%YAML",
        "@",
        "`",
        "{",
        "}",
        "[",
        "]",
        ",",
        "?",
    ]
)
BODY = st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(BODY)
def test_scalar_is_read_back_by_pyyaml(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text, 0)}\n") == {"key": text}
    assert yaml.safe_load(f"a:\n  key: {scalar(text, 2)}\n") == {"a": {"key": text}}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies=st.lists(BODY, min_size=1, max_size=4))
def test_notes_round_trip(seed: Document, tmp_path_factory: object, bodies: list[str]) -> None:
    data_dir = Path(tmp_path_factory.mktemp("rt"))  # type: ignore[attr-defined]
    notes = NotesStore(data_dir).open(seed)
    ids = [notes.add_note("qa-2.p2", body).id for body in bodies]
    notes.set_draft("qa-2.p2", bodies[0], ids[0])
    notes.save()
    raw = notes.file.read_bytes()
    assert load(raw).records == notes._data.records
    assert yaml.safe_load(raw) == to_data(load(raw))
    notes.cache_file.unlink()  # the real parse, not the cache
    again = NotesStore(data_dir).open(seed)
    assert [again.get(i).body for i in ids] == bodies  # type: ignore[union-attr]
    assert again.draft is not None and again.draft.body == bodies[0]


def test_a_100_kb_note(seed: Document, data_dir: Path) -> None:
    body = ("A long note with [markup] and \u2028 separators.\n" * 2500)[:100_000]
    notes = NotesStore(data_dir).open(seed)
    note = notes.add_note("qa-1.p1", body)
    notes.save()
    notes.cache_file.unlink()
    again = NotesStore(data_dir).open(seed).get(note.id)
    assert again is not None and again.body == body


def test_written_file_is_readable(seed: Document, data_dir: Path) -> None:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "first line\nsecond line")
    notes.save()
    text = notes.file.read_text()
    assert "body: |-\n    first line\n    second line\n" in text
    assert text.startswith("# tuireader notes")
    assert dump(load(text.encode())) == text.encode()
