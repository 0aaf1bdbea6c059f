"""Short forms of document text for titles, tree labels and list headings. Headless."""

from __future__ import annotations


def short_title(text: str, limit: int = 72) -> str:
    """The start of a text on one line, cut at a word boundary with "…" past ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
