"""Fetched pages kept in the user cache folder, so that an address opens again offline.

Each page is two files named by a hash of the address as given: the body exactly as it
arrived (``KEY.page``) and what is needed to read it again (``KEY.json``: the address after
redirects, the media type, the charset, when it was fetched). The folder is private (0700)
and each file is replaced atomically; a cache that cannot be written costs only the offline
copy, and a file that does not read back as expected is treated as absent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tuireader.intake.fetch import MAX_PAGE_BYTES, Fetched
from tuireader.safe_read import read_regular_file

_META_BYTES = 64 * 1024


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_path("tuireader")) / "pages"


@dataclass(frozen=True, slots=True)
class Kept:
    """A page from the cache, and when it was fetched (``YYYY-MM-DD HH:MM`` UTC)."""

    page: Fetched
    fetched_at: str


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _write(target: Path, data: bytes) -> None:
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class PageCache:
    """The pages fetched before, by the address they were asked for."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_cache_dir()

    def save(self, page: Fetched) -> str | None:
        """Keep ``page``; a warning sentence if it could not be kept, else None."""
        key = _key(page.url)
        meta = {
            "url": page.url,
            "final_url": page.final_url,
            "media_type": page.media_type,
            "charset": page.charset,
            "fetched_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write(self.root / f"{key}.page", page.body)
            _write(self.root / f"{key}.json", json.dumps(meta).encode())
        except OSError as error:
            reason = error.strerror or type(error).__name__
            return f"The page could not be kept in {self.root} for reading offline: {reason}."
        return None

    def load(self, url: str) -> Kept | None:
        """The page kept for ``url``, or None (never kept, or not readable as kept)."""
        key = _key(url)
        try:
            meta = json.loads(read_regular_file(self.root / f"{key}.json", _META_BYTES))
            body = read_regular_file(self.root / f"{key}.page", MAX_PAGE_BYTES)
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        fields = ("final_url", "media_type", "fetched_at")
        if not all(isinstance(meta.get(name), str) for name in fields):
            return None
        charset = meta.get("charset")
        page = Fetched(
            url,
            meta["final_url"],
            meta["media_type"],
            charset if isinstance(charset, str) else None,
            body,
        )
        return Kept(page, meta["fetched_at"])
