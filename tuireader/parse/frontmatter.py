"""Front matter: a YAML ``---`` or TOML ``+++`` block on top becomes document metadata.

Values become text: lists are joined with ", ", dates written as ISO dates, nested tables
flattened to ``outer.inner`` keys. A block that does not parse as a mapping is not front
matter, and stays in the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Front matter longer than this is not front matter.
_MAX_LINES = 200


@dataclass(frozen=True, slots=True)
class FrontMatter:
    metadata: dict[str, str]
    #: How many lines of the text the block takes (its fences included).
    lines: int


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    import datetime  # only for documents with front matter

    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_text(item) for item in value)
    if value is None:
        return ""
    return str(value)


def _flatten(data: Mapping[Any, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{str(key).strip().lower()}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = _text(value)
    return out


def _load(fence: str, body: str) -> Mapping[Any, Any] | None:
    if not body.strip():
        return {}  # an empty block: front matter with nothing in it, not two rules
    try:
        if fence == "---":
            import yaml  # only for documents that have front matter

            data = yaml.safe_load(body)
        else:
            import tomllib

            data = tomllib.loads(body)
    except Exception:  # a malformed block is text, whatever the library's complaint
        return None
    return data if isinstance(data, Mapping) and data else None


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter on top of ``text``, or None."""
    fence = text[:3]
    if fence not in ("---", "+++") or text[3:4] != "\n":
        return None
    lines = text.split("\n", _MAX_LINES + 2)
    closers = ("---", "...") if fence == "---" else ("+++",)
    for index in range(1, min(len(lines), _MAX_LINES + 1)):
        if lines[index].rstrip() in closers:
            data = _load(fence, "\n".join(lines[1:index]))
            if data is None:
                return None
            return FrontMatter(_flatten(data), index + 1)
    return None
