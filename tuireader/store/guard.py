"""The lock that lets a document's notes be saved in a thread while the reader goes on:
each public method of :class:`~tuireader.store.notes.DocumentNotes` that reads or changes
its state holds it (a bookmark added while a save runs waits for the save, never races it).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

_T = TypeVar("_T")
_P = ParamSpec("_P")


class Guarded(Protocol):
    _lock: threading.RLock


_G = TypeVar("_G", bound=Guarded)


def in_lock(method: Callable[Concatenate[_G, _P], _T]) -> Callable[Concatenate[_G, _P], _T]:
    """``method`` run holding its object's ``_lock``."""

    @functools.wraps(method)
    def run(self: _G, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        with self._lock:
            return method(self, *args, **kwargs)

    return run
