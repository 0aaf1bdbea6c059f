"""Where a document's notes are: small pointer files from a text's fingerprint, and from
the path it was opened from, to the key of its notes file (names are hashes)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from tuireader.store import files

#: A pointer holds a key of 24 characters; anything much longer is not a pointer.
POINTER_BYTES = 256


@dataclass(frozen=True, slots=True)
class Glance:
    position: str | None  # the passage last read
    notes_bytes: int  # the size of the notes file (0: none)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_path("tuireader"))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class NotesIndex:
    """A data folder and its pointers: which notes file holds the notes of a text.

    :class:`tuireader.store.NotesStore` builds on this to open a document's notes; this
    module knows nothing of them, so the store's modules import in one direction.
    """

    def __init__(self, data_dir: Path | None = None) -> None:
        self.root = Path(data_dir) if data_dir is not None else default_data_dir()

    def position_file(self, key: str) -> Path:
        """Beside a notes file: the passage last read, alone, so that the reader can open
        there before it has read the notes (10,000 of them take a while)."""
        return self.root / "documents" / f"{key}.position"

    def last_position(self, fingerprint: str, path: str | None) -> str | None:
        """The passage id last read in this text, if a notes file remembers one (a hint:
        the notes file has the same, and wins once it is read)."""
        return self.glance(fingerprint, path).position

    def glance(self, fingerprint: str, path: str | None) -> Glance:
        """What can be known of a text's notes without reading them: the passage last
        read and how large the notes file is."""
        key = self.find_key(fingerprint, path) or fingerprint[:24]
        data = files.read_small(self.position_file(key), POINTER_BYTES)
        text = data.decode("utf-8", "replace").strip() if data is not None else ""
        try:
            size = (self.root / "documents" / f"{key}.yaml").stat().st_size
        except OSError:
            size = 0
        return Glance(text if text and text.isprintable() else None, size)

    # Pointer files are written atomically; two sessions racing write the same key.

    def _pointer(self, kind: str, value: str) -> Path:
        return self.root / "index" / f"{kind}-{_hash(value)}"

    def find_key(self, fingerprint: str, path: str | None) -> str | None:
        for kind, value in (("fp", fingerprint), ("path", path)):
            if value:
                key = self._read_pointer(self._pointer(kind, value))
                if key is not None:
                    return key
        return None

    @staticmethod
    def _read_pointer(pointer: Path) -> str | None:
        data = files.read_small(pointer, POINTER_BYTES)
        key = data.strip().decode("ascii", "replace") if data is not None else ""
        return key if key.isalnum() and key.isascii() else None

    def remember(self, key: str, fingerprint: str, path: str | None) -> None:
        folder = self.root / "index"
        files.ensure_private_dir(folder)
        for kind, value in (("fp", fingerprint), ("path", path)):
            if not value:
                continue
            pointer = self._pointer(kind, value)
            if self._read_pointer(pointer) != key:
                files.atomic_write(pointer, key.encode("ascii"), backup=False)
