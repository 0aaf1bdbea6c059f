"""Text intake: from a file's bytes to clean, safe, normalised text.

Everything a document holds reaches the terminal eventually, so this is where it is made
harmless: C0/C1 control characters (other than tab and newline) become visible symbols, one
character for one so that offsets stay valid. Undecodable bytes are replaced, never fatal.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tuireader.chunked import decode_utf8, map_slices
from tuireader.safe_read import FileTooLargeError, NotRegularFileError, read_regular_file

#: How far into a file a NUL byte marks it as binary.
BINARY_SNIFF_BYTES = 8192

#: The largest file we agree to open (a transcript is text; 1 GiB is not a transcript).
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

#: The longest line we agree to open. Parsing takes about fifteen times a paragraph's size
#: in memory, and a paragraph is at least a line: a 500 MB line ran out of memory.
MAX_LINE_BYTES = 16 * 1024 * 1024

_MIB = 1024 * 1024

_C1_SYMBOL = "\u2426"  # ␦: no control picture exists for C1 codes; one shared symbol


def _control_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in "\t\n":
            table[code] = chr(0x2400 + code)  # ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = _C1_SYMBOL
    return table


_CONTROL_TABLE = _control_table()
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DocumentError(Exception):
    """A document cannot be opened; the message is one plain sentence for the user."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    warnings: tuple[str, ...] = ()
    complete: bool = True  # False for the start of a larger file (see read_document)


def make_controls_visible(text: str) -> str:
    """Map C0/C1 control characters except tab and newline to visible symbols, 1:1."""
    if _CONTROL_RE.search(text) is None:
        return text
    return text.translate(_CONTROL_TABLE)


def _normalise_slice(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return make_controls_visible(text)


def normalise(text: str) -> str:
    """CRLF/CR to LF, Unicode NFC, control characters made visible (a slice at a time:
    see :mod:`tuireader.chunked`)."""
    return map_slices(_normalise_slice, text)


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:BINARY_SNIFF_BYTES]


def decode(data: bytes, name: str = "the file") -> DecodedText:
    """Decode bytes as UTF-8 (a BOM is allowed; UTF-16 and UTF-32 with a BOM too) and
    normalise.

    Raises DocumentError for binary data. Undecodable bytes become U+FFFD with a warning.
    """
    warnings: list[str] = []
    # UTF-32's little-endian BOM begins with UTF-16's (FF FE), so it is looked for first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raw = data.decode("utf-32", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = data.decode("utf-16", errors="replace")
    elif looks_binary(data):
        raise DocumentError(f"{name} looks like a binary file, not text, so it was not opened.")
    else:
        try:
            raw = decode_utf8(data)
        except UnicodeDecodeError:
            raw = decode_utf8(data, errors="replace")
            bad = raw.count("\ufffd") - data.count("\ufffd".encode())
            warnings.append(
                f"{name} is not valid UTF-8: {max(bad, 1)} undecodable byte sequence(s) "
                "are shown as \ufffd."
            )
    return DecodedText(normalise(raw), tuple(warnings))


def has_line_over(data: bytes, limit: int) -> bool:
    """True if a line of ``data`` holds more than ``limit`` bytes. Quick on large files:
    it steps from the last line break within each ``limit`` bytes to the next."""
    start = 0
    while len(data) - start > limit:
        newline = data.rfind(b"\n", start, start + limit + 1)
        if newline == -1:
            return True
        start = newline + 1
    return False


def read_document(
    path: Path, limit: int | None = None, *, max_line: int = MAX_LINE_BYTES
) -> DecodedText:
    """Read and decode a document file, turning every OS failure into one plain sentence.

    Only a regular file is read (a pipe or a device such as /dev/zero is refused), and
    only up to MAX_DOCUMENT_BYTES, with no line longer than ``max_line``. With ``limit``, a
    file larger than that gives only its start, cut at a paragraph break (``complete`` is
    then False): enough to show the first screen of a huge file at once.
    """
    data = read_file_bytes(path, head=limit + 1 if limit is not None else None)
    return decode_document(data, str(path), limit, max_line=max_line)


def read_file_bytes(
    path: Path, limit: int = MAX_DOCUMENT_BYTES, *, head: int | None = None
) -> bytes:
    """The bytes of a document file (a regular file, up to ``limit``; with ``head``, only its
    first ``head`` bytes), every OS failure told as one plain sentence (DocumentError)."""
    name = str(path)
    try:
        return read_regular_file(path, limit, head=head)
    except FileNotFoundError:
        raise DocumentError(f"{name} does not exist.") from None
    except PermissionError:
        raise DocumentError(f"{name} cannot be read: permission denied.") from None
    except IsADirectoryError:
        raise DocumentError(f"{name} is a folder, not a file.") from None
    except NotRegularFileError as error:
        if error.what == "a folder":
            raise DocumentError(f"{name} is a folder, not a file.") from None
        raise DocumentError(
            f"{name} is {error.what}, not a regular file, so it was not opened."
        ) from None
    except FileTooLargeError as error:
        raise DocumentError(
            f"{name} is {error.size // _MIB} MiB, larger than the "
            f"{error.limit // _MIB} MiB this reader opens."
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DocumentError(f"{name} cannot be read: {reason}.") from None


def decode_document(
    data: bytes, name: str, limit: int | None = None, *, max_line: int = MAX_LINE_BYTES
) -> DecodedText:
    """A document's bytes, however they came (a file, standard input), checked and decoded;
    with ``limit``, only the start of a larger text, cut at a paragraph break."""
    if has_line_over(data, max_line):
        raise DocumentError(
            f"{name} has a line longer than {max(max_line // _MIB, 1)} MiB, more than this "
            "reader opens (a text this large needs line breaks)."
        )
    if limit is not None and len(data) > limit:
        cut = data.rfind(b"\n\n", 0, limit)
        cut = cut if cut > 0 else data.rfind(b"\n", 0, limit)
        part = decode(data[: cut if cut > 0 else limit], name)
        return DecodedText(part.text, part.warnings, complete=False)
    return decode(data, name)


def read_stream(stream: BinaryIO, name: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """All of a stream (standard input), up to ``limit`` bytes; DocumentError past it."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(1024 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise DocumentError(
                f"{name} is more than {limit // _MIB} MiB, larger than this reader opens."
            )
    return b"".join(chunks)
