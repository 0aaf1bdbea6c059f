"""Searching the text of a document, and the notes and bookmarks on it. Headless.

Case is smart unless asked otherwise (:class:`Case`): a query with no capital letter (in
any script) ignores case. Without ``regex`` the query is matched literally, so ``[/]`` finds
``[/]``. An invalid expression raises SearchError with a sentence for the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from tuireader.model import Document, Section, SectionKind
from tuireader.terminal_text import terminal_safe

if TYPE_CHECKING:
    from tuireader.store import DocumentNotes

CONTEXT_CHARS = 36
#: The kind of a hit in a speaker's name (its offsets are in the name, not the text).
SPEAKER = "speaker"
#: What in a regular expression is syntax spelled with letters: escapes, group names.
_SYNTAX = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P[<=][^>)]*[>)]", re.DOTALL)


class SearchError(ValueError):
    """The query cannot be searched (an invalid regular expression)."""


class Scope(StrEnum):
    ALL = "everything"
    QUESTIONS = "questions"
    ANSWERS = "answers"
    COMMENTS = "comments"
    SPEECH = "speech"
    NOTES = "notes"
    BOOKMARKS = "bookmarks"

    def next(self) -> Scope:
        members = list(Scope)
        return members[(members.index(self) + 1) % len(members)]


class Case(StrEnum):
    """How a query treats upper and lower case."""

    SMART = "smart"  # ignored unless the query has a capital letter
    SENSITIVE = "sensitive"
    INSENSITIVE = "insensitive"


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    regex: bool = False
    scope: Scope = Scope.ALL
    case: Case = Case.SMART

    @property
    def case_sensitive(self) -> bool:
        """Smart case: a capital letter in any script (É, Ж, the titlecase ǅ) makes the
        search match case; the letters of a regular expression's escapes and group names
        (``\\W``, ``\\S``, ``(?P<Name>``) are syntax, not capitals."""
        if self.case is not Case.SMART:
            return self.case is Case.SENSITIVE
        text = _SYNTAX.sub("", self.text) if self.regex else self.text
        return any(ch.isupper() or ch.istitle() for ch in text)

    def compile(self) -> re.Pattern[str] | None:
        """The pattern to search with; None for an empty query."""
        if not self.text:
            return None
        flags = 0 if self.case_sensitive else re.IGNORECASE
        source = self.text if self.regex else re.escape(self.text)
        try:
            pattern = re.compile(source, flags)
        except re.error as error:
            raise SearchError(f"That is not a valid regular expression: {error.msg}.") from None
        if pattern.search("") is not None:
            raise SearchError("That expression matches empty text; make it match something.")
        return pattern


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: where it is, what kind of text holds it, and its line of context."""

    section_id: str
    passage_id: str | None  # None for a note whose passage is gone
    kind: str  # question, answer, intro, comment, speech, text, note, bookmark
    start: int  # offsets in the text that holds the match
    end: int
    source: str = field(repr=False)  # the text that holds it
    record_id: str | None = None  # the note or bookmark, for those kinds

    @property
    def context(self) -> str:
        """The match with some text either side, on one line, safe to show. Made when
        asked for: a search counts thousands of hits, and lists or prints a few."""
        return context(self.source, self.start, self.end)


def passage_kind(section: Section, index: int) -> str:
    if section.kind is SectionKind.QA:
        return "question" if index == 0 else "answer"
    if section.kind in (SectionKind.COMMENT, SectionKind.SPEECH, SectionKind.INTRO):
        return section.kind.value
    return "text"


_SCOPE_KINDS = {
    Scope.QUESTIONS: {"question"},
    Scope.ANSWERS: {"answer"},
    Scope.COMMENTS: {"comment"},
    Scope.SPEECH: {"speech"},
}


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The match with some text either side, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    # Note bodies are kept exactly as typed, and a document may hold bidi controls: a
    # context is for showing, so it is made safe for a terminal here.
    snippet = " ".join(terminal_safe(text[left:right], multiline=True).split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def _quick_test(query: Query) -> Callable[[str], bool] | None:
    """For a literal query that ignores case, a fast test a text must pass to hold a
    match: Python's case-insensitive regular expressions scan four times slower than
    casefolding and a plain ``in`` (50 MB: 420 ms against 125). Casefolding maps every
    pair of letters a case-insensitive pattern takes for the same to one, so no match is
    lost; the pattern then finds the matches in the texts that pass."""
    if query.regex or query.case_sensitive:
        return None
    needle = query.text.casefold()
    return lambda text: needle in text.casefold()


def _text_hits(
    document: Document,
    pattern: re.Pattern[str],
    kinds: set[str] | None,
    only: set[str] | None,
    quick: Callable[[str], bool] | None = None,
) -> Iterator[Hit]:
    for section in document.walk():
        for index, passage in enumerate(section.passages):
            speaker = passage.speaker
            if only is not None and passage.id not in only:
                continue
            kind = passage_kind(section, index)
            if kinds is not None and kind not in kinds:
                continue
            # A speaker's name is searched where their turn starts, as the pane shows it
            # ("Putin" finds turns labelled "Vladimir Putin:").
            turn_starts = index == 0 or section.passages[index - 1].speaker != speaker
            if speaker and turn_starts and (quick is None or quick(speaker)):
                for match in pattern.finditer(speaker):
                    yield Hit(
                        section.id,
                        passage.id,
                        SPEAKER,
                        match.start(),
                        match.end(),
                        speaker,
                    )
            text = passage.text
            if quick is not None and not quick(text):
                continue
            for match in pattern.finditer(text):
                yield Hit(
                    section.id,
                    passage.id,
                    kind,
                    match.start(),
                    match.end(),
                    text,
                )


def search_document(
    document: Document, query: Query, notes: DocumentNotes | None = None
) -> Iterator[Hit]:
    """Every hit in reading order: the text (within the scope), then notes, then bookmarks."""
    pattern = query.compile()
    if pattern is None:
        return
    scope = query.scope
    if scope in (Scope.ALL, *_SCOPE_KINDS):
        quick = _quick_test(query)
        yield from _text_hits(document, pattern, _SCOPE_KINDS.get(scope), None, quick)
    if notes is None:
        return
    if scope in (Scope.ALL, Scope.NOTES):
        for item in notes.notes():
            body = item.record.body
            for match in pattern.finditer(body):
                passage = item.target if item.section is not None else None
                yield Hit(
                    item.section or "",
                    passage,
                    "note",
                    match.start(),
                    match.end(),
                    body,
                    item.record.id,
                )
    if scope is Scope.BOOKMARKS:
        marked = {i.target for i in notes.bookmarks() if i.section is not None}
        for hit in _text_hits(document, pattern, None, marked):
            yield Hit(hit.section_id, hit.passage_id, "bookmark", hit.start, hit.end, hit.source)


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Match spans in one text: what the reading pane highlights."""
    return [match.span() for match in pattern.finditer(text)]
