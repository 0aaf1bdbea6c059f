"""Text intake: decoding, normalising, making control characters harmless."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.text import DocumentError, decode, make_controls_visible, read_document


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
