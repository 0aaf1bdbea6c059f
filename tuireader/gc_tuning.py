"""Garbage-collector settings for the reader's process, set by its entry point (``cli``).

A parsed document is tens of thousands of objects that live as long as the process. With
CPython's default threshold (700 allocations) the collector ran every few key presses and
each run scanned them all, so moving cost more the bigger the document; with these
settings the 10 MB document draws a section as fast as the 32 KB one. They are
process-wide, so they belong to the program, not to the app (tests run many apps in one
process and must not inherit them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Young-generation threshold while the reader runs (CPython's default is 700).
YOUNG_THRESHOLD = 20_000


def collect_less_often() -> None:
    """Run the young-generation collection less often (start-up and key presses)."""
    gc.set_threshold(YOUNG_THRESHOLD, 50, 100)


def freeze_long_lived() -> None:
    """Move everything alive now (the document, the imported modules) out of the
    collector's scans. Without a collection first: it would cost start-up time, and what
    it would free is a few short-lived objects."""
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a large file is parsed in a thread, and what it made frozen
    after. Parsing 50 MB makes millions of objects, and each full collection meanwhile
    scanned them all holding the interpreter: keys pressed then waited 100–160 ms.
    (Reference counting still frees what the parse throws away.)"""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
