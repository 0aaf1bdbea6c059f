"""`tuireader notes export` and `notes import` as a person uses them with a text editor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.unit.test_cli_notes import run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _add(data_dir: Path, passage: str, text: str, *file: str) -> str:
    added = run(data_dir, "notes", "add", *file, "--passage", passage, "--text", text)
    assert added.returncode == 0, added.stderr
    return added.stdout.strip()


def _bodies(data_dir: Path, *file: str) -> dict[str, str]:
    listing = run(data_dir, "notes", "list", *file, "--json")
    assert listing.returncode == 0, listing.stderr
    return {i["id"]: i["body"] for i in json.loads(listing.stdout)}


def test_export_edit_dry_run_then_import(data_dir: Path, tmp_path: Path) -> None:
    kept = _add(data_dir, "qa-3.p2", "Douma.\n\n# My heading\n- a list\n  trailing  ")
    removed = _add(data_dir, "qa-1.p1", "To be removed.")
    out = tmp_path / "notes.md"
    assert run(data_dir, "notes", "export", "-o", str(out)).returncode == 0
    text = out.read_text()
    assert "Douma.\n\n# My heading\n- a list\n  trailing  \n<!-- end of note" in text
    text = text.replace("Douma.\n", "Douma, checked.\n")
    text = re.sub(rf"<!-- note {removed} .*?<!-- end of note {removed} -->\n", "", text, flags=re.S)
    out.write_text(text)

    dry = run(data_dir, "notes", "import", str(out), "--delete", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        f"Would change note {kept} (qa-3.p2).",
        f"Would delete note {removed} (qa-1.p1).",
        "Nothing was changed (--dry-run): 1 note would change, 0 would be added and 1 deleted.",
    ]
    assert set(_bodies(data_dir)) == {kept, removed}

    done = run(data_dir, "notes", "import", str(out), "--delete")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (f"Imported {out}: 1 note changed, 0 added, 1 deleted.")
    assert _bodies(data_dir) == {kept: "Douma, checked.\n\n# My heading\n- a list\n  trailing  "}


def test_import_finds_the_document_the_export_was_made_from(data_dir: Path, tmp_path: Path) -> None:
    document = tmp_path / "talk.txt"
    document.write_text("A talk\n\nThe first paragraph.\n\nThe second paragraph.\n")
    note = _add(data_dir, "part-1.p2", "On the first.", str(document))
    out = tmp_path / "talk-notes.md"
    assert run(data_dir, "notes", "export", str(document), "-o", str(out)).returncode == 0
    out.write_text(out.read_text().replace("On the first.", "On the first, edited."))
    done = run(data_dir, "notes", "import", str(out))  # no FILE: the export names it
    assert done.returncode == 0, done.stderr
    assert _bodies(data_dir, str(document)) == {note: "On the first, edited."}
    # Into another document: refused, nothing changed.
    refused = run(data_dir, "notes", "import", str(out), str(Path(__file__)))
    assert refused.returncode == 2
    assert "This export is of another document" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    # The document gone: said, with what to do.
    document.unlink()
    gone = run(data_dir, "notes", "import", str(out))
    assert gone.returncode == 2 and "is no longer there: give its file" in gone.stderr


def test_a_broken_export_is_refused_in_one_sentence_and_nothing_changes(
    data_dir: Path, tmp_path: Path
) -> None:
    note = _add(data_dir, "qa-3.p2", "Original.")
    out = tmp_path / "notes.md"
    assert run(data_dir, "notes", "export", "-o", str(out)).returncode == 0
    text = out.read_text().replace("Original.", "Changed.")
    out.write_text(text.replace(f"<!-- end of note {note} -->", ""))
    broken = run(data_dir, "notes", "import", str(out))
    assert broken.returncode == 2
    [line] = broken.stderr.strip().splitlines()
    assert "has no end line" in line and line.endswith("Nothing was imported.")
    assert _bodies(data_dir) == {note: "Original."}
    out.write_bytes(b"\xff\xfe not text")
    assert "is not UTF-8 text" in run(data_dir, "notes", "import", str(out)).stderr
    missing = run(data_dir, "notes", "import", str(tmp_path / "nowhere.md"))
    assert missing.returncode == 2 and "Could not read" in missing.stderr


def test_export_formats(data_dir: Path, tmp_path: Path) -> None:
    note = _add(data_dir, "qa-3.p2", "Exact \x1b[31m text")
    out = tmp_path / "notes.json"
    assert run(data_dir, "notes", "export", "--format", "json", "-o", str(out)).returncode == 0
    data = json.loads(out.read_text())
    assert data["document"]["title"].startswith("Foreign Minister")
    assert data["document"]["fingerprint"] and data["exported"].endswith("Z")
    assert [(n["id"], n["body"], n["passage"]) for n in data["notes"]] == [
        (note, "Exact \x1b[31m text", "qa-3.p2")
    ]
    assert data["bookmarks"] == []
    yaml_out = run(data_dir, "notes", "export", "--format", "yaml")
    assert yaml_out.returncode == 0 and "Exact" in yaml_out.stdout
    # To a pipe the Markdown is exact too (it is a file for another program).
    markdown = run(data_dir, "notes", "export")
    assert "Exact \x1b[31m text" in markdown.stdout
