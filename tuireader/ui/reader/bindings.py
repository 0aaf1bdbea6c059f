"""The reader screen's keys: one table, each with an id so a keymap can change it.

docs/keys.md lists them (a test keeps it true); the help screen and the key bar show them
as they are bound now. Movement keys name the Navigator move they make
(``move('next_answer')``); the screen's ``action_move`` runs it.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: What the status line says when a move has nowhere to go.
NOWHERE = {
    "next_answer": "This is the last answer.",
    "previous_answer": "This is the first answer.",
    "next_section": "This is the last section.",
    "previous_section": "This is the first section.",
    "next_passage": "This is the end of the document.",
    "previous_passage": "This is the start of the document.",
}

READER_BINDINGS: list[BindingType] = [
    Binding("n", "move('next_answer')", "Next answer", id="next-answer"),
    Binding("p", "move('previous_answer')", "Prev answer", show=False, id="previous-answer"),
    Binding(
        "right_square_bracket", "move('next_section')", "Next section", False, id="next-section"
    ),
    Binding(
        "left_square_bracket",
        "move('previous_section')",
        "Prev section",
        False,
        id="previous-section",
    ),
    Binding("j,down", "move('next_passage')", "Next passage", show=False, id="next-passage"),
    Binding("k,up", "move('previous_passage')", "Prev passage", show=False, id="previous-passage"),
    Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="page-down"),
    Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="page-up"),
    Binding("ctrl+d", "half_page(1)", "Half a page down", show=False, id="half-page-down"),
    Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False, id="half-page-up"),
    Binding("g,home", "move('first_passage')", "First passage", show=False, id="first-passage"),
    Binding("G,end", "move('last_passage')", "Last passage", show=False, id="last-passage"),
    Binding("colon", "go_to", "Go to a question, id or %", show=False, id="go-to"),
    Binding("tab", "switch_focus", "Tree/text", show=False, id="switch-focus"),
    Binding("t", "toggle_tree", "Tree", id="toggle-tree"),
    Binding("less_than_sign", "tree_width(-4)", "Narrower tree", show=False, id="tree-narrower"),
    Binding("greater_than_sign", "tree_width(4)", "Wider tree", show=False, id="tree-wider"),
    Binding("y", "copy_passage", "Copy the passage", show=False, id="copy-passage"),
    Binding("a", "edit_note", "Note", id="edit-note"),
    Binding("m", "toggle_bookmark", "Bookmark", id="toggle-bookmark"),
    Binding("v", "toggle_inline_notes", "Show notes", show=False, id="inline-notes"),
    Binding("A", "list_notes", "All notes", show=False, id="list-notes"),
    Binding("M", "list_bookmarks", "All bookmarks", show=False, id="list-bookmarks"),
    Binding("o", "documents", "Your documents", show=False, id="documents"),
    Binding("slash", "search", "Search", id="search"),
    # Shown (first) only while a search is on; see check_action.
    Binding("full_stop", "next_match", "Next match", id="next-match"),
    Binding("comma,N", "previous_match", "Prev match", id="previous-match"),
    Binding("escape", "close_tree", "Close the tree", show=False, id="close-tree"),
    Binding("escape", "end_search", "End search", id="end-search"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]
