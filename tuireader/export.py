"""Notes and bookmarks as plain data, JSON, Markdown or YAML: for the CLI and for export.

The Markdown export is made to be edited and imported again (:mod:`tuireader.notes_markdown`
writes and reads it); JSON and YAML are for other programs.
"""

from __future__ import annotations

import json
from typing import Any

from tuireader.notes_markdown import to_markdown
from tuireader.store import DocumentNotes, Item, Kind
from tuireader.store.schema import now

__all__ = ["export_data", "item_dict", "to_json", "to_markdown", "to_yaml"]


def item_dict(item: Item) -> dict[str, Any]:
    """The JSON shape of ``notes list --json`` (and bookmarks, without a body)."""
    record = item.record
    data: dict[str, Any] = {
        "id": record.id,
        "passage": item.target if "." in item.target else None,
        "section": item.section,
        "body": record.body if record.kind is Kind.NOTE else None,
        "quote": record.anchor.exact,
        "created": record.created,
        "updated": record.updated,
        "status": item.status.value,
    }
    if record.kind is Kind.BOOKMARK:
        del data["body"]
        if "." not in item.target:
            data["section"] = item.target
    return data


def export_data(notes: DocumentNotes) -> dict[str, Any]:
    """The document, when this was exported, its notes and its bookmarks (``--format
    json``): each note and bookmark as ``notes list --json`` shows it."""
    document = notes.document
    return {
        "document": {
            "title": document.title,
            "path": notes.source,
            "fingerprint": document.fingerprint,
        },
        "exported": now(),
        "notes": [item_dict(i) for i in notes.notes()],
        "bookmarks": [item_dict(i) for i in notes.bookmarks()],
    }


def to_json(notes: DocumentNotes) -> str:
    """:func:`export_data` as JSON, every character as it is (for a file or a pipe)."""
    return json.dumps(export_data(notes), ensure_ascii=False, indent=2) + "\n"


def to_yaml(notes: DocumentNotes) -> str:
    import yaml

    data = {
        "document": notes.document.title,
        "notes": [item_dict(i) for i in notes.notes()],
        "bookmarks": [item_dict(i) for i in notes.bookmarks()],
    }
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
