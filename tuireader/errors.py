"""Errors whose message is one plain sentence for the user (printed as is, exit status 2),
and how such a sentence is printed."""

from __future__ import annotations

import sys

from tuireader.terminal_text import terminal_safe


class UserError(Exception):
    """A failure the user can act on; its message is printed as it is."""


def warn(message: str) -> None:
    """One line on stderr, made safe: a message may hold file names and other outside text."""
    print(f"tuireader: {terminal_safe(message)}", file=sys.stderr)
