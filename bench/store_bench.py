"""Notes store load and save with 10,000 notes on one document (target: under 200 ms each).

python bench/store_bench.py [--notes N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tuireader.load import open_document
from tuireader.store import NotesStore


def measure(count: int, runs: int) -> dict[str, list[float]]:
    document = open_document(None)
    passages = [p.id for s in document.walk() for p in s.passages]
    times: dict[str, list[float]] = {"save": [], "load": [], "load (no cache)": []}
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        notes = NotesStore(data_dir).open(document)
        for n in range(count):
            notes.add_note(passages[n % len(passages)], f"Note {n}: a thought\nwith two lines.")
        notes.save()
        for run in range(runs):
            notes.add_note(passages[run], f"one more {run}")
            start = time.perf_counter()
            notes.save()
            times["save"].append(time.perf_counter() - start)
            start = time.perf_counter()
            loaded = NotesStore(data_dir).open(document)
            times["load"].append(time.perf_counter() - start)
            assert len(loaded.notes()) == count + run + 1
        notes.cache_file.unlink()
        start = time.perf_counter()
        NotesStore(data_dir).open(document)
        times["load (no cache)"].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for name, values in measure(args.notes, args.runs).items():
        print(
            f"{name:<16} {args.notes} notes: median {statistics.median(values) * 1000:6.0f} ms"
            f"  (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
        )


if __name__ == "__main__":
    main()
