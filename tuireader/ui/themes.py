"""The names of the themes the reader has: Textual's own (the reader adds none).

``tuireader config check`` imports this (and so Textual) only to check a theme's name.
"""

from __future__ import annotations


def theme_names() -> list[str]:
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)
