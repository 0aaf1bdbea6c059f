"""Notes and bookmarks as plain data, Markdown or YAML: for the CLI and for export."""

from __future__ import annotations

from typing import Any

from tuireader.model import Document
from tuireader.store import DocumentNotes, Item, Kind


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


def _section_heading(document: Document, section_id: str | None) -> str:
    if section_id is None:
        return "Orphaned (their passage is no longer in the document)"
    section = document.section(section_id)
    return section.title if section is not None else section_id


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def to_markdown(notes: DocumentNotes) -> str:
    """All notes and bookmarks grouped by section, each under the passage it quotes."""
    document = notes.document
    out = [f"# Notes on {document.title}", ""]
    items = notes.notes()
    if not items:
        out += ["No notes yet.", ""]
    current: object = object()
    for item in items:
        if item.section != current:
            current = item.section
            out += [f"## {_section_heading(document, item.section)}", ""]
        out += [_quote(item.record.anchor.exact), "", item.record.body, ""]
        status = "" if item.status.value == "anchored" else f" · {item.status.value}"
        out += [f"*{item.target} · {item.record.updated[:16].replace('T', ' ')}{status}*", ""]
    marks = notes.bookmarks()
    if marks:
        out += ["## Bookmarks", ""]
        for item in marks:
            heading = _section_heading(document, item.section)
            out.append(f"- {item.target} ({heading}): {item.record.anchor.exact[:80]}")
        out.append("")
    return "\n".join(out)


def to_yaml(notes: DocumentNotes) -> str:
    import yaml

    data = {
        "document": notes.document.title,
        "notes": [item_dict(i) for i in notes.notes()],
        "bookmarks": [item_dict(i) for i in notes.bookmarks()],
    }
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
