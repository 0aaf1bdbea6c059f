"""Fetching a page over HTTP(S), with every limit a person would want and every failure told
in one plain sentence. Headless; the standard library only (``urllib``).

Only ``http:`` and ``https:`` addresses are fetched: ``file:`` and every other scheme are
refused, also as the target of a redirect. A fetch has a timeout (for connecting and for each
wait on the server) and a deadline for the whole body, a size cap (checked against
``Content-Length`` before reading and again while reading), a redirect limit, and accepts
only what can be read as a document: HTML, XHTML, plain text and Markdown.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from tuireader import __version__
from tuireader.text import DocumentError

#: Seconds to wait for a connection, and for the server each time we wait on it.
TIMEOUT = 20.0
#: Seconds the whole page may take to arrive (a server that trickles bytes).
DEADLINE = 120.0
#: The largest page fetched (the HTML, before its text is extracted).
MAX_PAGE_BYTES = 32 * 1024 * 1024
MAX_REDIRECTS = 5

#: Media types read as documents; a response without one is looked at instead.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
FETCHED_SCHEMES = ("http", "https")

_MIB = 1024 * 1024
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8"


class FetchError(DocumentError):
    """A page could not be fetched; the message is one plain sentence for the user."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as it arrived: ``url`` as asked, ``final_url`` after redirects."""

    url: str
    final_url: str
    media_type: str  # "" when the server named none
    charset: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = TIMEOUT
    deadline: float = DEADLINE
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = MAX_REDIRECTS  # at most 9 (urllib's own limit is 10)


def _size(count: int) -> str:
    return f"{count // _MIB} MiB" if count >= _MIB else f"{count} bytes"


def check_address(url: str) -> None:
    """Refuse, in one sentence, an address that is not fetched (FetchError)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        raise FetchError(
            f"{url} is a file: address, which is not fetched; open the file by its path instead."
        )
    if scheme not in FETCHED_SCHEMES:
        raise FetchError(
            f"{url} is not fetched: only http: and https: addresses are, not {scheme}: ones."
        )
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        host = None
    if not host:
        raise FetchError(f"{url} is not a valid web address (it names no host).")


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, and only to http: or https: addresses. (The base
    class gives up after 10 with a message of its own: ``limit`` is kept below that.)"""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__()
        self.url = url
        self.limit = min(limit, self.max_redirections - 1)
        self.count = 0

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target:
            scheme = urlsplit(urljoin(req.full_url, target)).scheme.lower()
            if scheme not in FETCHED_SCHEMES:
                raise FetchError(
                    f"{self.url} redirects to a {scheme}: address, which is not fetched."
                )
            self.count += 1
            if self.count > self.limit:
                raise FetchError(
                    f"{_host(self.url)} redirected more than {self.limit} times, "
                    f"so {self.url} was not fetched."
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def network_message(url: str, error: BaseException, limits: Limits) -> str:
    """One sentence for a failure to reach ``url`` (DNS, refused, timeout, TLS …)."""
    host = _host(url)
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, socket.gaierror):
        return f"The address {host} could not be found (there is no such host, or no network)."
    if isinstance(error, ConnectionRefusedError):
        return f"{host} refused the connection, so {url} was not fetched."
    if isinstance(error, TimeoutError | socket.timeout):
        return f"{host} did not answer within {limits.timeout:g} seconds, so {url} was not fetched."
    if isinstance(error, ssl.SSLCertVerificationError):
        why = error.verify_message or _reason(error)
        return f"The secure connection to {host} failed: its certificate was refused ({why})."
    if isinstance(error, ssl.SSLError):
        why = error.reason or _reason(error)
        return f"The secure connection to {host} failed ({why}), so {url} was not fetched."
    if isinstance(error, ConnectionError | http.client.HTTPException):
        return f"{host} closed the connection before the page was complete."
    if isinstance(error, urllib.error.URLError):
        return f"{url} could not be fetched: {error.reason}."
    return f"{url} could not be fetched: {_reason(error)}."


def _read_body(response: Any, url: str, limits: Limits, started: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > limits.max_bytes:
        raise FetchError(
            f"{url} is {_size(int(length))}, larger than the {_size(limits.max_bytes)} "
            "this reader fetches."
        )
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(
                f"{url} is larger than the {_size(limits.max_bytes)} this reader fetches."
            )
        if time.monotonic() - started > limits.deadline:
            raise FetchError(
                f"{_host(url)} took more than {limits.deadline:g} seconds to send {url}, "
                "so it was not opened."
            )
    return b"".join(chunks)


def fetch(url: str, limits: Limits | None = None) -> Fetched:
    """The page at ``url``; FetchError, in one sentence, for any failure."""
    limits = limits or Limits()
    check_address(url)
    opener = urllib.request.build_opener(_Redirects(url, limits.max_redirects))
    request = urllib.request.Request(
        url, headers={"User-Agent": f"tuireader/{__version__}", "Accept": _ACCEPT}
    )
    started = time.monotonic()
    try:
        with opener.open(request, timeout=limits.timeout) as response:
            headers = response.headers
            media = headers.get_content_type() if headers.get("Content-Type") else ""
            if media and media not in PAGE_TYPES | TEXT_TYPES:
                raise FetchError(f"{url} is {media}, not a web page or text, so it was not opened.")
            body = _read_body(response, url, limits, started)
            return Fetched(url, response.geturl(), media, headers.get_content_charset(), body)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        reason = f" {error.reason}" if error.reason else ""
        raise FetchError(
            f"{_host(url)} answered {error.code}{reason} for {url}, so it was not opened."
        ) from None
    except http.client.InvalidURL:
        raise FetchError(f"{url} is not a valid web address.") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(network_message(url, error, limits)) from None
