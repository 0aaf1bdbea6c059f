"""The command line, run as a user would: a real process, its output and exit status."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_as_nobody

MEMORY_LIMIT = 2 * 1024**3


def _limit_memory() -> None:
    """A regression that reads /dev/zero fails this process, not the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_limit_memory,
    )


def test_sections_json_shape() -> None:
    result = run("sections", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (
        data["title"] == "Foreign Minister Sergey Lavrov’s Interview With Italy’s Panorama Magazine"
    )
    ids = [s["id"] for s in data["sections"]]
    assert ids[:2] == ["intro", "qa-1"] and ids[-2:] == ["comments", "speech"]
    qa3 = data["sections"][3]
    assert set(qa3) == {"id", "kind", "title", "passages", "children"}
    assert qa3["kind"] == "qa"
    assert set(qa3["passages"][0]) == {"id", "speaker", "text"}
    assert [c["id"] for c in data["sections"][-2]["children"]] == [
        f"comment-{n}" for n in range(1, 5)
    ]


def test_sections_text_lists_ids() -> None:
    result = run("sections")
    assert result.returncode == 0
    assert "qa-10" in result.stdout and "comment-4" in result.stdout


def test_show_wraps_and_names_speakers_once() -> None:
    result = run("show", "qa-2", "--width", "60")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines[2:])
    assert result.stdout.count("Sergey Lavrov:") == 1
    assert "Question: What Western leaders" in result.stdout


def test_show_unknown_section() -> None:
    result = run("show", "qa-99")
    assert result.returncode == 2
    assert "qa-99" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "b.bin", b"\x7fELF\x02\x01\x00\x00binary"), "binary"),
    ],
)
def test_bad_files_one_sentence_exit_2(tmp_path: Path, make, phrase: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run("sections", str(path))
    assert result.returncode == 2
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    path = _write(tmp_path / "secret.txt", b"Question: hidden?\n")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: ask as a user who cannot (CI runs as root)
        result = run_as_nobody("-m", "tuireader", "sections", str(path))
    else:
        result = run("sections", str(path))
    assert result.returncode == 2
    assert "cannot be read" in result.stderr or "permission" in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_invalid_utf8_opens_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "latin.txt", "Question: caf\xe9?\n\nA: Oui.\n".encode("latin-1"))
    result = run("sections", "--json", str(path))
    assert result.returncode == 0
    assert "not valid UTF-8" in result.stderr
    data = json.loads(result.stdout)
    assert data["sections"][0]["passages"][0]["text"] == "caf\ufffd?"


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.txt", b"")
    result = run("sections", "--json", str(path))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"title": "empty.txt", "sections": []}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _special(tmp_path: Path, what: str) -> Path:
    if what == "/dev/zero":
        return Path("/dev/zero")
    if what == "a link to /dev/zero":
        link = tmp_path / "zero.txt"
        link.symlink_to("/dev/zero")
        return link
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize("what", ["/dev/zero", "a link to /dev/zero", "a named pipe"])
@pytest.mark.parametrize(
    "command", [("sections",), ("show", "intro"), ("search", "x"), ("notes", "list")]
)
def test_only_regular_files_are_read(tmp_path: Path, what: str, command: tuple[str, ...]) -> None:
    """Not read forever, not waited on: one sentence, exit status 2."""
    path = _special(tmp_path, what)
    result = run(*command, str(path), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("search", "Skripal", "--json", "FILE"),
        ("search", "--json", "Skripal", "FILE"),
        ("show", "qa-2", "--width", "60", "FILE"),
        ("sections", "--json", "FILE"),
    ],
)
def test_the_file_may_come_after_an_option(args: tuple[str, ...]) -> None:
    from tuireader.load import bundled_path

    result = run(*(str(bundled_path()) if a == "FILE" else a for a in args))
    assert result.returncode == 0, result.stderr
    assert result.stdout


def test_running_out_of_memory_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a 500 MB single line did before it was refused: a MemoryError anywhere in a
    command ends in a sentence and exit status 2, not a traceback."""
    from tuireader import cli

    def exhausted(name: str | None = None, *, preview: bool = False) -> None:
        raise MemoryError

    monkeypatch.setattr(cli, "open_source", exhausted)
    assert cli.main(["sections", "huge.txt"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "tuireader: There was not enough memory to finish: huge.txt is too large for this "
        "computer.\n"
    )


PRESS_CALL = (
    '---\ntitle: "A Press Call\\u2019s Title"\ndate: 2024-11-13\ntags: [press, call]\n---\n'
    "Support Example\n\n"
    "MODERATOR:  Thanks for joining.  Over to you.\n\n"
    "SENIOR OFFICIAL:  We have made **real** progress, see [the plan](https://example.org).\n\n"
    "Q    What happens next?\n\n"
    "SENIOR OFFICIAL:  We will see.\n\n"
    "- first point\n- second point\n"
)


def test_sections_shows_metadata_and_new_kinds(tmp_path: Path) -> None:
    path = _write(tmp_path / "call.md", PRESS_CALL.encode())
    result = run("sections", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "A Press Call’s Title"
    assert "  date: 2024-11-13" in lines and "  tags: press, call" in lines
    assert any(line.startswith("statement-1") and "SENIOR OFFICIAL" in line for line in lines)
    assert any(line.startswith("qa-1") and "What happens next?" in line for line in lines)


def test_sections_json_has_metadata_blocks_and_spans(tmp_path: Path) -> None:
    path = _write(tmp_path / "call.md", PRESS_CALL.encode())
    data = json.loads(run("sections", "--json", str(path)).stdout)
    assert data["metadata"]["title"] == "A Press Call’s Title"
    kinds = [s["kind"] for s in data["sections"]]
    assert kinds == ["intro", "statement", "qa"]
    statement = data["sections"][1]["passages"][0]
    assert statement["text"] == "We have made real progress, see the plan."
    styles = {(s["style"], statement["text"][s["start"] : s["end"]]) for s in statement["spans"]}
    assert styles == {("strong", "real"), ("link", "the plan")}
    assert statement["spans"][1]["target"] == "https://example.org"
    items = [p for p in data["sections"][2]["passages"] if p.get("block") == "list_item"]
    assert [(p["text"], p["level"]) for p in items] == [("first point", 1), ("second point", 1)]
    assert data["dropped"] == [{"line": 6, "text": "Support Example", "reason": "page chrome"}]


def test_sections_dropped_lists_left_out_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "call.md", PRESS_CALL.encode())
    result = run("sections", "--dropped", str(path))
    assert result.returncode == 0
    assert result.stdout == "6  page chrome  Support Example\n"
    clean = _write(tmp_path / "clean.txt", b"Question: Why?\n\nA: Because.\n")
    nothing = run("sections", "--dropped", str(clean))
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert "No lines were dropped" in nothing.stderr
