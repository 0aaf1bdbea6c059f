"""Re-finding notes after the document changed: anchored, approximate, orphaned; never lost,
never misplaced."""

from __future__ import annotations

from pathlib import Path

from tuireader.load import open_document
from tuireader.store import NotesStore, Status

ORIGINAL = [
    "Question: What about the harbour?",
    "A: The harbour was rebuilt in 1990 after the storm destroyed the old piers and the sea wall.",
    "The city paid for the new piers with a special tax that lasted for ten years.",
    "We hope the West will realise this sooner or later, for everyone's sake and for peace.",
    "We hope the East will realise this sooner or later, for everyone's sake and for peace.",
    "Question: And the railway?",
    "A: The railway came later, in 1995, and it changed the town more than the harbour did.",
]


def write(path: Path, paragraphs: list[str]) -> None:
    path.write_text("\n\n".join(paragraphs) + "\n")


def place(tmp_path: Path, passage: str) -> tuple[Path, Path, str]:
    doc_path = tmp_path / "talk.txt"
    write(doc_path, ORIGINAL)
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    note_id = notes.add_note(passage, "my note").id
    notes.save()
    return doc_path, data_dir, note_id


def reopen(doc_path: Path, data_dir: Path, note_id: str) -> tuple[Status, str]:
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    [item] = [i for i in notes.notes() if i.record.id == note_id]
    assert item.record.body == "my note"  # never lost
    return item.status, item.target


def test_text_inserted_before(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    write(doc_path, [ORIGINAL[0], "An aside about boats, added later.", *ORIGINAL[1:]])
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-1.p4")


def test_a_few_words_changed(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    changed = list(ORIGINAL)
    changed[2] = "The town paid for the new piers with a special tax that lasted for twelve years."
    write(doc_path, changed)
    assert reopen(doc_path, data_dir, note_id) == (Status.APPROXIMATE, "qa-1.p3")


def test_deleted_next_to_a_look_alike_is_orphaned_not_misplaced(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p4")  # "We hope the West ..."
    write(doc_path, ORIGINAL[:3] + ORIGINAL[4:])  # deleted; "We hope the East ..." remains
    status, _ = reopen(doc_path, data_dir, note_id)
    assert status is Status.ORPHANED


def test_whole_file_replaced(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-2.p2")
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    other_id = notes.add_note("qa-1.p1", "second").id
    notes.save()
    write(doc_path, ["Something else entirely.", "Nothing in common with before, at all."])
    after = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    items = after.notes()
    assert {i.record.id for i in items} == {note_id, other_id}
    assert all(i.status is Status.ORPHANED and i.section is None for i in items)
    assert {i.target for i in items} == {"qa-2.p2", "qa-1.p1"}  # where they were


def test_confirming_an_approximate_place_anchors_it(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    changed = list(ORIGINAL)
    changed[2] = "The town paid for the new piers with a special tax that lasted for twelve years."
    write(doc_path, changed)
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    notes.confirm_place(note_id)
    notes.save()
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-1.p3")


def test_section_bookmark_follows_its_title(tmp_path: Path) -> None:
    doc_path = tmp_path / "talk.txt"
    write(doc_path, ORIGINAL)
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    mark = notes.add_bookmark("qa-2")
    notes.save()
    write(doc_path, ["Question: A new first question?", "A: Yes.", *ORIGINAL])
    again = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    [item] = again.bookmarks()
    assert item.record.id == mark.id and item.target == "qa-3"


# Ambiguous evidence orphans (issue 12, 7) and the context decides (issue 17, 7 and 8) ----

THANKS = [
    "Talks in the harbour town",
    "Question: How did the talks with the delegation from the north begin this spring?",
    "A: They began with a long discussion of the fishing quotas in the northern waters.",
    "Thank you.",
    "Question: And what did the southern delegation ask for at the second meeting?",
    "A: They asked for a share of the harbour fees collected during the summer season.",
    "Thank you.",
    "Question: Was anything signed before the delegations went home in the autumn?",
    "A: Nothing was signed, but both sides agreed to meet again before the new year.",
]


def place_in(tmp_path: Path, paragraphs: list[str], passage: str) -> tuple[Path, Path, str]:
    doc_path = tmp_path / "talk.txt"
    write(doc_path, paragraphs)
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    note_id = notes.add_note(passage, "my note").id
    notes.save()
    return doc_path, data_dir, note_id


def test_identical_passages_each_keep_their_notes(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place_in(tmp_path, THANKS, "qa-2.p3")  # the second thanks
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-2.p3")
    # A question added first: the first thanks is now at qa-2.p3, the note's goes to qa-3.p3.
    added = ["Question: Who came to the talks?", "A: Two delegations came to the talks."]
    write(doc_path, [THANKS[0], *added, *THANKS[1:]])
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-3.p3")


def test_deleting_one_of_two_identical_passages_orphans_its_note(tmp_path: Path) -> None:
    """The other "Thank you." is not the one the note was on: its neighbours differ."""
    doc_path, data_dir, note_id = place_in(tmp_path, THANKS, "qa-1.p3")  # the first thanks
    write(doc_path, THANKS[:3] + THANKS[4:])
    assert reopen(doc_path, data_dir, note_id) == (Status.ORPHANED, "qa-1.p3")


MOVED = "We will not accept a deal that leaves the harbour workers without their pensions."


def test_a_moved_passage_that_appears_twice_goes_where_its_neighbours_match(
    tmp_path: Path,
) -> None:
    paragraphs = [
        "The harbour strike",
        "Question: What did the union say about the proposal from the city council?",
        f"A: The union leader read out the same line at both meetings. {MOVED}",
        MOVED,
        "Question: And at the meeting with the port authority a week later on Monday?",
        "A: The port authority heard it too, and said it would think about the pensions.",
        MOVED,
        "Question: Will there be a strike if the pensions are not part of the agreement?",
    ]
    doc_path, data_dir, note_id = place_in(tmp_path, paragraphs, "qa-2.p3")  # the second copy
    # A question added before both copies: the first copy is now at qa-2.p3.
    added = ["Question: What did the workers say first?", "A: At first they said nothing."]
    write(doc_path, [paragraphs[0], *added, *paragraphs[1:]])
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-3.p3")


LOOK_ALIKE = [
    "Question: How much grain and coal went through the port in the last few years?",
    "A: The figures are in the annual report that was published by the port in March.",
    "In 2019 the port handled 12 million tonnes of grain and 3 million tonnes of coal.",
    "The figures for the other ports on the coast were not part of the annual report.",
    "Question: And what about the two years that followed, after the new quay opened?",
    "A: The new quay opened in the spring, and the numbers went up in the autumn.",
    "In 2021 the port handled 15 million tonnes of grain and 4 million tonnes of coal.",
    "Most of the increase came from a single contract with a mill in the south.",
]


def test_a_deleted_paragraph_is_not_put_on_a_look_alike_elsewhere(tmp_path: Path) -> None:
    """The 2021 paragraph differs from the deleted 2019 one only in its numbers (and is
    more than 90 % alike), but its neighbours are not the 2019 one's."""
    doc_path, data_dir, note_id = place_in(tmp_path, LOOK_ALIKE, "qa-1.p3")
    write(doc_path, LOOK_ALIKE[:2] + LOOK_ALIKE[3:])
    assert reopen(doc_path, data_dir, note_id) == (Status.ORPHANED, "qa-1.p3")


def test_the_same_edit_in_place_is_approximate(tmp_path: Path) -> None:
    """The same change of numbers where the paragraph stands is an edit of it."""
    doc_path, data_dir, note_id = place_in(tmp_path, LOOK_ALIKE, "qa-1.p3")
    changed = list(LOOK_ALIKE)
    changed[2] = LOOK_ALIKE[6].replace("2021", "2019")
    write(doc_path, changed)
    assert reopen(doc_path, data_dir, note_id) == (Status.APPROXIMATE, "qa-1.p3")


REWRITTEN = "The town paid for its new piers through a harbour levy that ran for a decade."


def test_a_loose_match_needs_its_neighbours(tmp_path: Path) -> None:
    """A passage only about 60-70 % like the quote is taken when the text around it is
    the quote's, and not when it stands among other paragraphs."""
    from rapidfuzz import fuzz

    assert 60 <= fuzz.ratio(ORIGINAL[2], REWRITTEN) < 70
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    in_place = list(ORIGINAL)
    in_place[2] = REWRITTEN
    write(doc_path, in_place)
    assert reopen(doc_path, data_dir, note_id) == (Status.APPROXIMATE, "qa-1.p3")
    elsewhere = [*ORIGINAL[:2], *ORIGINAL[3:6], "A: The railway came first.", REWRITTEN]
    write(doc_path, elsewhere)
    assert reopen(doc_path, data_dir, note_id) == (Status.ORPHANED, "qa-1.p3")
