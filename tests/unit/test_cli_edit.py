"""`tuireader notes edit NOTE_ID [FILE]`: a note's text in the user's own editor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.fake_editor import editor


def run(data_dir: Path, *args: str, editor_command: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    if editor_command is not None:
        env["EDITOR"] = editor_command
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _add(data_dir: Path, *args: str) -> str:
    added = run(data_dir, "notes", "add", *args, editor_command=None)
    assert added.returncode == 0, added.stderr
    return added.stdout.strip()


def _bodies(data_dir: Path, *file: str) -> list[str]:
    listing = run(data_dir, "notes", "list", *file, "--json", editor_command=None)
    return [i["body"] for i in json.loads(listing.stdout)]


def test_edit_a_note_in_the_editor(data_dir: Path) -> None:
    note = _add(data_dir, "--passage", "qa-3.p2", "--text", "First thought.")
    edited = run(data_dir, "notes", "edit", note, editor_command=editor("append", " Second."))
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout == f"Note {note} saved.\n"
    assert _bodies(data_dir) == ["First thought. Second."]
    same = run(data_dir, "notes", "edit", note, editor_command=editor("quit", "0"))
    assert (same.returncode, same.stdout) == (0, f"Note {note} is unchanged.\n")


def test_without_a_file_the_note_is_found_in_any_document(data_dir: Path, tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text("---\ntitle: A talk\n---\nThe first paragraph.\n\nThe second.\n")
    note = _add(data_dir, str(talk), "--passage", "part-1.p2", "--text", "On the second.")
    edited = run(data_dir, "notes", "edit", note, editor_command=editor("write", "Rewritten."))
    assert edited.returncode == 0, edited.stderr
    assert _bodies(data_dir, str(talk)) == ["Rewritten."]
    talk.unlink()
    gone = run(data_dir, "notes", "edit", note, editor_command=editor("write", "No."))
    assert gone.returncode == 2 and "whose file is not there any more" in gone.stderr
    unknown = run(data_dir, "notes", "edit", "n-000000000000", editor_command=editor("quit", "0"))
    assert unknown.returncode == 2 and "in the notes of any document" in unknown.stderr


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        (None, "No editor is set"),
        ("no-such-editor-anywhere", "was not found"),
        (editor("fail", "4"), "exited with status 4, so the note was not changed"),
        (editor("write", "  \n"), "The note came back empty, so it was not changed"),
    ],
)
def test_an_editor_that_fails_changes_nothing(
    data_dir: Path, command: str | None, problem: str
) -> None:
    note = _add(data_dir, "--passage", "qa-3.p2", "--text", "Keep me.")
    failed = run(data_dir, "notes", "edit", note, editor_command=command)
    assert failed.returncode == 2
    [line] = failed.stderr.splitlines()  # one sentence
    assert problem in line
    assert _bodies(data_dir) == ["Keep me."]
    if "kept in " in line:  # what the failing editor wrote is not lost
        kept = Path(line.rsplit("kept in ", 1)[1].rstrip("."))
        assert kept.read_text() == "Keep me.\nhalf a thought\n"


def test_text_that_cannot_be_saved_is_kept_in_a_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tuireader.cli import main
    from tuireader.store import DocumentNotes, StoreError

    note = _add(data_dir, "--passage", "qa-3.p2", "--text", "Before.")

    def full_disk(self: DocumentNotes) -> None:
        raise StoreError("Could not save: the disk is full.", reason="the disk is full.")

    monkeypatch.setattr(DocumentNotes, "save", full_disk)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor("write", "Written at length."))
    assert main(["notes", "edit", note, "--data-dir", str(data_dir)]) == 2
    message = capsys.readouterr().err
    assert "the disk is full. The note was not changed; your text is kept in " in message
    kept = Path(message.rsplit("kept in ", 1)[1].strip().rstrip("."))
    assert kept.read_text() == "Written at length.\n"
    kept.unlink()
    assert _bodies(data_dir) == ["Before."]
