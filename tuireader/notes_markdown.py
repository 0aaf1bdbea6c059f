"""The Markdown export of a document's notes, made to be edited and read back. Headless.

It reads as plain Markdown (the HTML comments are hidden when it is rendered): a heading
per section in reading order, each passage with notes as a quotation, and the notes under
it. What importing needs is on comment lines of their own, which a text editor keeps::

    <!-- tuireader notes export 1 exported=2026-11-26T19:00:00.000000Z fingerprint=… path="…" -->
    # Notes on <title>

    <!-- section qa-3 -->
    ## <the section's title>

    <!-- passage qa-3.p2 -->
    > <the passage's text>

    <!-- note n-57c7496f5ac4 updated=2026-11-26T18:39:16.094005Z text=3f2a9c1b04d7e5a6 -->
    <the note's text, exactly, any number of lines>
    <!-- end of note n-57c7496f5ac4 -->

A note's text is every line between its two comment lines, exactly (headings, lists,
blank lines, trailing spaces, any character). The one line it could not hold as it is, its
own end line, is written with a backslash before it (and one backslash more for each it
already had), and read back without. ``text=`` is a digest of the text as exported, so an
import knows whether you changed it; ``updated=`` is when it was last changed before the
export. Text written between those blocks, under a passage's quote, is a new note on that
passage; ``<!-- new note -->`` separates two. Values that are not plain words are JSON
strings. docs/notes-format.md describes it for the user.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tuireader.store import DocumentNotes, Item, Status
from tuireader.store.schema import now
from tuireader.titles import short_title

FORMAT = "tuireader notes export"
VERSION = 1
HELP = (
    "<!-- Change a note's text between its two comment lines. Write a new note under a "
    "passage's quotation. To delete a note, remove it with its two lines, and import with "
    "--delete. Keep the comment lines as they are; `tuireader notes import FILE` reads this "
    "file back. -->"
)

_WORD = re.compile(r"[A-Za-z0-9._:+]+(?:-[A-Za-z0-9._:+]+)*")
_TOKEN = re.compile(r'\s*(?:([a-z]+)=)?("(?:[^"\\]|\\.)*"|[^\s"]+)')
_MARKER = re.compile(
    r"<!-- (tuireader notes export|section|passage|note|end of note|new note|bookmarks)"
    r"(?: (.*?))? ?-->[ \t]*"
)


class ExportFormatError(ValueError):
    """The file is not an export this version can read; the message is one sentence."""


def value(text: str) -> str:
    """A value on a comment line: a plain word as it is, anything else a JSON string
    (with ``<``, ``>`` and ``&`` escaped too, so no value ends the comment)."""
    if _WORD.fullmatch(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _tokens(text: str) -> tuple[list[str], dict[str, str]] | None:
    """The bare values and key=value pairs of a comment line; None if it does not parse."""
    bare: list[str] = []
    named: dict[str, str] = {}
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        raw = match.group(2)
        if raw.startswith('"'):
            try:
                parsed = json.loads(raw)
            except ValueError:
                return None
        else:
            parsed = raw
        if match.group(1):
            named[match.group(1)] = parsed
        else:
            bare.append(parsed)
        position = match.end()
    return bare, named


def _end_line(note_id: str) -> str:
    return f"<!-- end of note {value(note_id)} -->"


def _ends(line: str, note_id: str) -> bool:
    """True if ``line`` is the end line of the note ``note_id``."""
    match = _MARKER.fullmatch(line)
    if match is None or match.group(1) != "end of note":
        return False
    parsed = _tokens(match.group(2) or "")
    return parsed is not None and parsed[0] == [note_id] and not parsed[1]


def escape_body(body: str, note_id: str) -> list[str]:
    """The note's lines as written: its end line (however many backslashes precede it)
    gets one backslash more."""
    return ["\\" + line if _ends(line.lstrip("\\"), note_id) else line for line in body.split("\n")]


def unescape_line(line: str, note_id: str) -> str:
    if line.startswith("\\") and _ends(line.lstrip("\\"), note_id):
        return line[1:]
    return line


# Writing ------------------------------------------------------------------------------


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _section_heading(notes: DocumentNotes, section_id: str | None) -> str:
    if section_id is None:
        return "Orphaned notes (their passage is no longer in the document)"
    section = notes.document.section(section_id)
    return _one_line(section.title) if section is not None and section.title else section_id


def _passage_text(notes: DocumentNotes, item: Item) -> str:
    if item.section is not None:
        found = notes.document.passage(item.target)
        if found is not None:
            return found[1].text
    return item.record.anchor.exact


def to_markdown(notes: DocumentNotes, *, exported: str | None = None) -> str:
    """Every note, grouped by section in reading order under the passage it is on, and
    the bookmarks listed at the end (for reading: they are not imported)."""
    document = notes.document
    header = " ".join(
        [
            f"<!-- {FORMAT} {VERSION}",
            f"exported={value(exported or now())}",
            f"fingerprint={value(document.fingerprint)}",
            f"path={value(notes.source)}",
            "-->",
        ]
    )
    out = [header, HELP, f"# Notes on {_one_line(document.title)}", ""]
    section: str | None = None
    passage: str | None = None
    for index, item in enumerate(notes.notes()):
        record = item.record
        if index == 0 or item.section != section:
            section = item.section
            passage = None
            out += [f"<!-- section {value(section or 'orphaned')} -->"]
            out += [f"## {_section_heading(notes, item.section)}", ""]
        if item.target != passage:
            passage = item.target
            flag = "" if item.status is Status.ANCHORED else f" {item.status.value}"
            out += [f"<!-- passage {value(item.target)}{flag} -->"]
            out += [*_quote(_passage_text(notes, item)), ""]
        stamp = f"updated={value(record.updated)} text={digest(record.body)}"
        out += [f"<!-- note {value(record.id)} {stamp} -->"]
        out += [*escape_body(record.body, record.id), _end_line(record.id), ""]
    marks = notes.bookmarks()
    if marks:
        out += ["<!-- bookmarks (listed for reading: changes here are not imported) -->"]
        out += ["## Bookmarks", ""]
        for item in marks:
            heading = _section_heading(notes, item.section)
            quote = short_title(item.record.anchor.exact, 80)
            out.append(f"- {_one_line(item.target)} ({heading}): {quote}")
        out.append("")
    return "\n".join(out)


# Reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportedNote:
    """A note as the export has it now: ``body`` as edited, ``digest`` as exported."""

    id: str
    passage: str
    updated: str
    digest: str
    body: str
    line: int

    @property
    def changed(self) -> bool:
        return digest(self.body) != self.digest


@dataclass(frozen=True, slots=True)
class NewNote:
    """Text written under a passage, outside any note: a note to add."""

    passage: str
    body: str
    line: int


@dataclass(slots=True)
class Export:
    exported: str
    fingerprint: str
    path: str
    notes: list[ExportedNote] = field(default_factory=list)
    new: list[NewNote] = field(default_factory=list)
    #: An editor had turned every line end into CRLF; they were read as plain line ends.
    crlf: bool = False


def _fail(line: int, problem: str) -> ExportFormatError:
    return ExportFormatError(f"Line {line}: {problem}")


def _header(first: str) -> Export:
    match = _MARKER.fullmatch(first)
    parsed = _tokens(match.group(2) or "") if match and match.group(1) == FORMAT else None
    if parsed is None:
        raise ExportFormatError(
            "This is not a tuireader notes export: its first line is not the "
            f"`<!-- {FORMAT} … -->` line that `tuireader notes export` writes."
        )
    bare, named = parsed
    if bare != [str(VERSION)]:
        raise ExportFormatError(
            f"This export is of version {' '.join(bare) or 'unknown'}; this tuireader reads "
            f"version {VERSION}."
        )
    missing = [key for key in ("exported", "fingerprint", "path") if key not in named]
    if missing:
        raise _fail(1, f"the first line has no {missing[0]}=, so it cannot be imported.")
    return Export(named["exported"], named["fingerprint"], named["path"])


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.index = 0
        self.passage: str | None = None
        self.in_bookmarks = False
        self.loose: list[tuple[int, str]] = []  # text outside any note, under a passage

    def numbered(self) -> Iterator[tuple[int, str]]:
        while self.index < len(self.lines):
            line = self.lines[self.index]
            self.index += 1
            yield self.index, line


def parse(text: str) -> Export:
    """Read an export back; ExportFormatError (naming the line) if it cannot be."""
    lines = text.split("\n")
    first = lines[0].removeprefix("\ufeff")
    crlf = first.endswith("\r")
    if crlf:  # an editor changed every line end: undo that, never a note's own CR
        lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
        first = lines[0]
    export = _header(first)
    export.crlf = crlf
    reader = _Reader(lines)
    reader.index = 1
    seen: dict[str, int] = {}
    for number, line in reader.numbered():
        match = _MARKER.fullmatch(line)
        if match is None:
            _loose_line(reader, number, line)
            continue
        _flush(reader, export)
        kind = match.group(1)
        parsed = _tokens(match.group(2) or "")
        if parsed is None:
            raise _fail(number, "this comment line cannot be read (a quotation mark is missing).")
        bare, named = parsed
        if kind == FORMAT:
            raise _fail(number, "a second export starts here; import one export at a time.")
        if kind == "section":
            reader.passage, reader.in_bookmarks = None, False
        elif kind == "bookmarks":
            reader.passage, reader.in_bookmarks = None, True
        elif kind == "passage":
            if not bare:
                raise _fail(number, "the passage line names no passage (like qa-3.p2).")
            reader.passage, reader.in_bookmarks = bare[0], False
            _skip_quote(reader)
        elif kind == "new note":
            if reader.passage is None:
                raise _fail(number, "a new note must be under a passage's quotation.")
        elif kind == "end of note":
            raise _fail(number, "this end line has no note before it.")
        else:
            note = _read_note(reader, number, bare, named)
            if note.id in seen:
                raise _fail(
                    number, f"the note {note.id} is here twice (also line {seen[note.id]})."
                )
            seen[note.id] = number
            export.notes.append(note)
    _flush(reader, export)
    return export


def _loose_line(reader: _Reader, number: int, line: str) -> None:
    if reader.passage is not None:
        reader.loose.append((number, line))
        return
    stripped = line.strip()
    if not stripped or stripped.startswith(("#", "<!--")):
        return  # a heading, a blank line, a comment: for reading
    if reader.in_bookmarks and stripped.startswith("- "):
        return
    if stripped.startswith(">"):
        return
    where = "in the list of bookmarks" if reader.in_bookmarks else "under no passage"
    raise _fail(
        number,
        f"this text is {where}, so it cannot be imported: write a new note under a "
        "passage's quotation (after its `<!-- passage … -->` line).",
    )


def _skip_quote(reader: _Reader) -> None:
    """The quotation right under a passage line is the passage's text, for reading."""
    while reader.index < len(reader.lines) and reader.lines[reader.index].startswith(">"):
        reader.index += 1


def _flush(reader: _Reader, export: Export) -> None:
    """Text written under a passage outside any note: one new note (blank lines around
    it are not part of it)."""
    loose, reader.loose = reader.loose, []
    while loose and not loose[0][1].strip():
        loose.pop(0)
    while loose and not loose[-1][1].strip():
        loose.pop()
    if loose and reader.passage is not None:
        body = "\n".join(line for _, line in loose)
        export.new.append(NewNote(reader.passage, body, loose[0][0]))


def _read_note(
    reader: _Reader, number: int, bare: list[str], named: dict[str, str]
) -> ExportedNote:
    if not bare:
        raise _fail(number, "the note line names no note (like n-57c7496f5ac4).")
    note_id = bare[0]
    if reader.passage is None:
        raise _fail(number, f"the note {note_id} is under no passage line.")
    for key in ("updated", "text"):
        if key not in named:
            raise _fail(number, f"the line of the note {note_id} has no {key}=.")
    body: list[str] = []
    for _, line in reader.numbered():
        if _ends(line, note_id):
            text = "\n".join(unescape_line(each, note_id) for each in body)
            return ExportedNote(
                note_id, reader.passage, named["updated"], named["text"], text, number
            )
        body.append(line)
    raise _fail(
        number,
        f"the note {note_id} has no end line ({_end_line(note_id)}), so where its text "
        "ends is not known.",
    )
