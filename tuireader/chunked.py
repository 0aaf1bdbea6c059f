"""Whole-text steps done a slice at a time. Headless.

A large file is read and parsed in a thread while the reader answers keys. Python hands
the interpreter between threads every few milliseconds, but not in the middle of one C
call: decoding, normalising, searching or splitting 50 MB at once held it for 60–160 ms,
and every key pressed meanwhile waited that long. Done on slices of about a megabyte (cut
after a line break, so nothing that spans a line is ever cut) each call is short, and no
copy of the whole text in another form (its UTF-8 bytes for the fingerprint) is made.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from collections.abc import Callable, Iterator

SLICE = 1 << 20


def slices(text: str, size: int | None = None) -> Iterator[str]:
    """``text`` in consecutive pieces of about ``size`` characters that end with a line
    break (the last may not). A line longer than ``size`` is cut where no CRLF pair and no
    combining character would be split."""
    size = SLICE if size is None else size
    start, end_of_text = 0, len(text)
    while start < end_of_text:
        end = start + size
        if end >= end_of_text:
            yield text[start:]
            return
        newline = text.rfind("\n", start, end)
        if newline >= start:
            end = newline + 1
        else:  # one very long line: step back off a CR or a combining mark
            while end > start + 1 and (text[end - 1] == "\r" or unicodedata.combining(text[end])):
                end -= 1
        yield text[start:end]
        start = end


def map_slices(function: Callable[[str], str], text: str) -> str:
    """``function`` applied slice by slice (it must not need more than a line to decide,
    and must give back the very same string when it changes nothing); the same string
    back when nothing changed. Slices are looked at once more only when one changes, so
    an unchanged text is never copied."""
    if len(text) <= SLICE:
        return function(text)
    if all(function(part) is part for part in slices(text)):
        return text
    return "".join(function(part) for part in slices(text))


def decode_utf8(data: bytes, errors: str = "strict") -> str:
    """UTF-8 (a BOM allowed) decoded a slice of bytes at a time."""
    if len(data) <= SLICE:
        return data.decode("utf-8-sig", errors)
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors)
    view = memoryview(data)
    parts = [decoder.decode(view[start : start + SLICE]) for start in range(0, len(data), SLICE)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def sha256_utf8(text: str) -> str:
    """The SHA-256 of ``text`` encoded as UTF-8 (lone surrogates kept), slice by slice."""
    digest = hashlib.sha256()
    for part in slices(text):
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def split_lines(text: str) -> list[str]:
    """``text.split("\\n")``, a slice at a time (U+2028 and friends are text, not line
    ends, as with split)."""
    if len(text) <= SLICE:
        return text.split("\n")
    lines: list[str] = []
    unfinished = ""  # the line a slice ends in, when it was cut inside a long line
    for part in slices(text):
        pieces = part.split("\n")
        pieces[0] = unfinished + pieces[0]
        unfinished = pieces.pop()
        lines.extend(pieces)
    lines.append(unfinished)
    return lines
