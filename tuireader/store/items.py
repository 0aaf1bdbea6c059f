"""What the store hands out: notes and bookmarks with their place now, save results, errors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuireader.store.anchor import Placement, Status
from tuireader.store.schema import Record

_SURROGATE = re.compile("[\ud800-\udfff]")


class StoreError(Exception):
    """A store operation failed; the message is one plain sentence for the user.

    ``reason`` is what went wrong and nothing more: the message may add what happens next
    in a session that keeps running ("Your changes are kept and will be saved again."),
    which a command that exits must not say.
    """

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = message if reason is None else reason


@dataclass(frozen=True, slots=True)
class Item:
    """A note or bookmark with where it is in the document now."""

    record: Record
    placement: Placement
    section: str | None  # the section it is in now, None if orphaned

    @property
    def target(self) -> str:
        """Where it is now, else where it was."""
        return self.placement.target or self.record.target

    @property
    def status(self) -> Status:
        return self.placement.status


@dataclass(frozen=True, slots=True)
class SaveResult:
    saved: bool
    messages: tuple[str, ...] = ()


def clean_text(text: str) -> str:
    """Text as stored: lone surrogates (from undecodable arguments or file names) become
    U+FFFD, as undecodable bytes in a document do; a UTF-8 file cannot hold them."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)
