"""Benchmark inputs: the bundled interview grown to a given size, questions renumbered."""

from __future__ import annotations

from pathlib import Path

from tuireader.load import bundled_path

SIZES = {"1MB": 1_000_000, "10MB": 10_000_000, "50MB": 50_000_000}


def grown(size: int) -> str:
    """The interview's head once, its questions and answers repeated (each question
    tagged ``(Qn)`` so titles stay distinct), its comments and speech once at the end."""
    source = bundled_path().read_text(encoding="utf-8")
    start = source.index("Question:")
    end = source.index("Support SouthFront", start)
    head, body, tail = source[:start], source[start:end], source[end:]
    parts = [head]
    total = len(head.encode()) + len(tail.encode())
    number = 0
    pieces = body.split("Question:")[1:]
    while total < size:
        for piece in pieces:
            number += 1
            chunk = f"Question: (Q{number}) {piece.lstrip()}"
            parts.append(chunk)
            total += len(chunk.encode())
    parts.append(tail)
    return "".join(parts)


def make_inputs(folder: Path, names: list[str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"bundled": bundled_path()}
    for name in names:
        path = folder / f"interview-{name}.txt"
        if not path.exists() or abs(path.stat().st_size - SIZES[name]) > SIZES[name] * 0.1:
            path.write_text(grown(SIZES[name]), encoding="utf-8")
        paths[name] = path
    return paths


def one_line(folder: Path, size: int) -> Path:
    """A file of ``size`` bytes with no line break at all (words and spaces only)."""
    path = folder / f"one-line-{size // 1_000_000}MB.txt"
    if not path.exists() or path.stat().st_size != size:
        folder.mkdir(parents=True, exist_ok=True)
        word = b"transcript "
        with path.open("wb") as out:
            block = word * (1_000_000 // len(word))
            written = 0
            while written + len(block) <= size:
                out.write(block)
                written += len(block)
            out.write((word * (size - written))[: size - written])
    return path
