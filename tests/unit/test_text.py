"""Text intake: decoding, normalising, making control characters harmless."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.text import (
    DocumentError,
    decode,
    has_line_over,
    make_controls_visible,
    read_document,
)


def test_utf8_with_bom() -> None:
    assert decode("\ufeffhé".encode()).text == "hé"


def test_utf16_with_bom() -> None:
    assert decode("Question: x?".encode("utf-16")).text == "Question: x?"


def test_invalid_utf8_is_replaced_with_a_warning() -> None:
    decoded = decode(b"ok \xff\xfe bad", "doc.txt")
    assert decoded.text.startswith("ok ") and "\ufffd" in decoded.text
    assert len(decoded.warnings) == 1 and "doc.txt" in decoded.warnings[0]


def test_binary_is_refused() -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x7fELF\x00\x00\x01")


def test_newlines_and_nfc() -> None:
    assert decode(b"a\r\nb\rc").text == "a\nb\nc"
    assert decode("e\u0301".encode()).text == "\u00e9"


def test_controls_visible_one_for_one() -> None:
    raw = "a\x1b[31mb\x07c\x9bd\te\nf\x7f"
    shown = make_controls_visible(raw)
    assert len(shown) == len(raw)
    assert shown == "a\u241b[31mb\u2407c\u2426d\te\nf\u2421"
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in shown)


def test_read_document_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_utf32_and_utf16_with_a_bom(codec: str) -> None:
    """UTF-32's little-endian BOM starts like UTF-16's: it used to be read as UTF-16."""
    text = "Question: Élysée? 🙂"
    data = text.encode(codec)
    if codec != "utf-32":  # the explicit-endian codecs write no BOM: put one first
        data = "\ufeff".encode(codec) + data
    decoded = decode(data)
    assert decoded.text == text and decoded.warnings == ()


def test_a_line_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    """The bound is checked on the bytes before anything large is built (a 500 MB line ran
    out of memory); it is the same logic at any size, so a small one is tried here."""
    path = tmp_path / "one-line.txt"
    path.write_bytes(b"word " * 300 + b"\n\nshort\n")
    with pytest.raises(DocumentError, match="has a line longer than"):
        read_document(path, max_line=1000)
    assert read_document(path, max_line=1500).text.startswith("word")


@pytest.mark.parametrize(
    ("data", "over"),
    [
        (b"", False),
        (b"x" * 10, False),
        (b"x" * 11, True),
        (b"x" * 10 + b"\n" + b"y" * 10, False),
        (b"x" * 10 + b"\n" + b"y" * 11, True),
        (b"x\n" * 50 + b"y" * 11 + b"\n" + b"z\n" * 50, True),
        ((b"x" * 9 + b"\n") * 100, False),
    ],
)
def test_has_line_over(data: bytes, over: bool) -> None:
    assert has_line_over(data, 10) is over
