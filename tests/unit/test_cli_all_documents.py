"""`tuireader notes list --all` and `tuireader search --notes --all`: every document's notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_cli_notes import run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def talk(tmp_path: Path, data_dir: Path) -> Path:
    path = tmp_path / "talk \x1b]0;x\x07.txt"  # a file name that must not drive the terminal
    path.write_text("---\ntitle: A talk\n---\nThe first paragraph.\n\nThe second.\n")
    added = run(
        data_dir, "notes", "add", str(path), "--passage", "part-1.p2", "--text", "A second look"
    )
    assert added.returncode == 0, added.stderr
    assert run(data_dir, "bookmarks", "add", str(path), "--passage", "part-1.p1").returncode == 0
    assert (
        run(data_dir, "notes", "add", "--passage", "qa-3.p2", "--text", "Look again").returncode
        == 0
    )
    return path


def test_list_every_document_with_notes(data_dir: Path, talk: Path) -> None:
    listed = run(data_dir, "notes", "list", "--all")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "Foreign Minister Sergey Lavrov’s Interview With Italy’s Panorama Magazine"
    assert lines[1] == "    the bundled interview"
    assert lines[2].startswith("    1 note · 0 bookmarks · last read ")
    assert lines[3] == "A talk"
    assert lines[4] == "    " + str(talk.resolve()).replace("\x1b", "␛").replace("\x07", "␇")
    assert lines[5].startswith("    1 note · 1 bookmark · last read ")
    assert "\x1b" not in listed.stdout
    rows = json.loads(run(data_dir, "notes", "list", "--all", "--json").stdout)
    assert [(r["title"], r["file"], r["notes"], r["bookmarks"]) for r in rows] == [
        (
            "Foreign Minister Sergey Lavrov’s Interview With Italy’s Panorama Magazine",
            "found",
            1,
            0,
        ),
        ("A talk", "found", 1, 1),
    ]
    assert rows[1]["path"] == str(talk.resolve())  # exact in JSON


def test_a_vanished_file_and_a_broken_notes_file_are_said(data_dir: Path, talk: Path) -> None:
    talk.unlink()
    (data_dir / "documents" / "broken.yaml").write_text("schema: [\n")
    listed = run(data_dir, "notes", "list", "--all")
    assert listed.returncode == 0
    assert "(moved or deleted)" in listed.stdout
    [warning] = listed.stderr.splitlines()
    assert "broken.yaml" in warning and warning.endswith("Its document is not listed.")
    rows = json.loads(run(data_dir, "notes", "list", "--all", "--json").stdout)
    assert [r["file"] for r in rows] == ["found", "missing"]


def test_an_empty_data_folder(data_dir: Path) -> None:
    listed = run(data_dir, "notes", "list", "--all")
    assert (listed.returncode, listed.stdout) == (0, "No document has notes or bookmarks yet.\n")
    given = run(data_dir, "notes", "list", "--all", "some.txt")
    assert given.returncode == 2 and "give no FILE" in given.stderr


def test_search_the_notes_of_every_document(data_dir: Path, talk: Path) -> None:
    found = run(data_dir, "search", "--notes", "--all", "look")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("Foreign Minister") and lines[0].endswith("(the bundled interview)")
    assert lines[1].startswith("    qa-3.p2  n-") and lines[1].endswith("Look again")
    assert lines[2].startswith("A talk  (")
    assert lines[3].startswith("    part-1.p2  n-") and lines[3].endswith("A second look")
    rows = json.loads(run(data_dir, "search", "--notes", "--all", "second", "--json").stdout)
    assert [(r["document"], r["passage"], r["context"]) for r in rows] == [
        ("A talk", "part-1.p2", "A second look")
    ]
    none = run(data_dir, "search", "--notes", "--all", "absent")
    assert (none.returncode, none.stderr) == (1, "No matches.\n")
    text_too = run(data_dir, "search", "--all", "look")
    assert text_too.returncode == 2 and "add --notes" in text_too.stderr
    bad = run(data_dir, "search", "--notes", "--all", "(", "--regex")
    assert bad.returncode == 2 and "not a valid regular expression" in bad.stderr


def test_search_notes_of_one_document(data_dir: Path, talk: Path) -> None:
    """--notes alone is --scope notes: the notes of the one document."""
    found = run(data_dir, "search", "--notes", "look", str(talk))
    assert found.returncode == 0
    assert "A second look" in found.stdout and "Look again" not in found.stdout
