"""Nothing the program writes to a terminal holds a control sequence that came from a
document, a note, a file name or a notes file; JSON and files keep the text exactly."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.load import open_document
from tuireader.model import Document
from tuireader.store.schema import Anchor, Kind, NotesFile, Record
from tuireader.store.yamlio import dump
from tuireader.terminal_text import terminal_json, terminal_safe

#: Window title, clear screen, a one-byte CSI, bell, a right-to-left override, an isolate,
#: a zero-width space, a tag character, a line separator.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u2066\u200b\U000e0041\u2028end"


#: What must not reach a terminal raw, written out here independently of the code:
#: C0, DEL, C1, bidi marks/embeddings/overrides/isolates, zero-width characters, BOM, tag
#: characters, line/paragraph separators, lone surrogates.
UNSAFE = [
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x61C, 0x61C),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
    (0xE0000, 0xE007F),
    (0xD800, 0xDFFF),
]


def unsafe(text: str, allowed: str = "\n") -> list[str]:
    """The characters in ``text`` a terminal would act on or that hide themselves."""
    return [
        char for char in text if char not in allowed and any(a <= ord(char) <= b for a, b in UNSAFE)
    ]


# The function ---------------------------------------------------------------------------


def test_each_kind_of_character_is_shown() -> None:
    assert terminal_safe("a\x1b]0;t\x07b") == "a\u241b]0;t\u2407b"
    assert terminal_safe("\x9b\x85\x7f") == "\u2426\u2426\u2421"
    assert terminal_safe("x\u202ey\u2066z\u200b\ufeff\u00ad") == "x\u2426y\u2426z\u2426\u2426\u2426"
    assert terminal_safe("\U000e0041") == "\u2426"
    assert terminal_safe("caf\udce9") == "caf\ufffd"
    assert terminal_safe("tab\tand\nline") == "tab\u2409and\u240aline"
    assert terminal_safe("tab\tand\nline\r", multiline=True) == "tab\tand\nline\u240d"
    plain = "Élysée, 東京, Ελληνικά, עברית, عربى, 🙂, [/] and ␛"
    assert terminal_safe(plain) is plain  # nothing to do: the same object back


@given(st.text(st.characters(codec=None, categories=None)))  # every code point
def test_nothing_unsafe_survives_one_for_one(text: str) -> None:
    for multiline in (False, True):
        shown = terminal_safe(text, multiline=multiline)
        assert len(shown) == len(text)
        assert unsafe(shown, "\n\t" if multiline else "") == []


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_is_exact_and_escapes_every_control_character(data: object) -> None:
    text = terminal_json(data)
    assert json.loads(text) == data
    assert unsafe(text) == []


# The command line -----------------------------------------------------------------------


def run(*args: str, stdout: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def hostile_notes(seed: Document, tmp_path: Path) -> Path:
    """A notes file written by someone else, with control sequences in every field."""
    data_dir = tmp_path / "data"
    (data_dir / "documents").mkdir(parents=True)
    notes = NotesFile(seed.fingerprint, "/somewhere", "Title " + HOSTILE)
    stamp = "2026-01-02T03:04:05.000006Z"
    for record in (
        Record(
            "n-" + HOSTILE,
            Kind.NOTE,
            "qa-1.p1" + HOSTILE,
            Anchor("quote " + HOSTILE),
            stamp,
            stamp,
            "body " + HOSTILE + "\nsecond line",
        ),
        Record("b-" + HOSTILE, Kind.BOOKMARK, "qa-2" + HOSTILE, Anchor(HOSTILE), stamp, stamp),
    ):
        notes.records[record.id] = record
    (data_dir / "documents" / f"{seed.fingerprint[:24]}.yaml").write_bytes(dump(notes))
    return data_dir


@pytest.mark.parametrize("kind", ["notes", "bookmarks"])
def test_listing_a_hostile_notes_file(hostile_notes: Path, kind: str) -> None:
    result = run(kind, "list", "--data-dir", str(hostile_notes))
    assert result.returncode == 0, result.stderr
    assert "pwned" in result.stdout and "evil" in result.stdout  # shown, harmlessly
    assert unsafe(result.stdout) == [] and unsafe(result.stderr) == []


@pytest.mark.parametrize("kind", ["notes", "bookmarks"])
def test_json_listing_is_exact_and_escaped(hostile_notes: Path, kind: str) -> None:
    result = run(kind, "list", "--json", "--data-dir", str(hostile_notes))
    assert result.returncode == 0, result.stderr
    assert unsafe(result.stdout) == []
    [item] = json.loads(result.stdout)
    assert item["id"] == kind[0] + "-" + HOSTILE  # the data itself is unchanged
    if kind == "notes":
        assert item["body"] == "body " + HOSTILE + "\nsecond line"
        assert item["quote"] == "quote " + HOSTILE


def test_export_to_a_terminal_is_shown_safely(hostile_notes: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        result = run("notes", "export", "--data-dir", str(hostile_notes), stdout=terminal)
    finally:
        os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the terminal's other end is closed and everything was read
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert result.returncode == 0, result.stderr
    text = output.decode("utf-8").replace("\r\n", "\n")
    assert "body " in text and "pwned" in text
    assert unsafe(text) == []


def test_export_to_a_file_or_a_pipe_is_exact(hostile_notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    result = run("notes", "export", "-o", str(out), "--data-dir", str(hostile_notes))
    assert result.returncode == 0, result.stderr
    exported = out.read_bytes().decode("utf-8")
    assert "body " + HOSTILE + "\nsecond line" in exported
    piped = run("notes", "export", "--data-dir", str(hostile_notes))
    # The same, but for the time of the export on its first line.
    assert piped.stdout.split("\n")[1:] == exported.split("\n")[1:]


def test_a_document_named_with_an_escape_sequence(tmp_path: Path) -> None:
    """The title comes from the file name, which sets the terminal's title if printed raw;
    the error for a missing file prints the name too."""
    path = tmp_path / "x\x1b]0;pwned\x07\u202e.txt"
    path.write_text("one long paragraph without a title line " * 5 + "\n")
    document = open_document(path)
    assert "\x1b" not in document.title  # made visible when the document is read
    sections = run("sections", str(path))
    assert sections.returncode == 0, sections.stderr
    assert "pwned" in sections.stdout.splitlines()[0] and unsafe(sections.stdout) == []
    missing = run("sections", str(tmp_path / "gone\x1b[2J\x9b.txt"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert unsafe(missing.stderr) == []
    bad_choice = run("search", "x", "--scope", "\x1b]0;pwned\x07")
    assert bad_choice.returncode == 2 and "invalid choice" in bad_choice.stderr
    assert unsafe(bad_choice.stderr) == []


def test_document_text_with_bidi_and_zero_width_characters(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(f"Question: Is this {HOSTILE} safe?\n\nA: It is shown {HOSTILE}.\n")
    for args in (("sections",), ("show", "qa-1"), ("search", "evil")):
        result = run(*args, str(path), "--data-dir", str(tmp_path / "data"))
        assert result.returncode == 0, result.stderr
        assert "evil" in result.stdout and unsafe(result.stdout) == [], args
    as_json = run("sections", "--json", str(path))
    assert unsafe(as_json.stdout) == []
    [section] = json.loads(as_json.stdout)["sections"]
    assert "\u202eevil\u2066\u200b" in section["passages"][1]["text"]  # exact in JSON


def test_restore_controls_puts_back_what_the_original_held() -> None:
    from tuireader.terminal_text import restore_controls, terminal_safe

    original = "a\r\nb\x07c"
    shown = terminal_safe(original, multiline=True)
    assert shown == "a␍\nb␇c"
    assert restore_controls(shown, original) == original
    assert restore_controls(shown + " ␛", original) == original + " ␛"  # not in the original
    assert restore_controls("typed ␍", "no controls") == "typed ␍"
