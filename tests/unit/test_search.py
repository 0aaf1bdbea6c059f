"""Searching the text and the notes, headless; and `tuireader search` from the shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader.model import Document
from tuireader.parse import parse_document
from tuireader.search import Case, Query, Scope, SearchError, search_document
from tuireader.store import NotesStore


def ids(document: Document, query: Query) -> list[str | None]:
    return [hit.passage_id for hit in search_document(document, query)]


def test_smart_case(seed: Document) -> None:
    lower = ids(seed, Query("skripal"))
    assert lower == ["qa-3.p8", "qa-3.p11", "qa-7.p5"]
    assert ids(seed, Query("Skripal")) == lower
    assert ids(seed, Query("SKRIPAL")) == []


def test_case_always_or_never_minded(seed: Document) -> None:
    found = ["qa-3.p8", "qa-3.p11", "qa-7.p5"]
    assert ids(seed, Query("SKRIPAL", case=Case.INSENSITIVE)) == found
    assert ids(seed, Query("Skripal", case=Case.INSENSITIVE)) == found
    assert ids(seed, Query("skripal", case=Case.SENSITIVE)) == []
    assert ids(seed, Query("Skripal", case=Case.SENSITIVE)) == found


def test_regex_on_and_off(seed: Document) -> None:
    assert ids(seed, Query("skripals?", regex=True)) == ["qa-3.p8", "qa-3.p11", "qa-7.p5"]
    assert ids(seed, Query("skripals?")) == []
    with pytest.raises(SearchError, match="not a valid regular expression"):
        list(search_document(seed, Query("(unclosed", regex=True)))
    with pytest.raises(SearchError, match="empty"):
        list(search_document(seed, Query("x*", regex=True)))


def test_brackets_are_found_as_typed() -> None:
    doc = parse_document("Question: Is [/] a tag?\n\nA: No, list[int] is a type.\n", "t")
    assert [h.context for h in search_document(doc, Query("[/]"))] == ["Is [/] a tag?"]
    assert [h.kind for h in search_document(doc, Query("list[int]"))] == ["answer"]


def test_kinds_context_and_scope(seed: Document) -> None:
    hits = list(search_document(seed, Query("sanctions")))
    assert {h.kind for h in hits} == {"question", "answer"}
    assert all("sanctions" in h.context.lower() for h in hits)
    questions = list(search_document(seed, Query("sanctions", scope=Scope.QUESTIONS)))
    assert [h.passage_id for h in questions] == ["qa-8.p1"]
    speech = list(search_document(seed, Query("sanctioned", scope=Scope.SPEECH)))
    assert speech and all(h.section_id == "speech" for h in speech)
    comments = list(search_document(seed, Query("lavrov", scope=Scope.COMMENTS)))
    assert {h.section_id for h in comments} == {"comment-1", "comment-3"}


def test_notes_and_bookmarks_are_searched(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("qa-2.p3", "remember the zebra argument")
    notes.add_bookmark("qa-9.p3")
    notes.save()
    hits = list(search_document(seed, Query("zebra"), notes))
    assert [(h.kind, h.passage_id) for h in hits] == [("note", "qa-2.p3")]
    only_notes = list(search_document(seed, Query("russia", scope=Scope.NOTES), notes))
    assert only_notes == []
    marked = list(search_document(seed, Query("kurd", scope=Scope.BOOKMARKS), notes))
    assert [(h.kind, h.passage_id) for h in marked] == [("bookmark", "qa-9.p3")]


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", "search", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_search(tmp_path: Path) -> None:
    result = run("Skripal", data=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["qa-3.p8", "qa-3.p11", "qa-7.p5"]
    data = json.loads(run("Skripal", "--json", data=tmp_path).stdout)
    assert {hit["section"] for hit in data} == {"qa-3", "qa-7"}
    assert all("Skripal" in hit["context"] for hit in data)
    assert run("nothing-like-this", data=tmp_path).returncode == 1
    bad = run("(", "--regex", data=tmp_path)
    assert bad.returncode == 2 and "regular expression" in bad.stderr


def test_smart_case_counts_capitals_of_every_script() -> None:
    """`Élysée` has no ASCII capital, yet it is a capitalised query (issue 17, 6)."""
    doc = parse_document(
        "Question: Was it at the Élysée?\n\nA: The élysée of old; the ÉLYSÉE today.\n", "t"
    )
    assert Query("Élysée").case_sensitive and Query("Жуков").case_sensitive
    assert Query("ǅemal").case_sensitive  # a titlecase letter
    assert [h.context for h in search_document(doc, Query("Élysée"))] == ["Was it at the Élysée?"]
    assert len(list(search_document(doc, Query("élysée")))) == 3
    # In a regular expression, escapes and group names are not capitals.
    assert not Query(r"\W(?P<Name>élysée)\S", regex=True).case_sensitive
    assert Query(r"\WÉlysée", regex=True).case_sensitive


def test_the_quick_test_for_literal_queries_loses_no_match() -> None:
    """Whatever a case-insensitive pattern matches, casefolding keeps (ſ, the Kelvin K)."""
    from tuireader.parse import parse_document

    text = "Question: About ſanctions and \u212aelvin?\n\nA: SANCTIONS, Sanctions, kelvin.\n"
    document = parse_document(text, "x")
    for query, expected in (("sanctions", 3), ("kelvin", 2)):
        hits = list(search_document(document, Query(query)))
        assert len(hits) == expected, (query, [h.context for h in hits])
