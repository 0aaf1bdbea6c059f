"""Whole-text steps done a slice at a time give exactly what the whole-text call gives."""

from __future__ import annotations

import hashlib
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tuireader import chunked

# Small slices, so that short drawn texts are cut many times.
TEXT = st.text(st.characters(codec="utf-8", categories=None), max_size=300)
LINES = st.lists(st.sampled_from(["a", "é", "\r", "\r\n", "\n", "\u0301", "xyz", " "]))


@given(st.one_of(TEXT, LINES.map("".join)))
def test_slices_put_back_together_are_the_text(text: str) -> None:
    parts = list(chunked.slices(text, 5))
    assert "".join(parts) == text
    for part, after in pairwise(parts):  # never a CRLF pair cut
        assert not (part.endswith("\r") and after.startswith("\n"))


@given(st.one_of(TEXT, LINES.map("".join)))
def test_split_lines_is_split(text: str) -> None:
    saved = chunked.SLICE
    chunked.SLICE = 4
    try:
        assert chunked.split_lines(text) == text.split("\n")
    finally:
        chunked.SLICE = saved


@given(TEXT)
def test_the_fingerprint_and_the_decoding_are_the_whole_texts(text: str) -> None:
    saved = chunked.SLICE
    chunked.SLICE = 3
    try:
        expected = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        assert chunked.sha256_utf8(text) == expected
        assert chunked.decode_utf8(text.encode()) == text
        assert chunked.decode_utf8(b"\xef\xbb\xbf" + text.encode()) == text  # a BOM
    finally:
        chunked.SLICE = saved


def test_normalising_a_slice_at_a_time_is_normalising() -> None:
    from tuireader.text import _normalise_slice, normalise

    saved = chunked.SLICE
    chunked.SLICE = 8
    try:
        text = "line one\r\nline two\rcafe\u0301 \x1b[2J end\n" * 5
        assert normalise(text) == _normalise_slice(text)
        clean = "nothing to change here\n" * 5
        assert normalise(clean) is clean  # an unchanged text is not copied
    finally:
        chunked.SLICE = saved
