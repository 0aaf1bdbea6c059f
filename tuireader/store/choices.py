"""Choices made in the reader (the theme picked in the palette, and the like), remembered
between runs in a small JSON file in the data folder. Headless.

They are preferences, not notes: a file that cannot be read gives a sentence to show and
the defaults; two sessions saving at once each keep the other's keys (the file is read
again just before it is replaced).
"""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.store import files

FILE_NAME = "choices.json"
MAX_BYTES = 64 * 1024


class RememberedChoices:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def load(self) -> tuple[dict[str, str], str | None]:
        """The remembered choices, and a sentence for the user if the file was unusable."""
        try:
            data = files.read_bytes(self.path, MAX_BYTES)
        except files.StoreIOError as error:
            return {}, f"{error} The reader's remembered choices are not used."
        if data is None:
            return {}, None
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return {}, f"{self.path} is not valid; the reader's remembered choices are not used."
        if not isinstance(value, dict):
            return {}, f"{self.path} is not valid; the reader's remembered choices are not used."
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}, None

    def remember(self, key: str, value: str) -> str | None:
        """Keep ``key``; a sentence for the user if it could not be saved."""
        current, _ = self.load()
        current[key] = value
        data = (json.dumps(current, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
        try:
            files.ensure_private_dir(self.path.parent)
            files.atomic_write(self.path, data, backup=False)
        except files.StoreIOError as error:
            return f"{error} The choice is used now but not remembered."
        return None
