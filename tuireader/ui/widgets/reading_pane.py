"""The reading pane: one section at a time, drawn line by line (Textual's Line API).

Only the lines on screen are rendered, so its cost depends on the section shown, never on
the size of the document. The *current passage* carries a bar in the gutter (visible with
or without colour); notes and bookmarks attach to it.

The pane has no key bindings of its own: the app's navigation keys drive it through
:meth:`show` and :meth:`set_current`. It posts :class:`CurrentChanged` whenever the current
passage changes on its own account (a click, or scrolling it out of view).
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.annotations import PassageMarks
from tuireader.model import Section
from tuireader.settings import DEFAULT_TEXT_WIDTH
from tuireader.ui.widgets.pane_layout import NOTE_MARK, TEXT_ROLES, Line, Role, lay_out

GUTTER = 4  # bar, note marker, bookmark marker, space
#: The widest the text is set, in columns (lines much longer than this are hard to read);
#: the ``text_width`` setting changes it.
MEASURE = DEFAULT_TEXT_WIDTH
_BAR = "▌"
BOOKMARK_MARK = "★"


class ReadingPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one section; see the module docstring."""

    COMPONENT_CLASSES = {
        "reading-pane--title",
        "reading-pane--rule",
        "reading-pane--speaker",
        "reading-pane--question",
        "reading-pane--answer",
        "reading-pane--heading",
        "reading-pane--code",
        "reading-pane--quote",
        "reading-pane--bar",
        "reading-pane--note",
        "reading-pane--marker",
        "reading-pane--match",
        "reading-pane--match-current",
    }

    class CurrentChanged(Message):
        """The current passage changed by a click or by scrolling."""

        def __init__(self, section_id: str, passage: int) -> None:
            self.section_id = section_id
            self.passage = passage
            super().__init__()

    class Resized(Message):
        """The pane changed size (the terminal was resized or the tree shown or hidden)."""

    def __init__(
        self, *, measure: int | None = MEASURE, show_notes: bool = False, id: str | None = None
    ) -> None:
        """``measure``: the widest the text is set (None: the pane's width); ``show_notes``:
        notes' text under their passages."""
        super().__init__(id=id)
        self._section: Section | None = None
        self._heading = ""
        self._current = 0
        self._lines: list[Line] = []
        self._spans: list[tuple[int, int]] = []  # per passage: first line, end line
        self._laid_out_width = -1
        self._marks: dict[int, PassageMarks] = {}
        self._section_bookmarked = False
        self._show_notes = show_notes
        self._pattern: re.Pattern[str] | None = None
        self._current_match: tuple[int, int] | None = None  # passage index, start offset
        self._scrolling_myself = False  # our own scrolls must not move the current passage
        self._view_pending = False  # bring the current passage into view once laid out
        #: The widest the text is set, in columns; None: the whole width of the pane.
        self.measure = measure

    # What is shown ------------------------------------------------------------------

    @property
    def section(self) -> Section | None:
        return self._section

    @property
    def current(self) -> int:
        return self._current

    def show(
        self,
        section: Section,
        heading: str,
        current: int = 0,
        marks: dict[int, PassageMarks] | None = None,
        section_bookmarked: bool = False,
    ) -> None:
        """Show ``section`` under ``heading`` with passage ``current`` marked and in view."""
        self._marks = marks or {}
        self._section_bookmarked = section_bookmarked
        self._current_match = None
        self._section = section
        self._heading = heading
        self._current = current
        self._laid_out_width = -1
        self._view_pending = True
        if self.size.width:
            self._scroll_myself(0)
        self._ensure_layout()
        self.refresh()

    def set_marks(self, marks: dict[int, PassageMarks], section_bookmarked: bool) -> None:
        """New notes and bookmarks for the shown section (after an edit or another session)."""
        if marks == self._marks and section_bookmarked == self._section_bookmarked:
            return
        self._marks = marks
        self._section_bookmarked = section_bookmarked
        self._rewrap()

    @property
    def show_notes(self) -> bool:
        return self._show_notes

    @show_notes.setter
    def show_notes(self, value: bool) -> None:
        """Show each note's text under its passage."""
        if value != self._show_notes:
            self._show_notes = value
            self._rewrap()

    def set_search(
        self, pattern: re.Pattern[str] | None, current: tuple[int, int] | None = None
    ) -> None:
        """Highlight the matches of ``pattern`` (the ``current`` one apart)."""
        if pattern == self._pattern and current == self._current_match:
            return
        self._pattern = pattern
        self._current_match = current
        self._rewrap()
        if current is not None:
            self.scroll_to_match(*current)

    def scroll_to_match(self, passage: int, start: int) -> None:
        """Bring the line holding offset ``start`` of a passage into view."""
        target = None
        for number, line in enumerate(self._lines):
            if line.passage == passage and line.role in TEXT_ROLES:
                if line.offset <= start:
                    target = number
                else:
                    break
        if target is not None:
            self._scroll_myself(0, center_region=Region(0, target, 1, 1))
            self.refresh()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"reading-pane--{name}", default=Style())

    def _searched(self, text: str, passage: int | None, content: Text | None = None) -> Text:
        """A passage's text (or the heading, ``passage`` None) with its matches styled;
        ``content``: the text already styled (Markdown's inline styles)."""
        content = Text(text) if content is None else content
        if self._pattern is None:
            return content
        match_style = self.get_component_rich_style("reading-pane--match")
        current_style = self.get_component_rich_style("reading-pane--match-current")
        for match in self._pattern.finditer(text):
            current = self._current_match == (passage, match.start())
            content.stylize(current_style if current else match_style, *match.span())
        return content

    def _rewrap(self) -> None:
        top = round(self.scroll_y)
        self._laid_out_width = -1
        self._layout()
        self._scroll_myself(min(top, self.max_scroll_y))
        self._bring_into_view(self._current)
        self.refresh()

    def set_current(self, passage: int) -> None:
        """Mark another passage of the shown section and scroll it into view."""
        if self._section is None or not self._section.passages:
            return
        passage = max(0, min(passage, len(self._section.passages) - 1))
        self._mark_current(passage)
        self._bring_into_view(passage)

    def _mark_current(self, passage: int) -> None:
        """Move the bar to another passage, redrawing only the gutter of the two passages
        (a scroll, if one follows, redraws what it must): over SSH a j is a few bytes."""
        old, self._current = self._current, passage
        if old == passage or not self._spans:
            return
        top = round(self.scroll_y)
        gutter = self._margin() + GUTTER
        for index in (old, passage):
            if 0 <= index < len(self._spans):
                start, end = self._spans[index]
                self.refresh(Region(0, start - top, gutter, end - start))

    def passage_region(self, passage: int) -> Region:
        """The lines of a passage within the whole (virtual) pane."""
        start, end = self._spans[passage]
        return Region(0, start, self.virtual_size.width, end - start)

    def text_lines(self) -> list[str]:
        """The section as laid out for the pane's width, one plain string per line."""
        return [line.text.plain for line in self._lines]

    def highlighted(self) -> list[str]:
        """The pieces of text drawn as search matches, in order."""
        found = []
        for line in self._lines:
            for span in line.text.spans:
                found.append(line.text.plain[span.start : span.end])
        return found

    def marks_at(self, passage: int) -> PassageMarks | None:
        """The notes and bookmark shown on a passage of the section (None: unmarked)."""
        return self._marks.get(passage)

    @property
    def at_top(self) -> bool:
        return self.scroll_y <= 0

    @property
    def at_bottom(self) -> bool:
        return self.scroll_y >= self.max_scroll_y

    # Layout -------------------------------------------------------------------------

    def _room(self) -> int:
        """Columns for the text when it may use the whole pane."""
        return max(10, self.scrollable_content_region.width - GUTTER - 1)

    def _text_width(self) -> int:
        """A readable measure: no wider than :attr:`measure` however wide the screen."""
        return self._room() if self.measure is None else min(self._room(), self.measure)

    def _margin(self) -> int:
        """Blank columns before the gutter that centre a measure narrower than the pane."""
        return (self._room() - self._text_width()) // 2

    def _ensure_layout(self) -> None:
        """Wrap for the pane's width if it changed (or the section did), keeping the current
        passage in view. Nothing is wrapped before the pane has a size: wrapping at a guessed
        width would draw a wrong first frame."""
        if self._section is None or not self.size.width:
            return
        if self._text_width() != self._laid_out_width:
            self._layout()
            self._view_pending = True
        if self._view_pending and self.size.height:
            self._view_pending = False
            self._bring_into_view(self._current, initial=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first render after the pane got its size comes before its Resize event is
        # handled: lay out here so that very first frame is wrapped right.
        self._ensure_layout()
        return super().render_lines(crop)

    def _layout(self) -> None:
        section = self._section
        width = self._text_width()
        if section is None or width == self._laid_out_width or not self.size.width:
            return
        self._laid_out_width = width
        layout = lay_out(
            section,
            self._heading,
            width,
            self.app.console,
            marks=self._marks,
            show_notes=self._show_notes,
            highlight=self._searched,
            style=self._style,
        )
        self._lines = layout.lines
        self._spans = layout.spans
        # Set without Textual's layout pass: the pane's own size never depends on its text,
        # and a layout pass repaints the whole screen (the tree, the bars), which at start
        # doubled what is written and at every n wrote rows that did not change.
        size = Size(self._room() + GUTTER + 1, len(layout.lines))
        if size != self.virtual_size:
            self.set_reactive(ReadingPane.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        self.post_message(self.Resized())

    def _bring_into_view(self, passage: int, initial: bool = False) -> None:
        if not self._spans or self.size.height == 0:
            return
        start, end = self._spans[passage]
        height = self.scrollable_content_region.height
        if passage == 0 and end <= height:
            self._scroll_myself(0)  # with the section's heading
        elif end - start >= height or start < self.scroll_y:
            # Taller than the screen, or above it: show its start at the top.
            self._scroll_myself(max(0, start - (0 if initial else 1)))
        elif end > self.scroll_y + height:
            self._scroll_myself(end - height + 1)

    # Keeping the current passage visible while scrolling -----------------------------

    def _scroll_myself(self, y: float, *, center_region: Region | None = None) -> None:
        self._scrolling_myself = True
        try:
            if center_region is not None:
                self.scroll_to_region(center_region, animate=False, immediate=True, center=True)
            else:
                self.scroll_to(y=y, animate=False, immediate=True)
        finally:
            self._scrolling_myself = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._spans or self._section is None or self._scrolling_myself:
            return
        top = round(new_value)
        bottom = top + self.scrollable_content_region.height
        start, end = self._spans[self._current]
        if end > top and start < bottom:
            return  # still (partly) visible
        visible = [i for i, (s, e) in enumerate(self._spans) if e > top and s < bottom]
        if not visible:
            return
        # Scrolled down: the first passage in view; scrolled up: the last one.
        self._current = visible[0] if start < top else visible[-1]
        self.post_message(self.CurrentChanged(self._section.id, self._current))

    def on_click(self, event: events.Click) -> None:
        if self._section is None:
            return
        y = event.y + round(self.scroll_y)
        if 0 <= y < len(self._lines):
            passage = self._lines[y].passage
            if passage is not None and passage != self._current:
                self._mark_current(passage)
                self.post_message(self.CurrentChanged(self._section.id, passage))

    # Drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + round(self.scroll_y)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        # The current passage is marked by the bar alone, so moving it redraws the gutter.
        current = line.passage is not None and line.passage == self._current
        style = base + self.get_component_rich_style(f"reading-pane--{line.role}", default=Style())
        bar_style = base + self.get_component_rich_style("reading-pane--bar")
        marker_style = base + self.get_component_rich_style("reading-pane--marker")
        note_mark = mark = " "
        if line.first and line.passage is not None:
            marks = self._marks.get(line.passage)
            if marks is not None:
                note_mark = NOTE_MARK if marks.notes else " "
                mark = BOOKMARK_MARK if marks.bookmarked else " "
        elif line.first and line.role is Role.TITLE and self._section_bookmarked:
            mark = BOOKMARK_MARK
        bar = _BAR if current and line.role not in (Role.SPEAKER, Role.NOTE) else " "
        margin = self._margin()
        # Blank gutter cells in the plain style, so that they merge with the text after them.
        marks_text = note_mark + mark
        gutter = [
            *([Segment(" " * margin, base)] if margin else []),
            Segment(bar, bar_style if bar != " " else base),
            Segment(marks_text, marker_style if marks_text.strip() else base),
            Segment(" ", base),
        ]
        body = [
            Segment(seg.text, style + seg.style if seg.style else style)
            for seg in line.text.render(self.app.console, end="")
        ]
        # Neighbouring segments of one style as one: fewer escape sequences on the wire.
        return Strip(gutter + body).crop_extend(0, width, base).simplify()
