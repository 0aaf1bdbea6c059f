"""The command line as a person uses it around the reader: standard input, no terminal,
passage ids, an empty search, file names kept as typed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tuireader.model import Document
from tuireader.search import SPEAKER, Query, search_document

QA = (
    "Question: Is this a test?\n\nVladimir Putin: It is.\n\n"
    "Question: Sure?\n\nVladimir Putin: Yes.\n"
)


def run(*args: str, stdin: str | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_standard_input_is_a_document(tmp_path: Path) -> None:
    result = run("sections", "--json", "-", stdin=QA)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sections"]] == ["qa-1", "qa-2"]
    shown = run("show", "qa-1", "-", stdin=QA)
    assert "Vladimir Putin: It is." in shown.stdout


def test_show_takes_a_passage_id_too() -> None:
    result = run("show", "qa-3.p2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Sergey Lavrov: ")
    missing = run("show", "qa-3.p99")
    assert missing.returncode == 2
    assert missing.stderr.startswith("tuireader: There is no section or passage 'qa-3.p99'")


def test_an_empty_search_is_a_usage_error() -> None:
    for query in ("", "   "):
        result = run("search", query)
        assert result.returncode == 2
        assert "Give something to search for" in result.stderr


def test_file_names_are_kept_as_typed(tmp_path: Path) -> None:
    for name in ("nonexist.txt", "https:/example.com/interview.txt"):
        result = run(str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr == f"tuireader: {tmp_path / name} does not exist.\n"
    bare = run("sections", "nonexist.txt")
    assert bare.stderr == "tuireader: nonexist.txt does not exist.\n"


def test_the_reader_without_a_terminal_prints_the_text(tmp_path: Path) -> None:
    """`tuireader qa.txt > file < /dev/null`: like less, the text, and no hang."""
    path = tmp_path / "qa.txt"
    path.write_text(QA)
    with (tmp_path / "out.txt").open("w") as out:
        result = subprocess.run(
            [sys.executable, "-m", "tuireader", str(path)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    printed = (tmp_path / "out.txt").read_text()
    assert "Is this a test?" in printed and "Vladimir Putin: It is." in printed
    assert "\x1b" not in printed


def test_speaker_names_are_searched(tmp_path: Path) -> None:
    from tuireader.parse import parse_document

    document: Document = parse_document(QA, "x")
    hits = list(search_document(document, Query("Putin")))
    assert [(h.kind, h.passage_id) for h in hits] == [(SPEAKER, "qa-1.p2"), (SPEAKER, "qa-2.p2")]
    result = run("search", "Putin", "-", stdin=QA)
    assert result.returncode == 0 and "qa-1.p2" in result.stdout
