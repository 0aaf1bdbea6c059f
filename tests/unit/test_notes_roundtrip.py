"""The Markdown export read back: exactly the intended changes, every character kept.

Property tests: an export imported with no edit changes nothing; an export with one
note's text edited (as a person would, in a text editor) changes exactly that text; text
written under a passage becomes exactly one new note on it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tuireader.load import open_document
from tuireader.model import Document
from tuireader.notes_import import Action, apply, plan
from tuireader.notes_markdown import parse, to_markdown
from tuireader.store import DocumentNotes, NotesStore

PASSAGES = ["qa-1.p1", "qa-3.p2", "qa-3.p5", "intro.p2", "speech.p1"]

#: Lines a note might hold that look like the export's own: headings, lists, quotes,
#: comment lines, the note's own end line (ID is put in once the note has its id).
TRICKY_LINES = [
    "",
    "# A heading in a note",
    "## Bookmarks",
    "- a list item",
    "  1. nested",
    "> a quotation in a note",
    "```",
    "<!-- section qa-1 -->",
    "<!-- passage qa-1.p1 -->",
    "<!-- note n-000000000000 updated=2026-01-01T00:00:00Z text=00 -->",
    "<!-- new note -->",
    "<!-- end of note ID -->",
    "\\<!-- end of note ID -->",
    "\\\\<!-- end of note ID -->  ",
    "<!-- end of note ID -->\r",
    "<!-- tuireader notes export 1 -->",
    "trailing spaces   ",
    "\ttab",
    "\r",
]

#: Any character a note can hold: all but lone surrogates, which a UTF-8 file cannot hold
#: (the store makes them U+FFFD).
any_line = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\n"))
line = st.one_of(st.sampled_from(TRICKY_LINES), any_line)
body = st.lists(line, max_size=6).map("\n".join)

#: What the format reads as its own in text written outside a note (documented): a comment
#: line of the export's kinds ends a new note, and blank lines around it are not part of it.
_MARKER_LIKE = re.compile(r"<!-- .* -->[ \t]*")
free_line = st.one_of(st.sampled_from(TRICKY_LINES), any_line).filter(
    lambda x: not _MARKER_LIKE.fullmatch(x)
)
edge_line = free_line.filter(lambda x: bool(x.strip()))
new_note = (
    st.tuples(edge_line, st.lists(free_line, max_size=4), edge_line).map(
        lambda t: "\n".join([t[0], *t[1], t[2]])
    )
    | edge_line
)

SEED = open_document(None)  # not the fixture: hypothesis would print all of it


def _store(folder: str, seed: Document, bodies: list[tuple[str, str]]) -> DocumentNotes:
    notes = NotesStore(Path(folder)).open(seed)
    for passage, text in bodies:
        record = notes.add_note(passage, text)
        if "ID" in text:  # the note's own end line, with its real id
            notes.edit_note(record.id, text.replace("ID", record.id))
    notes.add_bookmark("qa-2.p1")
    notes.set_position("qa-4.p1")
    notes.save()
    return notes


def _state(notes: DocumentNotes) -> dict[str, tuple[str, str, str]]:
    return {i.record.id: (i.target, i.record.body, i.record.updated) for i in notes.notes()}


notes_on_passages = st.lists(st.tuples(st.sampled_from(PASSAGES), body), min_size=1, max_size=5)


@settings(max_examples=60)
@given(notes_on_passages)
def test_export_then_import_without_an_edit_changes_nothing(
    bodies: list[tuple[str, str]],
) -> None:
    seed = SEED
    with tempfile.TemporaryDirectory() as folder:
        notes = _store(folder, seed, bodies)
        before = _state(notes)
        export = parse(to_markdown(notes))
        assert {n.id: n.body for n in export.notes} == {k: v[1] for k, v in before.items()}
        assert export.new == []
        assert plan(notes, export, delete=True) == []
        # Written to a file and read back as bytes, as the CLI does: still nothing.
        file = Path(folder) / "export.md"
        file.write_text(to_markdown(notes), encoding="utf-8", newline="")
        assert plan(notes, parse(file.read_bytes().decode("utf-8")), delete=True) == []


def _edit_body(text: str, note_id: str, new_body: str) -> str:
    """What a person does in an editor: replace the lines between a note's two lines."""
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith(f"<!-- note {note_id} "))
    end = lines.index(f"<!-- end of note {note_id} -->", start + 1)
    return "\n".join([*lines[: start + 1], new_body, *lines[end:]])


@settings(max_examples=60)
@given(notes_on_passages, st.data())
def test_an_edited_text_changes_exactly_that_note(
    bodies: list[tuple[str, str]], data: st.DataObject
) -> None:
    seed = SEED
    with tempfile.TemporaryDirectory() as folder:
        notes = _store(folder, seed, bodies)
        before = _state(notes)
        chosen = data.draw(st.sampled_from(sorted(before)))
        new_body = data.draw(body)
        own_end = f"<!-- end of note {chosen} -->"
        # A person cannot type the note's own end line inside it (the file would say the
        # note ends there); everything else goes.
        assume(not any(x.lstrip("\\").rstrip(" \t") == own_end for x in new_body.split("\n")))
        assume(new_body.strip() and new_body != before[chosen][1])

        edited = parse(_edit_body(to_markdown(notes), chosen, new_body))
        changes = plan(notes, edited)
        assert [(c.action, c.note_id, c.body) for c in changes] == [
            (Action.UPDATE, chosen, new_body)
        ]
        apply(notes, changes)
        notes.save()

        after = _state(NotesStore(Path(folder)).open(seed))
        assert after[chosen][1] == new_body
        assert {k: v for k, v in after.items() if k != chosen} == {
            k: v for k, v in before.items() if k != chosen
        }


def _passage_line(lines: list[str], passage: str) -> int:
    """Where the export's line for a passage is (a note's text may hold the same line)."""
    index = 0
    while index < len(lines):
        if lines[index] == f"<!-- passage {passage} -->":
            return index
        if lines[index].startswith("<!-- note "):
            note_id = lines[index].split()[2]
            index = lines.index(f"<!-- end of note {note_id} -->", index + 1)
        index += 1
    raise AssertionError(f"no line for {passage}")


@settings(max_examples=60)
@given(notes_on_passages, st.data())
def test_text_written_under_a_passage_is_one_new_note_on_it(
    bodies: list[tuple[str, str]], data: st.DataObject
) -> None:
    seed = SEED
    with tempfile.TemporaryDirectory() as folder:
        notes = _store(folder, seed, bodies)
        before = _state(notes)
        passage = data.draw(st.sampled_from(sorted({p for p, _ in bodies})))
        new_body = data.draw(new_note)
        assume(new_body not in {b for p, b in bodies if p == passage})

        lines = to_markdown(notes).split("\n")
        at = _passage_line(lines, passage) + 1
        while lines[at].startswith(">"):  # the quotation; then a blank line
            at += 1
        written = "\n".join([*lines[: at + 1], new_body, "", *lines[at + 1 :]])

        changes = plan(notes, parse(written))
        assert [(c.action, c.passage, c.body) for c in changes] == [(Action.ADD, passage, new_body)]
        done = apply(notes, changes)
        notes.save()
        after = _state(NotesStore(Path(folder)).open(seed))
        new_id = done[0].note_id
        assert new_id is not None and after[new_id][:2] == (passage, new_body)
        assert {k: v for k, v in after.items() if k != new_id} == before
