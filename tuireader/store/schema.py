"""The notes file format: records, their YAML form, and strict validation.

One file per document (see ``docs/notes-format.md``). Validation is strict because people
edit these files by hand: ``body: no`` is a boolean to YAML, and a date without quotes is a
date; both are reported with the line they are on instead of being taken silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1


class SchemaError(ValueError):
    """A notes file that does not follow the format; ``path`` locates the bad value."""

    def __init__(self, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.path = path


def now() -> str:
    """The current time as stored: ISO 8601, UTC, microseconds (sorts as text)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a record points, in the spirit of the W3C TextQuoteSelector: the passage's
    exact text with some text before and after it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


class Kind(StrEnum):
    """What a record is. A StrEnum, so it is written and compared as its text."""

    NOTE = "note"
    BOOKMARK = "bookmark"


@dataclass(frozen=True, slots=True)
class Record:
    """A note (``Kind.NOTE``, with a body) or a bookmark (``Kind.BOOKMARK``).

    ``target`` is a passage id (``qa-3.p2``) or, for a bookmark on a whole section, a
    section id. ``deleted`` is the time of deletion for a tombstone.
    """

    id: str
    kind: Kind
    target: str
    anchor: Anchor
    created: str
    updated: str
    body: str = ""
    deleted: str | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted is not None

    def edited(self, body: str) -> Record:
        return replace(self, body=body, updated=now())

    def tombstone(self) -> Record:
        stamp = now()
        return replace(self, body="", deleted=stamp, updated=stamp)


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    passage: str
    updated: str


@dataclass(frozen=True, slots=True)
class Draft:
    """Text typed in the note editor and not saved yet, kept against crashes."""

    target: str
    body: str
    note_id: str | None
    updated: str


@dataclass(slots=True)
class NotesFile:
    """Everything stored for one document."""

    fingerprint: str
    path: str
    title: str
    records: dict[str, Record] = field(default_factory=dict)
    position: ReadingPosition | None = None
    draft: Draft | None = None


# To YAML ------------------------------------------------------------------------------


def _anchor_dict(anchor: Anchor) -> dict[str, str]:
    return {"exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix}


def record_dict(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"id": record.id}
    on_passage = record.kind is Kind.NOTE or "." in record.target
    data["passage" if on_passage else "section"] = record.target
    if record.deleted is not None:
        data["deleted"] = record.deleted
        data["created"] = record.created
        data["updated"] = record.updated
        return data
    if record.kind is Kind.NOTE:
        data["body"] = record.body
    data["quote"] = _anchor_dict(record.anchor)
    data["created"] = record.created
    data["updated"] = record.updated
    return data


def to_data(notes: NotesFile) -> dict[str, Any]:
    records = sorted(notes.records.values(), key=lambda r: (r.created, r.id))
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "document": {"fingerprint": notes.fingerprint, "path": notes.path, "title": notes.title},
        "notes": [record_dict(r) for r in records if r.kind is Kind.NOTE],
        "bookmarks": [record_dict(r) for r in records if r.kind is Kind.BOOKMARK],
    }
    if notes.position is not None:
        data["position"] = {"passage": notes.position.passage, "updated": notes.position.updated}
    if notes.draft is not None:
        data["draft"] = {
            "target": notes.draft.target,
            "note": notes.draft.note_id,
            "body": notes.draft.body,
            "updated": notes.draft.updated,
        }
    return data


# From YAML ----------------------------------------------------------------------------


def _text(value: Any, path: tuple[str | int, ...], what: str, *, empty: bool = True) -> str:
    if isinstance(value, str):
        if not empty and not value:
            raise SchemaError(f"{what} is empty", path)
        return value
    if isinstance(value, bool):
        raise SchemaError(f"{what} must be text, not yes/no (put it in quotes)", path)
    if value is None:
        raise SchemaError(f"{what} is missing", path)
    raise SchemaError(f"{what} must be text (put it in quotes)", path)


def _time(value: Any, path: tuple[str | int, ...], what: str) -> str:
    if isinstance(value, dt.datetime):  # an unquoted timestamp, hand-written
        stamp: dt.datetime = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    text = _text(value, path, what, empty=False)
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SchemaError(
            f"{what} is not a date and time like 2026-01-31T12:00:00Z", path
        ) from None
    return text


def _mapping(value: Any, path: tuple[str | int, ...], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SchemaError(f"{what} must be a mapping of keys to values", path)
    for key in value:
        if not isinstance(key, str):
            raise SchemaError(f"{what} has a key that is not text: {key!r}", path)
    return value


#: The keys of each mapping in the file. Another key is refused, not dropped: the file is
#: rewritten at each save, and what this program does not know it could not write back.
KEYS = {
    "the file": ("schema", "document", "notes", "bookmarks", "position", "draft"),
    "the document": ("fingerprint", "path", "title"),
    "a note": ("id", "passage", "body", "quote", "created", "updated", "deleted"),
    "a bookmark": ("id", "passage", "section", "quote", "created", "updated", "deleted"),
    "a quote": ("exact", "prefix", "suffix"),
    "the reading position": ("passage", "updated"),
    "the draft": ("target", "note", "body", "updated"),
}


def _known_keys(item: dict[str, Any], path: tuple[str | int, ...], what: str) -> None:
    known = KEYS[what]
    for key in item:
        if key not in known:
            raise SchemaError(
                f"{what} has a key this program does not know, {key!r}, which the next save "
                f"would lose (the keys of {what} are {', '.join(known)})",
                (*path, key),
            )


def _list(value: Any, path: tuple[str | int, ...], what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SchemaError(f"{what} must be a list", path)
    return value


def _record(value: Any, kind: Kind, path: tuple[str | int, ...]) -> Record:
    label = "a note" if kind is Kind.NOTE else "a bookmark"
    item = _mapping(value, path, label)
    _known_keys(item, path, label)
    record_id = _text(item.get("id"), (*path, "id"), f"the id of {label}", empty=False)
    if "passage" in item and "section" in item:
        raise SchemaError(f"{label} has both a passage and a section", (*path, "section"))
    if "passage" in item:
        target = _text(item["passage"], (*path, "passage"), f"the passage of {label}", empty=False)
    elif kind is Kind.BOOKMARK and "section" in item:
        target = _text(
            item["section"], (*path, "section"), "the section of a bookmark", empty=False
        )
    else:
        raise SchemaError(f"{label} has no passage", path)
    created = _time(item.get("created"), (*path, "created"), f"the created time of {label}")
    updated = _time(
        item.get("updated", created), (*path, "updated"), f"the updated time of {label}"
    )
    if "deleted" in item:
        deleted = _time(item["deleted"], (*path, "deleted"), f"the deleted time of {label}")
        return Record(record_id, kind, target, Anchor(""), created, updated, "", deleted)
    quote = _mapping(item.get("quote", {}), (*path, "quote"), "a quote")
    _known_keys(quote, (*path, "quote"), "a quote")
    anchor = Anchor(
        _text(quote.get("exact", ""), (*path, "quote", "exact"), "the quoted text"),
        _text(quote.get("prefix", ""), (*path, "quote", "prefix"), "the text before the quote"),
        _text(quote.get("suffix", ""), (*path, "quote", "suffix"), "the text after the quote"),
    )
    body = ""
    if kind is Kind.NOTE:
        body = _text(item.get("body"), (*path, "body"), "the text of a note")
    return Record(record_id, kind, target, anchor, created, updated, body)


def check_shared(data: Any) -> None:
    """Refuse YAML aliases: a container reached twice means ``&anchor``/``*alias`` was used
    (which is how an alias bomb is built)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                raise SchemaError("the file uses YAML aliases (& and *), which notes files do not")
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)


def from_data(data: Any) -> NotesFile:
    """Validate loaded YAML and build the notes; SchemaError on the first problem."""
    top = _mapping(data, (), "the file")
    schema = top.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise SchemaError("the file has no schema number", ("schema",))
    if schema > SCHEMA_VERSION:
        raise NewerSchemaError(schema)
    if schema < 1:
        raise SchemaError(f"schema {schema} is not a version this program knows", ("schema",))
    check_shared(top)
    _known_keys(top, (), "the file")
    document = _mapping(top.get("document", {}), ("document",), "the document")
    _known_keys(document, ("document",), "the document")
    notes = NotesFile(
        _text(document.get("fingerprint", ""), ("document", "fingerprint"), "the fingerprint"),
        _text(document.get("path", ""), ("document", "path"), "the document path"),
        _text(document.get("title", ""), ("document", "title"), "the document title"),
    )
    for kind, key in ((Kind.NOTE, "notes"), (Kind.BOOKMARK, "bookmarks")):
        for index, item in enumerate(_list(top.get(key), (key,), f"the {key}")):
            record = _record(item, kind, (key, index))
            if record.id in notes.records:
                raise SchemaError(f"two records have the id {record.id}", (key, index, "id"))
            notes.records[record.id] = record
    if top.get("position") is not None:
        where = _mapping(top["position"], ("position",), "the reading position")
        _known_keys(where, ("position",), "the reading position")
        notes.position = ReadingPosition(
            _text(where.get("passage"), ("position", "passage"), "the position's passage"),
            _time(where.get("updated"), ("position", "updated"), "the position's time"),
        )
    if top.get("draft") is not None:
        draft = _mapping(top["draft"], ("draft",), "the draft")
        _known_keys(draft, ("draft",), "the draft")
        note_id = draft.get("note")
        notes.draft = Draft(
            _text(draft.get("target"), ("draft", "target"), "the draft's passage"),
            _text(draft.get("body"), ("draft", "body"), "the draft's text"),
            None if note_id is None else _text(note_id, ("draft", "note"), "the draft's note"),
            _time(draft.get("updated"), ("draft", "updated"), "the draft's time"),
        )
    return notes


class NewerSchemaError(SchemaError):
    def __init__(self, schema: int) -> None:
        super().__init__(
            f"it was written by a newer tuireader (schema {schema}; "
            f"this one reads {SCHEMA_VERSION})",
            ("schema",),
        )
        self.schema = schema


def to_rows(notes: NotesFile) -> dict[str, Any]:
    """A compact form for the load cache: each record as a list of its fields."""
    return {
        "document": [notes.fingerprint, notes.path, notes.title],
        "records": [
            [
                r.id,
                r.kind,
                r.target,
                r.anchor.exact,
                r.anchor.prefix,
                r.anchor.suffix,
                r.created,
                r.updated,
                r.body,
                r.deleted,
            ]
            for r in notes.records.values()
        ],
        "position": [notes.position.passage, notes.position.updated] if notes.position else None,
        "draft": (
            [notes.draft.target, notes.draft.body, notes.draft.note_id, notes.draft.updated]
            if notes.draft
            else None
        ),
    }


def from_rows(data: dict[str, Any]) -> NotesFile:
    """Inverse of :func:`to_rows`, for data this program wrote after checking it."""
    notes = NotesFile(*data["document"])
    notes.records = {
        row[0]: Record(row[0], Kind(row[1]), row[2], Anchor(row[3], row[4], row[5]), *row[6:])
        for row in data["records"]
    }
    if data["position"]:
        notes.position = ReadingPosition(*data["position"])
    if data["draft"]:
        notes.draft = Draft(*data["draft"])
    return notes
