"""Stepping through a search's matches in reading order (``.`` and ``,``). Headless.

The order of the text matches is worked out once per search; each step then bisects it,
so a key press costs the same with ten matches or ten thousand. Matches in notes are
listed but not stepped through (they are not in the text).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.navigation import Navigator, Position
from tuireader.search import SPEAKER, Hit

#: Where a match is in reading order: readable section index, passage index, offset.
Place = tuple[int, int, int]
_NOWHERE = 1 << 30


@dataclass(frozen=True, slots=True)
class Step:
    """The match a step arrives at (an index into the hits), and whether it wrapped."""

    index: int
    wrapped: bool


class MatchSteps:
    """The text matches of one search, in reading order."""

    def __init__(self, hits: Sequence[Hit], navigator: Navigator) -> None:
        self._hits = hits
        self._navigator = navigator
        self._order: list[tuple[Place, int]] = sorted(
            (self.place(hit), index) for index, hit in enumerate(hits) if hit.kind != "note"
        )

    def __len__(self) -> int:
        return len(self._order)

    def place(self, hit: Hit) -> Place:
        found = self._navigator.position_of_passage(hit.passage_id) if hit.passage_id else None
        if found is None:
            return (_NOWHERE, 0, 0)
        # A match in the speaker's name comes before the text it introduces.
        offset = -1 if hit.kind == SPEAKER else hit.start
        return (found.section, found.passage, offset)

    def step(self, here: Position, current: int | None, direction: int) -> Step | None:
        """The next (``direction`` > 0) or previous match from the current match (an index
        into the hits), else from the passage at ``here``; None when there are none."""
        order = self._order
        if not order:
            return None
        if current is not None and self._hits[current].kind != "note":
            at: Place = self.place(self._hits[current])
        else:
            at = (here.section, here.passage, -1 if direction > 0 else _NOWHERE)
        if direction > 0:
            position = bisect.bisect_right(order, (at, len(self._hits)))
            wrapped = position >= len(order)
            return Step(order[position % len(order)][1], wrapped)
        position = bisect.bisect_left(order, (at, -1)) - 1
        return Step(order[position][1], position < 0)
