"""Notes, bookmarks and reading positions, kept as YAML in the user data folder.

Headless: no textual import. See ``docs/notes-format.md`` for the file format.
"""

from tuireader.store.anchor import Status
from tuireader.store.items import Item, SaveResult, StoreError
from tuireader.store.notes import DocumentNotes, NotesStore
from tuireader.store.schema import Kind

__all__ = ["DocumentNotes", "Item", "Kind", "NotesStore", "SaveResult", "Status", "StoreError"]
