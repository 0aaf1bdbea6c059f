"""Command palette providers of the reader screen: jump to a section by typing part of its
title, or to a note or bookmark by its text.

Titles are document text, so hits are built as ``Content`` (never markup); Textual's own
``Matcher.highlight`` parses its argument as markup, so the highlighting is done here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title

if TYPE_CHECKING:
    from tuireader.ui.reader.screen import ReaderScreen

_MAX_CANDIDATE = 160


def highlight(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain Content with the matched characters styled."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _ListedCommands(Provider):
    """A provider over a list of (text, command) candidates, matched fuzzily."""

    HELP = ""

    @property
    def reader(self) -> ReaderScreen:
        """The screen the palette was opened from (these providers are the reader's)."""
        return cast("ReaderScreen", self.screen)

    def _candidates(self) -> list[tuple[str, Callable[[], None]]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), command, text=text, help=self.HELP)


class SectionCommands(_ListedCommands):
    """Every section, by its short name and title; and any place given as the program
    names it (``qa-3.p2``, ``Q14``, ``45%``)."""

    HELP = "Go to this section"

    async def search(self, query: str) -> Hits:
        reader = self.reader
        place = reader.navigator.resolve(query)
        if place is not None:
            text = f"Go to {query.strip()}"
            yield Hit(1.0, Content(text), partial(reader.go, place), text=text, help=self.HELP)
        async for hit in super().search(query):
            yield hit

    def _candidates(self) -> list[tuple[str, Callable[[], None]]]:
        reader = self.reader
        found: list[tuple[str, Callable[[], None]]] = []
        for section in reader.document.walk():
            name = terminal_safe(reader.navigator.short_name(section))
            title = terminal_safe(section.title) if section.title != name else ""
            text = f"{name}: {title}" if title else name
            found.append(
                (short_title(text, _MAX_CANDIDATE), partial(reader.open_section, section.id))
            )
        return found

    async def discover(self) -> Hits:
        for text, command in self._candidates()[:30]:
            yield DiscoveryHit(Content(text), command, text=text, help="Go to this section")


class DocumentCommands(_ListedCommands):
    """What the reader can show about the document itself."""

    HELP = "About this document"

    def _candidates(self) -> list[tuple[str, Callable[[], None]]]:
        reader = self.reader
        count = len(reader.document.dropped)
        return [(f"Lines left out of the text ({count})", reader.show_dropped_lines)]

    async def discover(self) -> Hits:
        for text, command in self._candidates():
            yield DiscoveryHit(Content(text), command, text=text, help=self.HELP)


class NotesCommands(_ListedCommands):
    """Notes and bookmarks, by their text (a note's body, a bookmarked passage)."""

    HELP = "Go to this note or bookmark"

    def _candidates(self) -> list[tuple[str, Callable[[], None]]]:
        reader = self.reader
        notes = reader.notes
        if notes is None:
            return []
        jump = reader.notes_flow.jump_to_record
        found: list[tuple[str, Callable[[], None]]] = []
        for item in notes.notes():
            where = reader.annotations.describe(item.target)
            body = " ".join(terminal_safe(item.record.body).split())
            found.append(
                (
                    short_title(f"✎ {body} — {where}", _MAX_CANDIDATE),
                    partial(jump, item.record.id),
                )
            )
        for item in notes.bookmarks():
            where = reader.annotations.describe(item.target)
            quote = " ".join(terminal_safe(item.record.anchor.exact).split())
            found.append(
                (
                    short_title(f"★ {where}: {quote}", _MAX_CANDIDATE),
                    partial(jump, item.record.id),
                )
            )
        return found
