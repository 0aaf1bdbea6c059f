"""Where the section tree is: beside the text, hidden (``t`` on a wide terminal), or over
the text (``t`` below :data:`NARROW` columns), its width (``<`` and ``>``), and which of
tree and text has the keyboard (``tab``). The reader screen's actions call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuireader.settings.schema import TREE_WIDTH_RANGE

if TYPE_CHECKING:
    from tuireader.ui.reader.screen import ReaderScreen

#: Below this width the tree is hidden and `t` shows it over the text.
NARROW = 70
#: The narrowest the tree gets with `<` (or the ``tree.width`` setting).
MIN_WIDTH = TREE_WIDTH_RANGE[0]


class TreePanel:
    def __init__(self, screen: ReaderScreen, width: int | None = None, shown: bool = True) -> None:
        """``width`` and ``shown``: how the tree starts (from the settings)."""
        self._screen = screen
        self.hidden = not shown  # wide: hidden with t
        self.over = False  # narrow: shown over the text with t
        #: The tree's width in cells when chosen with < and > (None: the stylesheet's).
        self.width = width

    def start(self) -> None:
        """Once the screen is mounted: the width and visibility it starts with."""
        if self.width is not None:  # no wider than half the screen, as < and > keep it
            self.set_width(max(MIN_WIDTH, min(self.width, self._screen.app.size.width // 2)))
        if self.hidden:
            self._screen.add_class("-hide-tree")

    @property
    def narrow(self) -> bool:
        return self._screen.app.size.width < NARROW

    @property
    def shown(self) -> bool:
        """Beside the text (wide, not hidden with t), or over it (narrow, opened with t)."""
        return self.over if self.narrow else not self.hidden

    def apply_width(self) -> None:
        """After a resize: the narrow layout or the wide one; the keyboard where it can be."""
        screen = self._screen
        # A class only when narrow: a class that changes makes Textual restyle every widget,
        # which a breakpoint class would do at every start.
        screen.set_class(self.narrow, "-narrow")
        if not self.narrow and self.over:  # widened: the side tree again
            self.over = False
            screen.remove_class("-tree-over")
        if screen.section_tree.has_focus and not self.shown:
            screen.pane.focus()

    def toggle(self) -> None:
        screen = self._screen
        if self.narrow:
            self.over = not self.over
            screen.set_class(self.over, "-tree-over")
        else:
            self.hidden = not self.hidden
            screen.set_class(self.hidden, "-hide-tree")
        if self.shown and self.narrow:
            screen.section_tree.focus()
        elif not self.shown:
            screen.pane.focus()

    def close_over(self) -> None:
        """Close the tree shown over the text (narrow terminals); the text has the keyboard."""
        if self.over:
            self.over = False
            self._screen.remove_class("-tree-over")
        self._screen.pane.focus()

    def switch_focus(self) -> None:
        screen = self._screen
        if screen.section_tree.has_focus or not self.shown:
            screen.pane.focus()
        else:
            screen.section_tree.focus()

    def resize(self, change: int) -> int:
        """Widen (or narrow) the tree by ``change`` cells, up to half the screen; the width."""
        tree = self._screen.section_tree
        width = max(
            MIN_WIDTH, min(self._screen.app.size.width // 2, tree.outer_size.width + change)
        )
        self.set_width(width)
        return width

    def set_width(self, width: int) -> None:
        self.width = width
        styles = self._screen.section_tree.styles
        styles.width = width
        styles.min_width = min(width, MIN_WIDTH)
        styles.max_width = width
