"""Importing an edited export: what changes, what is left as it is and why, what is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tuireader.model import Document
from tuireader.notes_import import BOTH_RULE, Action, ImportProblem, apply, plan
from tuireader.notes_markdown import ExportFormatError, parse, to_markdown
from tuireader.store import DocumentNotes, NotesStore


@pytest.fixture
def notes(seed: Document, tmp_path: Path) -> DocumentNotes:
    store = NotesStore(tmp_path)
    notes = store.open(seed)
    notes.add_note("qa-3.p2", "Compare with the OPCW report.")
    notes.add_note("qa-1.p1", "First question.")
    notes.add_bookmark("qa-2")
    notes.set_position("qa-4.p1")
    notes.save()
    return notes


def _ids(notes: DocumentNotes) -> dict[str, str]:
    return {i.record.body: i.record.id for i in notes.notes()}


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _block(text: str, note_id: str) -> str:
    start = text.index(f"<!-- note {note_id} ")
    end = text.index(f"<!-- end of note {note_id} -->\n", start)
    return text[start : end + len(f"<!-- end of note {note_id} -->\n")]


def test_the_export_reads_as_markdown_with_its_ids_on_comment_lines(
    notes: DocumentNotes,
) -> None:
    text = to_markdown(notes)
    ids = _ids(notes)
    assert text.startswith("<!-- tuireader notes export 1 exported=")
    assert f"# Notes on {notes.document.title}\n" in text
    # In reading order, under the section and the passage, the passage quoted.
    assert text.index("## Can an armed confrontation") < text.index("## Can you comment")
    douma = text.index("<!-- passage qa-3.p2 -->\n> As for Douma, there was no chemical attack")
    note = text.index(f"<!-- note {ids['Compare with the OPCW report.']} updated=")
    assert douma < note
    assert "\nCompare with the OPCW report.\n<!-- end of note " in text
    assert "## Bookmarks\n\n- qa-2 (What Western leaders" in text


def test_a_changed_text_a_new_note_and_a_removed_one(notes: DocumentNotes) -> None:
    ids = _ids(notes)
    text = to_markdown(notes)
    text = _replace(text, "Compare with the OPCW report.", "Compare with the OPCW report of 2019.")
    quote_end = text.index("\n\n", text.index("<!-- passage qa-3.p2 -->")) + 2
    text = text[:quote_end] + "A new note,\n\n- with a list\n\n" + text[quote_end:]
    text = text.replace(_block(text, ids["First question."]), "")

    export = parse(text)
    changes = plan(notes, export)
    assert [(c.action, c.note_id) for c in changes] == [
        (Action.UPDATE, ids["Compare with the OPCW report."]),
        (Action.ADD, None),
        (Action.KEEP, ids["First question."]),  # removed, but not asked to delete
    ]
    assert "--delete deletes it" in changes[2].describe(done=False)
    with_delete = plan(notes, export, delete=True)
    assert with_delete[2].action is Action.DELETE

    apply(notes, with_delete)
    notes.save()
    bodies = {i.record.body: i.target for i in notes.notes()}
    assert bodies == {
        "Compare with the OPCW report of 2019.": "qa-3.p2",
        "A new note,\n\n- with a list": "qa-3.p2",
    }
    assert [b.target for b in notes.bookmarks()] == ["qa-2"]
    assert notes.position == "qa-4.p1"


def test_importing_twice_changes_nothing_the_second_time(notes: DocumentNotes) -> None:
    text = to_markdown(notes)
    text = _replace(text, "First question.", "First question, edited.")
    quote_end = text.index("\n\n", text.index("<!-- passage qa-1.p1 -->")) + 2
    text = text[:quote_end] + "Added once.\n\n" + text[quote_end:]
    apply(notes, plan(notes, parse(text)))
    notes.save()
    again = plan(notes, parse(text))
    assert [(c.action, c.why) for c in again] == [
        (Action.KEEP, "a note with this text is there already")
    ]


def test_a_note_changed_in_both_keeps_both_texts(notes: DocumentNotes) -> None:
    note_id = _ids(notes)["First question."]
    text = to_markdown(notes)
    notes.edit_note(note_id, "First question, changed in the reader.")
    notes.save()
    edited = _replace(text, "First question.", "First question, changed in the export.")

    [change] = plan(notes, parse(edited))
    assert change.action is Action.UPDATE
    assert change.body == (
        "First question, changed in the export."
        + BOTH_RULE
        + "First question, changed in the reader."
    )
    assert "both texts are kept" in change.describe(done=True)


def test_a_note_deleted_since_the_export_comes_back_as_a_new_note_if_edited(
    notes: DocumentNotes,
) -> None:
    note_id = _ids(notes)["First question."]
    text = to_markdown(notes)
    notes.delete(note_id)
    notes.save()
    assert plan(notes, parse(text)) == []  # not edited in the file: stays deleted
    [change] = plan(notes, parse(_replace(text, "First question.", "Still needed.")))
    assert (change.action, change.passage, change.body) == (Action.ADD, "qa-1.p1", "Still needed.")


def test_a_note_changed_since_the_export_is_never_deleted(notes: DocumentNotes) -> None:
    note_id = _ids(notes)["First question."]
    text = to_markdown(notes)
    notes.edit_note(note_id, "Changed after the export.")
    notes.save()
    removed = text.replace(_block(text, note_id), "")
    emptied = _replace(text, "First question.\n", "\n")
    for export in (parse(removed), parse(emptied)):
        [change] = plan(notes, export, delete=True)
        assert (change.action, change.note_id) == (Action.KEEP, note_id)
        assert "changed" in change.why


def test_an_emptied_note_is_deleted_only_when_asked(notes: DocumentNotes) -> None:
    note_id = _ids(notes)["First question."]
    emptied = parse(_replace(to_markdown(notes), "First question.\n", "\n"))
    assert [c.action for c in plan(notes, emptied)] == [Action.KEEP]
    assert [(c.action, c.note_id) for c in plan(notes, emptied, delete=True)] == [
        (Action.DELETE, note_id)
    ]


def test_notes_written_after_the_export_are_left_alone(notes: DocumentNotes) -> None:
    text = to_markdown(notes)
    notes.add_note("qa-5.p1", "Written after the export.")
    notes.save()
    assert plan(notes, parse(text), delete=True) == []


def test_new_notes_on_a_passage_written_in_by_hand_and_separated(notes: DocumentNotes) -> None:
    text = to_markdown(notes) + (
        "\n<!-- passage qa-7.p1 -->\nOne new note.\n<!-- new note -->\nAnother one.\n"
    )
    changes = plan(notes, parse(text))
    assert [(c.action, c.passage, c.body) for c in changes] == [
        (Action.ADD, "qa-7.p1", "One new note."),
        (Action.ADD, "qa-7.p1", "Another one."),
    ]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: "no header\n" + t, "This is not a tuireader notes export"),
        (lambda t: t.replace("export 1 ", "export 7 ", 1), "version 7"),
        (lambda t: t.replace("<!-- end of note ", "<!-- end of nothing ", 1), "has no end line"),
        (lambda t: t + "\nA stray paragraph after the bookmarks.\n", "in the list of bookmarks"),
        (
            lambda t: t.replace("# Notes on", "Some text.\n\n# Notes on", 1),
            "under no passage",
        ),
        (lambda t: t + "\n<!-- end of note n-1 -->\n", "no note before it"),
        (lambda t: t + "\n<!-- passage -->\n", "names no passage"),
    ],
)
def test_what_cannot_be_read_is_refused_naming_the_line(
    notes: DocumentNotes, edit: Callable[[str], str], problem: str
) -> None:
    with pytest.raises(ExportFormatError, match=problem):
        parse(edit(to_markdown(notes)))


def test_the_same_note_twice_is_refused(notes: DocumentNotes) -> None:
    note_id = _ids(notes)["First question."]
    text = to_markdown(notes)
    block = _block(text, note_id)
    with pytest.raises(ExportFormatError, match=f"the note {note_id} is here twice"):
        parse(text.replace(block, block + "\n" + block))


def test_a_new_note_on_a_passage_not_in_the_document_refuses_the_whole_import(
    notes: DocumentNotes,
) -> None:
    text = _replace(to_markdown(notes), "First question.", "Edited too.")
    text += "\n<!-- passage qa-99.p1 -->\nNowhere to go.\n"
    with pytest.raises(ImportProblem, match=r"no passage 'qa-99\.p1'"):
        plan(notes, parse(text))


def test_line_ends_turned_into_crlf_by_an_editor_are_undone(notes: DocumentNotes) -> None:
    export = parse(to_markdown(notes).replace("\n", "\r\n"))
    assert export.crlf
    assert plan(notes, export) == []


def test_values_that_are_not_plain_words_are_json_on_the_comment_lines(
    seed: Document, tmp_path: Path
) -> None:
    """A hand-edited notes file may hold any id; the export keeps it exactly, and no value
    ends its comment early (a Markdown renderer would show the rest)."""
    path = tmp_path / 'a "strange" --> name.txt'
    path.write_text(seed.source and Path(seed.source).read_text())
    from tuireader.load import open_document

    document = open_document(path)
    notes = NotesStore(tmp_path / "data").open(document, path)
    notes.add_note("qa-1.p1", "x")
    notes.save()
    text = to_markdown(notes)
    first = text.split("\n")[0]
    assert first.count("-->") == 1 and first.endswith("-->")
    assert parse(text).path == str(path.resolve())
