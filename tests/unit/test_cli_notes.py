"""`tuireader notes …` and `tuireader bookmarks …` as a script over SSH would use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        input=stdin,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_add_list_export_delete(data_dir: Path) -> None:
    added = run(data_dir, "notes", "add", "--passage", "qa-3.p2", "--text", "Douma [/] note")
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.strip()
    piped = run(
        data_dir,
        "notes",
        "add",
        "--passage",
        "qa-1.p1",
        "--text",
        "-",
        stdin="from stdin\nsecond line\n",
    )
    assert piped.returncode == 0, piped.stderr
    listing = run(data_dir, "notes", "list", "--json")
    assert listing.returncode == 0
    items = json.loads(listing.stdout)
    assert [i["passage"] for i in items] == ["qa-1.p1", "qa-3.p2"]
    assert items[1] == {
        "id": note_id,
        "passage": "qa-3.p2",
        "section": "qa-3",
        "body": "Douma [/] note",
        "quote": items[1]["quote"],
        "created": items[1]["created"],
        "updated": items[1]["updated"],
        "status": "anchored",
    }
    assert items[1]["quote"].startswith("As for Douma")
    assert items[0]["body"] == "from stdin\nsecond line"
    markdown = run(data_dir, "notes", "export")
    assert "## Can you comment on the incidents" in markdown.stdout
    assert "> As for Douma" in markdown.stdout and "Douma [/] note" in markdown.stdout
    out = data_dir.parent / "notes.yaml"
    exported = run(data_dir, "notes", "export", "--format", "yaml", "-o", str(out))
    assert exported.returncode == 0 and "Douma [/] note" in out.read_text()
    deleted = run(data_dir, "notes", "delete", note_id)
    assert deleted.returncode == 0
    assert [i["id"] for i in json.loads(run(data_dir, "notes", "list", "--json").stdout)] == [
        items[0]["id"]
    ]


def test_bookmarks(data_dir: Path) -> None:
    assert run(data_dir, "bookmarks", "add", "--section", "speech").returncode == 0
    assert run(data_dir, "bookmarks", "add", "--passage", "qa-2.p3").returncode == 0
    marks = json.loads(run(data_dir, "bookmarks", "list", "--json").stdout)
    assert [(m["passage"], m["section"]) for m in marks] == [("qa-2.p3", "qa-2"), (None, "speech")]
    assert run(data_dir, "bookmarks", "delete", marks[0]["id"]).returncode == 0
    assert len(json.loads(run(data_dir, "bookmarks", "list", "--json").stdout)) == 1


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("notes", "add", "--passage", "qa-99.p1", "--text", "x"), "no passage"),
        (("notes", "add", "--passage", "qa-1.p1", "--text", "  "), "empty"),
        (("notes", "delete", "n-000000000000"), "no note"),
        (("bookmarks", "add", "--section", "nope"), "no section"),
        (("notes", "list", "/nonexistent/file.txt"), "does not exist"),
    ],
)
def test_errors_are_one_sentence(data_dir: Path, args: tuple[str, ...], phrase: str) -> None:
    result = run(data_dir, *args)
    assert result.returncode == 2
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_corrupt_notes_file_is_reported(data_dir: Path) -> None:
    assert run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "x").returncode == 0
    [notes_file] = (data_dir / "documents").glob("*.yaml")
    notes_file.write_text("schema: [broken\n")
    listing = run(data_dir, "notes", "list")
    assert "cannot be used" in listing.stderr and str(notes_file) in listing.stderr
    # Not "No notes yet." with exit status 0: the notes exist, they cannot be read.
    assert listing.returncode == 2 and listing.stdout == ""
    assert len(listing.stderr.strip().splitlines()) == 1
    for command in (("notes", "export"), ("bookmarks", "list"), ("notes", "list", "--json")):
        assert run(data_dir, *command).returncode == 2, command
    adding = run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "y")
    assert adding.returncode == 2
    assert notes_file.read_text() == "schema: [broken\n"


def test_a_newer_notes_file_is_said_not_to_be_shown(data_dir: Path) -> None:
    assert run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "x").returncode == 0
    [notes_file] = (data_dir / "documents").glob("*.yaml")
    notes_file.write_text(notes_file.read_text().replace("schema: 1", "schema: 2"))
    listing = run(data_dir, "notes", "list")
    assert listing.returncode == 2 and listing.stdout == ""
    assert "schema 2" in listing.stderr and "not shown" in listing.stderr


def test_search_says_when_the_notes_come_from_the_backup(data_dir: Path) -> None:
    assert run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "zebra").returncode == 0
    assert run(data_dir, "notes", "add", "--passage", "qa-1.p2", "--text", "lion").returncode == 0
    [notes_file] = (data_dir / "documents").glob("*.yaml")
    notes_file.write_text("schema: [broken\n")
    zebra = subprocess.run(
        [sys.executable, "-m", "tuireader", "search", "zebra", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert zebra.returncode == 0 and "note" in zebra.stdout
    assert "backup" in zebra.stderr and f"{notes_file}.bak" in zebra.stderr


def _key() -> str:
    from tuireader.load import open_document

    return open_document(None).fingerprint[:24]


def test_a_failed_save_says_nothing_was_added(data_dir: Path) -> None:
    """The process ends: it must not promise to save again later (issue 12, 8)."""
    (data_dir / "documents" / f"{_key()}.lock").mkdir(parents=True)  # cannot be locked
    result = run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "lost?")
    assert result.returncode == 2
    assert "Could not lock" in result.stderr and "The note was not added." in result.stderr
    assert "saved again" not in result.stderr and "kept" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(run(data_dir, "notes", "list", "--json").stdout) == []


def test_a_save_whose_index_cannot_be_updated_is_a_save(data_dir: Path) -> None:
    """The notes file was written and only a pointer failed: that is a save, said so, and
    the command is not to be run again (which made a second copy of the note)."""
    data_dir.mkdir()
    (data_dir / "index").write_text("not a folder")
    added = run(data_dir, "notes", "add", "--passage", "qa-1.p1", "--text", "once")
    assert added.returncode == 0, added.stderr
    assert "Your notes are saved" in added.stderr and "index" in added.stderr
    items = json.loads(run(data_dir, "notes", "list", "--json").stdout)
    assert [(i["id"], i["body"]) for i in items] == [(added.stdout.strip(), "once")]


@pytest.mark.parametrize("locale", ["C.UTF-8", "C", None])
def test_text_that_is_not_utf8_is_kept_with_replacement_characters(
    data_dir: Path, locale: str | None
) -> None:
    """From standard input or an argument, in any locale: U+FFFD for each bad byte
    sequence, a warning that says so, never a traceback or a '?'."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    if locale is not None:
        env["LC_ALL"] = locale
    base = [sys.executable, "-m", "tuireader", "notes", "add", "--data-dir", str(data_dir)]
    piped = subprocess.run(
        [*base, "--passage", "qa-1.p1", "--text", "-"],
        input=b"caf\xe9 au lait\r\nline \xff\xfe two\n",
        capture_output=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert piped.returncode == 0, piped.stderr
    assert b"not valid UTF-8: 3 byte sequence(s)" in piped.stderr  # \xe9, \xff, \xfe
    argument = subprocess.run(
        [*base, "--passage", "qa-1.p2", "--text", b"na\xefve"],
        capture_output=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert argument.returncode == 0, argument.stderr
    assert b"not valid UTF-8: 1 byte sequence(s)" in argument.stderr
    bodies = [i["body"] for i in json.loads(run(data_dir, "notes", "list", "--json").stdout)]
    assert bodies == ["caf\ufffd au lait\r\nline \ufffd\ufffd two", "na\ufffdve"]
