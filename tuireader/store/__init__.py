"""Notes, bookmarks and reading positions, kept as YAML in the user data folder.

Headless: no textual import. See ``docs/notes-format.md`` for the file format.
"""

from tuireader.store.anchor import Status
from tuireader.store.index import NotesStore
from tuireader.store.notes import DocumentNotes, Item, SaveResult, StoreError

__all__ = ["DocumentNotes", "Item", "NotesStore", "SaveResult", "Status", "StoreError"]
