"""The section tree: Intro, Interview (Q1 … Qn), Comments (one per author), Speech.

Large groups are split into buckets of :data:`BUCKET` and filled only when opened, so a
document with thousands of answers costs a handful of nodes up front.

Keys: ``↑``/``↓`` move the tree's cursor, ``enter`` opens a section or folds a group,
``space`` folds or unfolds a group. Posts :class:`SectionChosen` when a section is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tuireader.model import Document, Section, SectionKind
from tuireader.navigation import Navigator
from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title

BUCKET = 100
#: Sections that come in runs, each run one group.
_RUNS = {
    SectionKind.QA: "Interview",
    SectionKind.EXCHANGE: "Dialogue",
    SectionKind.STATEMENT: "Opening statements",
}
#: Groups up to this size start unfolded.
OPEN_UP_TO = 40
#: Labels are kept this long; each is cut to the tree's width when drawn.
_LABEL_CHARS = 160


@dataclass(eq=False, slots=True)
class _Group:
    """A folder of sections; its children are made the first time it opens."""

    label: str
    sections: list[Section]
    filled: bool = False
    chain: list[_Group] = field(default_factory=list)  # enclosing groups and itself


NodeData = _Group | str  # a group, or a section id


class SectionTree(Tree[NodeData]):
    """See the module docstring."""

    # Textual's Tree keys, named for this tree (and given ids, so a keymap can change them).
    BINDINGS = [
        Binding(
            "enter", "select_cursor", "Open the section, or fold a group", False, id="tree-open"
        ),
        Binding("space", "toggle_node", "Fold or unfold a group", show=False, id="tree-fold"),
        Binding("up", "cursor_up", "Move the cursor up", show=False, id="tree-up"),
        Binding("down", "cursor_down", "Move the cursor down", show=False, id="tree-down"),
        Binding("left", "fold", "Fold the group, or go to it", show=False, id="tree-fold-left"),
        Binding("right", "unfold", "Unfold the group, or go into it", False, id="tree-unfold"),
    ]

    class SectionChosen(Message):
        def __init__(self, section_id: str) -> None:
            self.section_id = section_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Sections", id=id)
        self.show_root = False
        self.auto_expand = True
        self._section_nodes: dict[str, TreeNode[NodeData]] = {}
        self._group_of: dict[str, list[_Group]] = {}  # section id -> groups, outermost first
        self._navigator: Navigator | None = None
        self._bookmarked: set[str] = set()
        self._noted: set[str] = set()
        self._drawn_at = Size(0, 0)  # the size the lines were last drawn at

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawn_at = self.outer_size
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:
        """Textual's Tree forgets its lines and repaints whole on every Resize, even the
        one that follows the first frame, at the size that frame drew it in (some 3 KB
        written again at start). At that size, keep them (pinned to Textual 8.2)."""
        if event.size == self._drawn_at:
            self._line_cache.grow(event.size.height)
            event.prevent_default()

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        """A node's label cut to the tree's width at a word, with "…" (never mid-word)."""
        text = super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        return fit(text, room) if room > 1 else text

    def process_label(self, label: str | Text) -> Text:
        """Labels are document text: never markup."""
        text = Text(label) if isinstance(label, str) else label
        return text.split()[0] if "\n" in text.plain else text

    # Building -----------------------------------------------------------------------

    def load(self, document: Document, navigator: Navigator) -> None:
        """Runs of questions, of a dialogue's exchanges and of opening statements become
        groups; comments are a group; a part with parts of its own is a node over them."""
        self._navigator = navigator
        self.clear()
        self._section_nodes.clear()
        self._group_of.clear()
        pending: list[Section] = []

        def flush() -> None:
            if not pending:
                return
            kind = pending[0].kind
            if kind is SectionKind.STATEMENT and len(pending) == 1:
                self._add_leaf(self.root, pending[0])
            else:
                self._add_group(self.root, _Group(_RUNS[kind], list(pending)), [])
            pending.clear()

        for top in document.sections:
            if top.kind in _RUNS:
                if pending and pending[0].kind is not top.kind:
                    flush()
                pending.append(top)
                continue
            flush()
            if top.children and not top.passages:
                self._add_group(self.root, _Group(top.title, list(top.children)), [])
            elif top.children:
                self._add_parent(self.root, top)
            else:
                self._add_leaf(self.root, top)
        flush()

    def _add_parent(self, parent: TreeNode[NodeData], section: Section) -> None:
        """A section with text of its own and sections under it (a heading's part)."""
        node = parent.add(self._label(section), data=section.id, expand=True)
        self._section_nodes[section.id] = node
        for child in section.children:
            if child.children:
                self._add_parent(node, child)
            else:
                self._add_leaf(node, child)

    def _label(self, section: Section) -> Text:
        assert self._navigator is not None
        # Titles are document text: bidi overrides and zero-width characters are shown
        # (they would reorder the row and push the tree's border out of line).
        name = terminal_safe(self._navigator.short_name(section))
        if section.kind in (SectionKind.COMMENT, SectionKind.TEXT):
            label = Text(short_title(terminal_safe(section.title), _LABEL_CHARS))  # author, part
        elif section.kind in (SectionKind.QA, SectionKind.EXCHANGE):
            title = short_title(terminal_safe(section.title), _LABEL_CHARS)
            label = Text.assemble((name, "bold"), " ", title)
        else:
            label = Text(name)
        marks = ("★" if section.id in self._bookmarked else "") + (
            "✎" if section.id in self._noted else ""
        )
        if marks:
            label = Text.assemble((marks, "bold"), " ", label)
        return label

    def set_marked(self, bookmarked: set[str], noted: set[str]) -> None:
        """Flag the sections that hold bookmarks (★) and notes (✎)."""
        changed = (bookmarked ^ self._bookmarked) | (noted ^ self._noted)
        self._bookmarked = set(bookmarked)
        self._noted = set(noted)
        if self._navigator is None:
            return
        for section_id in changed:
            node = self._section_nodes.get(section_id)
            section = self._navigator.document.section(section_id)
            if node is not None and section is not None:
                node.set_label(self._label(section))

    def _add_leaf(self, parent: TreeNode[NodeData], section: Section) -> None:
        node = parent.add_leaf(self._label(section), data=section.id)
        self._section_nodes[section.id] = node

    def _add_group(self, parent: TreeNode[NodeData], group: _Group, outer: list[_Group]) -> None:
        group.chain = [*outer, group]
        for section in group.sections:
            self._group_of[section.id] = group.chain
        count = len(group.sections)
        label = Text.assemble(group.label, (f" ({count})", "dim"))
        node = parent.add(label, data=group, expand=False)
        if count <= OPEN_UP_TO and not outer:
            self._fill(node)
            node.expand()

    def _fill(self, node: TreeNode[NodeData]) -> None:
        group = node.data
        if not isinstance(group, _Group) or group.filled:
            return
        group.filled = True
        if len(group.sections) > BUCKET:
            for start in range(0, len(group.sections), BUCKET):
                part = group.sections[start : start + BUCKET]
                assert self._navigator is not None
                first = self._navigator.short_name(part[0])
                last = self._navigator.short_name(part[-1])
                self._add_group(node, _Group(f"{first} – {last}", part), group.chain)
        else:
            for section in group.sections:
                self._add_leaf(node, section)

    def action_fold(self) -> None:
        """Left: fold an open group; on a section or a folded group, go to its group."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        """Right: unfold a folded group; in an open one, go to its first section."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self._fill(event.node)

    # Following the reader -----------------------------------------------------------

    def follow(self, section_id: str) -> None:
        """Put the cursor on a section's node, opening (and filling) its groups."""
        if self._navigator is None:
            return  # not loaded yet: the app follows once it is
        node = self._section_nodes.get(section_id)
        if node is None:
            parent = self.root
            for group in self._group_of.get(section_id, []):
                group_node = self._child_with(parent, group)
                if group_node is None:
                    return
                self._fill(group_node)
                group_node.expand()
                parent = group_node
            node = self._section_nodes.get(section_id)
            if node is None:
                return
        for ancestor in _ancestors(node):
            if not ancestor.is_expanded and ancestor is not self.root:
                ancestor.expand()
        if self.cursor_node is node:
            return
        if self._drawn_at == Size(0, 0):
            # Before the first frame: the cursor in that frame, rather than in a repaint
            # of the whole tree after it, when its line shows without scrolling. (Building
            # the lines now is what Textual does on idle; pinned to Textual 8.2.)
            self._tree_lines  # noqa: B018 - the property builds them
            if 0 <= node.line < self.app.size.height - 4:
                self.move_cursor(node)
                return
        # A node just added or opened has no line until the tree lays out again.
        self.call_after_refresh(self.move_cursor, node)

    def node_for(self, section_id: str) -> TreeNode[NodeData] | None:
        """The node of a section, if it has been made (its group opened)."""
        return self._section_nodes.get(section_id)

    @staticmethod
    def _child_with(parent: TreeNode[NodeData], group: _Group) -> TreeNode[NodeData] | None:
        for child in parent.children:
            if child.data is group:
                return child
        return None

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, str):
            self.post_message(self.SectionChosen(event.node.data))


def fit(text: Text, room: int) -> Text:
    """``text`` in at most ``room`` cells: cut after a whole word, then "…"."""
    if text.cell_len <= room:
        return text
    plain = text.plain
    cut = room - 1
    space = plain.rfind(" ", 0, cut + 1)
    if space > room // 2:
        cut = space
    shown = text[:cut]
    while shown.plain and shown.plain[-1] in " ,;:":
        shown.right_crop(1)
    shown.append("…")
    return shown


def _ancestors(node: TreeNode[NodeData]) -> list[TreeNode[NodeData]]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found
