"""Fetching pages from a local server: what arrives, every failure as one sentence, the copy
kept for reading offline, and notes that stay with a page's address."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.web.conftest import ARTICLE, INTERVIEW
from tests.web.server import Server, serving
from tuireader import cli
from tuireader.intake import open_address
from tuireader.intake.cache import PageCache
from tuireader.intake.fetch import FetchError, Limits, fetch
from tuireader.model import SectionKind


def one_sentence(message: str) -> bool:
    return message.endswith(".") and "\n" not in message and "Traceback" not in message


def test_a_served_interview_opens_as_questions_and_answers(server: Server) -> None:
    url = server.page("/interview", INTERVIEW.read_bytes())
    document = open_address(url)
    assert len(document.questions()) == 16
    assert document.title == "Interview to the German ARD"
    assert document.metadata["url"] == url
    assert document.metadata["date"] == "2013-04-02"
    assert document.source == url
    assert document.warnings == ()


def test_a_served_article_keeps_its_comments(server: Server) -> None:
    document = open_address(server.page("/hacks", ARTICLE.read_bytes()))
    comments = document.section("comments")
    assert comments is not None and comments.kind is SectionKind.COMMENTS
    assert [c.title for c in comments.children] == ["Alexander Petrov", "Nikhil Marathe"]
    assert comments.children[0].passages[0].text == "how do you abort a fetch?"


def test_redirects_are_followed_and_the_address_reached_is_kept(server: Server) -> None:
    target = server.page("/final", INTERVIEW.read_bytes())
    start = server.redirect("/moved", "/final", 301)
    document = open_address(start)
    assert document.metadata["url"] == target
    assert document.source == start  # its notes go with the address asked for
    assert len(document.questions()) == 16


def test_too_many_redirects_is_one_sentence(server: Server) -> None:
    for number in range(4):
        server.redirect(f"/r{number}", f"/r{number + 1}")
    server.page("/r4", b"<html><body><p>Reached.</p></body></html>")
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/r0"), Limits(max_redirects=3))
    assert str(caught.value) == (
        f"127.0.0.1 redirected more than 3 times, so {server.url('/r0')} was not fetched."
    )
    assert server.hits.get("/r4") is None
    assert fetch(server.url("/r0"), Limits(max_redirects=4)).body.endswith(b"</html>")


def test_a_redirect_to_a_file_is_not_followed(server: Server) -> None:
    url = server.redirect("/to-file", "file:///etc/passwd")
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url} redirects to a file: address, which is not fetched."


def test_a_server_that_does_not_answer_times_out(server: Server) -> None:
    url = server.hold("/slow")
    with pytest.raises(FetchError) as caught:
        fetch(url, Limits(timeout=0.5))
    assert str(caught.value) == (
        f"127.0.0.1 did not answer within 0.5 seconds, so {url} was not fetched."
    )


def test_a_page_that_takes_too_long_in_all_is_stopped(server: Server) -> None:
    url = server.unsized("/trickle", b"<html><body>" + b"<p>More.</p>" * 20_000)
    with pytest.raises(FetchError) as caught:
        fetch(url, Limits(deadline=0))
    assert str(caught.value) == (
        f"127.0.0.1 took more than 0 seconds to send {url}, so it was not opened."
    )


def test_a_body_over_the_cap_is_refused_by_its_length(server: Server) -> None:
    url = server.page("/big", b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError) as caught:
        fetch(url, Limits(max_bytes=1024 * 1024))
    assert str(caught.value) == (f"{url} is 2 MiB, larger than the 1 MiB this reader fetches.")


def test_a_body_over_the_cap_is_refused_while_it_is_read(server: Server) -> None:
    url = server.unsized("/big-unsized", b"<html>" + b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError) as caught:
        fetch(url, Limits(max_bytes=1024 * 1024))
    assert str(caught.value) == f"{url} is larger than the 1 MiB this reader fetches."


def test_an_error_status_is_one_sentence(server: Server) -> None:
    url = server.status("/gone", 404)
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"127.0.0.1 answered 404 Not Found for {url}, so it was not opened."


def test_what_is_not_a_page_or_text_is_refused(server: Server) -> None:
    url = server.page("/paper.pdf", b"%PDF-1.4", "application/pdf")
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == (
        f"{url} is application/pdf, not a web page or text, so it was not opened."
    )


def test_plain_text_is_read_as_a_transcript(server: Server) -> None:
    text = "Question: Why?\n\nJane Doe: Because.\n\nQuestion: When?\n\nJane Doe: Now.\n"
    document = open_address(server.page("/t.txt", text.encode(), "text/plain; charset=utf-8"))
    assert [s.title for s in document.questions()] == ["Why?", "When?"]


def test_a_page_without_a_type_is_recognised_by_its_start(server: Server) -> None:
    document = open_address(server.page("/untyped", INTERVIEW.read_bytes(), None))
    assert len(document.questions()) == 16


def test_a_refused_connection_is_one_sentence() -> None:
    with socket.socket() as closed:  # bound but not listening: connecting is refused
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}/page"
        with pytest.raises(FetchError) as caught:
            fetch(url)
    assert str(caught.value) == f"127.0.0.1 refused the connection, so {url} was not fetched."


def test_a_name_that_does_not_resolve_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError) as caught:
        fetch("http://nowhere.invalid/page")
    assert str(caught.value) == (
        "The address nowhere.invalid could not be found (there is no such host, or no network)."
    )


def test_a_failed_secure_connection_is_one_sentence(server: Server) -> None:
    url = server.page("/page", b"<html></html>").replace("http:", "https:")
    with pytest.raises(FetchError) as caught:  # the server speaks plain HTTP, not TLS
        fetch(url)
    message = str(caught.value)
    assert message.startswith("The secure connection to 127.0.0.1 failed (")
    assert message.endswith(f"), so {url} was not fetched.")
    assert one_sentence(message)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "file:///etc/passwd",
            "file:///etc/passwd is a file: address, which is not fetched; open the file by "
            "its path instead.",
        ),
        (
            "ftp://example.org/a.txt",
            "ftp://example.org/a.txt is not fetched: only http: and https: addresses are, "
            "not ftp: ones.",
        ),
        (
            "data:text/html,<p>hi</p>",
            "data:text/html,<p>hi</p> is not fetched: only http: and https: addresses are, "
            "not data: ones.",
        ),
        ("https:///no-host", "https:///no-host is not a valid web address (it names no host)."),
    ],
)
def test_other_schemes_are_refused_by_the_command(
    url: str, message: str, capsys: pytest.CaptureFixture[str], cache_dir: Path
) -> None:
    assert cli.main(["sections", url]) == 2
    assert capsys.readouterr().err == f"tuireader: {message}\n"
    assert not cache_dir.exists()


def test_the_fetched_page_is_kept_and_reopens_offline(server: Server, cache_dir: Path) -> None:
    url = server.page("/interview", INTERVIEW.read_bytes())
    first = open_address(url)
    kept = PageCache(cache_dir).load(url)
    assert kept is not None and kept.page.body == INTERVIEW.read_bytes()
    assert sorted(p.suffix for p in cache_dir.iterdir()) == [".json", ".page"]
    assert cache_dir.stat().st_mode & 0o077 == 0
    server.status("/interview", 503)  # the site is down now
    again = open_address(url)
    assert again.fingerprint == first.fingerprint
    assert [s.id for s in again.walk()] == [s.id for s in first.walk()]
    (warning,) = again.warnings
    assert warning.startswith(f"Showing the copy kept on {kept.fetched_at}: 127.0.0.1 answered 503")


def test_notes_stay_with_the_page_across_reopening_offline(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    with serving() as site:
        url = site.page("/interview", INTERVIEW.read_bytes())
        added = cli.main(["notes", "add", url, "--passage", "qa-3.p2", "--text", "Compare", *data])
        assert added == 0, capsys.readouterr().err
        assert capsys.readouterr().err == ""
    # The server is gone: nothing listens at its port any more.
    assert cli.main(["notes", "list", url, "--json", *data]) == 0
    out = capsys.readouterr()
    (note,) = json.loads(out.out)
    assert (note["passage"], note["body"], note["status"]) == ("qa-3.p2", "Compare", "anchored")
    assert out.err.startswith("tuireader: Showing the copy kept on ")
    assert out.err.endswith(f"127.0.0.1 refused the connection, so {url} was not fetched.\n")
    assert cli.main(["show", "qa-3.p2", url, *data]) == 0
    assert capsys.readouterr().out.startswith("Vladimir Putin:")


def test_every_network_failure_through_the_command_is_one_line(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.status("/missing", 404)
    assert cli.main(["sections", url]) == 2
    err = capsys.readouterr().err
    assert err == f"tuireader: 127.0.0.1 answered 404 Not Found for {url}, so it was not opened.\n"
