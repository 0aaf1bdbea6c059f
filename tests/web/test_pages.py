"""Saved web pages: the main text through the transcript parser, the page's chrome gone, its
metadata and reader comments kept, nothing from the page ever driving the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.conftest import ARTICLE, INTERVIEW
from tuireader import cli
from tuireader.intake import is_address, open_source
from tuireader.intake.comments import find_comments
from tuireader.intake.webpage import COMMENTS_LINE
from tuireader.model import SectionKind
from tuireader.parse import page


def test_a_saved_interview_opens_with_its_questions_and_answers() -> None:
    document = open_source(str(INTERVIEW)).document
    questions = document.questions()
    assert len(questions) == 16  # the hand count of tests/corpus/kremlin-tv-interview-ard-2013
    assert questions[0].passages[0].speaker == "Jörg Schönenborn (retranslated)"
    assert questions[0].title == "Good evening, Mr President,"
    assert {p.speaker for q in questions for p in q.passages[1:2]} >= {"Vladimir Putin"}
    assert questions[-1].title.startswith("In conclusion, I shall try to ask you")
    assert [s.kind for s in document.sections][:2] == [SectionKind.INTRO, SectionKind.QA]
    assert document.title == "Interview to the German ARD"
    assert dict(document.metadata) == {
        "title": "Interview to the German ARD",
        "date": "2013-04-02",
        "site": "President of Russia",
        "url": "http://en.kremlin.ru/events/president/news/17808",
    }


def test_the_page_chrome_is_gone() -> None:
    document = open_source(str(INTERVIEW)).document
    text = "\n".join(p.text for s in document.walk() for p in s.passages)
    for chrome in (
        "Version for People with Disabilities",
        "Send by email",
        "Publication status",
        "Official Internet Resources",
        "Direct link",
        "Subscribe",
    ):
        assert chrome not in text
    assert "A similar law has been in force in the United States since 1938." in text


def test_reader_comments_become_the_comments_section() -> None:
    document = open_source(str(ARTICLE)).document
    assert document.title == "This API is so Fetching!"
    assert document.metadata["author"] == "Nikhil Marathe"
    comments = document.section("comments")
    assert comments is not None
    first, reply = comments.children
    assert (first.id, first.title, first.passages[0].text) == (
        "comment-1",
        "Alexander Petrov",
        "how do you abort a fetch?",
    )
    assert reply.title == "Nikhil Marathe"
    assert reply.passages[0].speaker == "Nikhil Marathe"
    assert "AbortController" not in reply.passages[0].text or reply.passages
    body = "\n".join(
        p.text for s in document.walk() if s.kind is SectionKind.TEXT for p in s.passages
    )
    assert "how do you abort a fetch?" not in body  # the comments are not in the article
    assert "Post a comment" not in body and "Reply" not in [p.text for p in reply.passages]
    headings = [s.title for s in document.walk() if s.kind is SectionKind.TEXT]
    assert "Simple fetching" in headings and "Streams and cloning" in headings


def test_the_comments_line_is_one_the_parser_knows() -> None:
    """The intake hands the comments to the parser after a line of the comment widget."""
    assert page.opens_comments(COMMENTS_LINE) and page.is_leftover(COMMENTS_LINE)


def test_comment_markup_of_other_systems_is_found() -> None:
    import trafilatura

    html = """<html><body><article><p>The article.</p></article>
    <ol class="comment-list">
      <li class="comment" id="comment-1"><div class="comment-body">
        <div class="comment-author vcard"><cite class="fn">Ann Lee</cite> <span>says:</span></div>
        <div class="comment-meta"><a href="#c1">May 3, 2018 at 9:00</a></div>
        <div class="comment-content"><p>First line<br>second line.</p><p>More.</p></div>
        <div class="reply"><a class="comment-reply-link">Reply</a></div>
      </div></li>
    </ol>
    <div class="wpd-comment"><div class="wpd-comment-author">Bo</div>
      <div class="wpd-comment-text"><p>Agreed.</p></div></div>
    <div itemscope itemtype="https://schema.org/Comment">
      <span itemprop="author" itemscope><span itemprop="name">Cy Dee</span></span>
      <div itemprop="text">Microdata.</div></div>
    <div class="comment"><p>No name given.</p></div>
    </body></html>"""
    found = find_comments(trafilatura.load_html(html))
    assert [(c.author, c.paragraphs) for c in found] == [
        ("Ann Lee", ("First line\nsecond line.", "More.")),
        ("Bo", ("Agreed.",)),
        ("Cy Dee", ("Microdata.",)),
        (None, ("No name given.",)),
    ]


@pytest.mark.parametrize("command", ["sections", "search", "show", "notes"])
def test_every_command_opens_a_saved_page(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    argv = {
        "sections": ["sections", str(INTERVIEW)],
        "search": ["search", "Cyprus", str(INTERVIEW), *data],
        "show": ["show", "qa-9", str(INTERVIEW)],
        "notes": ["notes", "add", str(INTERVIEW), "--passage", "qa-9.p2", "--text", "x", *data],
    }[command]
    assert cli.main(argv) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert {
        "sections": "Interview to the German ARD\n  title: Interview to the German ARD\n",
        "search": "qa-9.",
        "show": "You've spoken about 27 billion",
        "notes": "",
    }[command] in out.out


def test_notes_on_a_saved_page_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    saved = tmp_path / "ard.html"
    saved.write_bytes(INTERVIEW.read_bytes())
    assert (
        cli.main(["notes", "add", str(saved), "--passage", "qa-9.p2", "--text", "Cyprus", *data])
        == 0
    )
    capsys.readouterr()
    assert cli.main(["notes", "list", str(saved), "--json", *data]) == 0
    (note,) = json.loads(capsys.readouterr().out)
    assert (note["passage"], note["status"]) == ("qa-9.p2", "anchored")


def test_a_page_from_standard_input_is_read_as_a_page() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", "sections", "-"],
        input=INTERVIEW.read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Interview to the German ARD\n")
    assert b"qa-16" in result.stdout


HOSTILE = (
    "<html><head><title>T&#27;]0;pwned&#7; [bold]x[/]</title>"
    '<meta property="og:url" content="http://example.org/&#27;[2J"></head>'
    "<body><article><h1>T&#27;]0;pwned&#7; [bold]x[/]</h1>"
    "<p>Question: Is &#27;[31mred&#27;[0m shown? [link=x]y[/link] " + "words " * 40 + "</p>"
    "<p>Jane Doe: It is shown as symbols, never sent. " + "more words " * 40 + "</p>"
    "<p>Question: And a second one?</p><p>Jane Doe: Yes, " + "again " * 40 + "</p>"
    "</article></body></html>"
)


def test_text_from_a_page_never_drives_the_terminal(tmp_path: Path) -> None:
    saved = tmp_path / "hostile.html"
    saved.write_text(HOSTILE, encoding="utf-8")
    document = open_source(str(saved)).document
    everything = [document.title, *document.metadata.values()] + [
        p.text for s in document.walk() for p in s.passages
    ]
    assert not any(ch in text for text in everything for ch in "\x1b\x07")
    assert "T␛]0;pwned␇ [bold]x[/]" in document.title
    assert any("␛[31mred␛[0m" in text for text in everything)
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", "sections", str(saved)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert b"[bold]x[/]" in result.stdout  # shown as written, never as markup


def test_without_the_extractor_a_page_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['trafilatura'] = None  # as if it were not installed\n"
        "from tuireader.cli import main\n"
        f"sys.exit(main(['sections', {str(INTERVIEW)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"tuireader: {INTERVIEW} is a web page, and reading web pages needs the web extra: "
        "pip install 'tuireader[web]'.\n"
    )


def test_the_extractor_is_imported_only_for_a_page() -> None:
    code = (
        "import sys\n"
        "from tuireader.cli import main\n"
        "main(['sections'])\n"
        "print(sorted(m for m in ('trafilatura', 'lxml', 'urllib.request') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.rstrip().endswith("[]")


def test_a_page_with_no_article_is_one_sentence(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<!doctype html><html><head><title>x</title></head><body></body></html>")
    with pytest.raises(Exception) as caught:
        open_source(str(empty))
    assert str(caught.value) == f"{empty} has no text that could be read as an article."


def test_a_legacy_charset_is_read_as_the_page_says(tmp_path: Path) -> None:
    legacy = tmp_path / "cp1251.html"
    html = (
        '<html><head><meta charset="windows-1251"><title>Интервью</title></head><body>'
        "<article><p>Вопрос: Как дела? " + "слово " * 60 + "</p></article></body></html>"
    )
    legacy.write_bytes(html.encode("cp1251"))
    document = open_source(str(legacy)).document
    assert document.title == "Интервью"
    assert document.warnings == ()
    assert "Как дела?" in document.sections[0].passages[0].text


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("https://example.org/a", True),
        ("http:relative", True),
        ("file:page.html", True),
        ("ftp://x/y", True),
        ("notes.txt", False),
        ("C:notes.txt", False),
        ("-", False),
        ("talk:2024.txt", False),
    ],
)
def test_what_counts_as_an_address(name: str, address: bool) -> None:
    assert is_address(name) is address


def test_a_file_named_like_an_address_is_opened_as_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("http:x").write_text("Question: Here?\n\nJane Doe: Yes.\n")
    assert not is_address("http:x")
    assert open_source("http:x").path == Path("http:x")
