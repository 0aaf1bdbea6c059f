"""The benchmark table: first paint, frames and bytes, key latency, memory, search, notes.

    python bench/run.py [--runs N] [--sizes 10MB,50MB] [--notes 10000] [--huge]
                        [--write docs/performance.md]

Every figure comes from a real pseudo-terminal at 100x30 read as a person sees it
(bench/session.py), in fresh processes, paired in each round with a minimal Textual app.
"Painted" means the document's first sentence is on one line at the real width — not a
first frame wrapped at a guessed width and redrawn later. Inputs go to bench/out/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: make `bench` and `tests` importable

from bench.inputs import make_inputs, one_line  # noqa: E402
from bench.session import Session  # noqa: E402
from bench.targets import targets_table  # noqa: E402

#: The bundled interview's first sentence (every input starts with it); whole only once
#: the text is wrapped at the real width.
FIRST_SENTENCE = "This interview shows that Russia continues"
MINIMAL_WORDS = "hello-minimal-textual"
SIZE = (100, 30)

Results = dict[str, list[float]]


def tuireader_argv(path: Path | None) -> list[str]:
    command = Path(sys.executable).with_name("tuireader")
    return [str(command), *([str(path)] if path else [])]


def minimal_paint(env: dict[str, str]) -> tuple[float, float]:
    """The minimal Textual app's first paint, and its peak memory (the floor)."""
    session = Session([sys.executable, str(HERE / "minimal_app.py")], env, *SIZE)
    try:
        seconds = session.paint(MINIMAL_WORDS).seconds
        session.settle(0.3)
        return seconds, session.rss_mib("VmHWM")
    finally:
        session.close()


def _string_mib(text: str) -> float:
    """What the text alone takes as a Python string (1, 2 or 4 bytes a character)."""
    return sys.getsizeof(text) / (1024 * 1024)


def reader_run(path: Path | None, env: dict[str, str], questions: int) -> dict[str, float]:
    """One start of the reader and a person's first keys."""
    # At the start of the document each round, though the rounds before moved on: the
    # reader reopens where it was left, and the first sentence is what is waited for.
    session = Session([*tuireader_argv(path), "--at", "intro"], env, *SIZE)
    out: dict[str, float] = {}
    try:
        paint = session.paint(FIRST_SENTENCE)
        out["paint"], out["frames"] = paint.seconds, paint.frames_before
        partial = session.terminal.visible("reading the rest")
        session.watch_until_gone("reading the rest")
        if not partial:  # what start writes, before any key
            out["start bytes"] = session.bytes_until_quiet(0.5)
        # Keys while a large file is still being read (its preview is on screen).
        during, moved = [], 0
        for _ in range(3):  # the first output in answer: the frame with the move
            latency, written = session.key("j")
            during.append(latency)
            moved += written
        out["j while reading"] = max(during)
        while session.gone_at is None:
            if time.perf_counter() - session.terminal.started > 300:
                raise TimeoutError("the whole document was never read")
            session.settle(0.05)
        out["loaded"] = session.gone_at
        if partial:  # start is until the whole document is shown; the j presses are not
            out["start bytes"] = session.bytes_until_quiet(0.5) - moved
        latencies, n_bytes = [], []
        for number in range(1, 4):
            latency, written = session.key("n", until=f"Q{number}/{questions} ·")
            latencies.append(latency)
            n_bytes.append(written)
        out["n"] = statistics.median(latencies)
        out["n bytes first"], out["n bytes"] = n_bytes[0], statistics.median(n_bytes[1:])
        out["j"], out["j bytes"] = session.key("j", until="passage 2/")  # on Q3, passage 1
        out["space"], out["space bytes"] = session.key(" ")
        out["rss peak"] = session.rss_mib("VmHWM")
        session.settle(1.0)
        out["rss settled"] = session.rss_mib("VmRSS")
        session.key("/", until="search the text")
        session.terminal.send("sanction")
        shown, _ = session.key("s", until="matches in")
        out["search shown"] = shown
        return out
    finally:
        session.close()


def _search_all(document: object, query: object) -> int:
    from tuireader.model import Document
    from tuireader.search import Query, search_document

    assert isinstance(document, Document) and isinstance(query, Query)
    return sum(1 for _ in search_document(document, query))


def timed(function: Callable[[], object], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        values.append(time.perf_counter() - start)
    return values


def med(values: list[float]) -> float:
    return statistics.median(values)


def fmt(values: list[float], scale: float = 1000, unit: str = "ms") -> str:
    return f"{med(values) * scale:.0f} {unit} ({min(values) * scale:.0f}–{max(values) * scale:.0f})"


def measure_document(
    name: str, path: Path | None, env: dict[str, str], runs: int, notes_home: bool = False
) -> dict[str, list[float]]:
    """``notes_home``: ``env`` points at a data folder with notes to keep for every run."""
    from tuireader.load import bundled_path, open_document
    from tuireader.parse import parse_document
    from tuireader.search import Query
    from tuireader.text import read_document

    document = open_document(path)
    questions = len(document.questions())
    results: Results = {"minimal": [], "minimal rss": [], "questions": [float(questions)]}
    for _ in range(runs):
        seconds, rss = minimal_paint(env)
        results["minimal"].append(seconds)
        results["minimal rss"].append(rss)
        with tempfile.TemporaryDirectory() as fresh:  # no reading position from a last run
            if notes_home:  # the notes as they were made, in a copy for this run
                shutil.copytree(env["XDG_DATA_HOME"], fresh, dirs_exist_ok=True)
            run_env = {**env, "XDG_DATA_HOME": fresh}
            for key, value in reader_run(path, run_env, questions).items():
                results.setdefault(key, []).append(value)
    text = read_document(path or bundled_path()).text
    results["text MiB"] = [_string_mib(text)]
    results["parse"] = timed(partial(parse_document, text, "bench"), 3)
    results["search"] = timed(partial(_search_all, document, Query("sanctions")), 3)
    print(f"{name}: " + ", ".join(f"{k} {med(v):.3g}" for k, v in results.items()), flush=True)
    return results


def with_notes(count: int, data_home: Path, cache: bool) -> None:
    """``count`` notes on the bundled interview in the data folder under ``data_home``."""
    from tuireader.load import open_document
    from tuireader.store import NotesStore

    document = open_document(None)
    passages = [p.id for s in document.walk() for p in s.passages]
    notes = NotesStore(data_home / "tuireader").open(document, None)
    for number in range(count):
        notes.add_note(passages[number % len(passages)], f"Note {number}: a thought")
    notes.save()
    if not cache:
        notes.cache_file.unlink()


@dataclass
class Huge:
    size_mb: float
    first_screen: float | None  # seconds until the first screen, None if it never came
    rss_peak: float  # MiB
    refused: str  # what the program said if it refused the file ("" if it opened it)


def measure_huge(env: dict[str, str], folder: Path) -> Huge:
    """A 200 MB file with no line break: its first screen, or a clear refusal."""
    path = one_line(folder, 200_000_000)
    session = Session(tuireader_argv(path), env, *SIZE)
    first: float | None = None
    try:
        start = session.terminal.started
        while not session.terminal.exited() and time.perf_counter() - start < 120:
            session._read(0.05)
            if first is None and session.terminal.visible("passage 1/"):
                first = time.perf_counter() - start
            if first is not None and not session.terminal.visible("reading the rest"):
                break
        peak = session.rss_mib("VmHWM") if not session.terminal.exited() else 0.0
        refused = session.terminal.text().strip() if session.terminal.exited() else ""
        return Huge(path.stat().st_size / 1e6, first, peak, refused)
    finally:
        session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10MB,50MB")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--huge", action="store_true", help="also the 200 MB one-line file")
    parser.add_argument("--write", metavar="FILE", help="also write the results as Markdown")
    args = parser.parse_args()
    sizes = [s for s in args.sizes.split(",") if s]
    inputs = make_inputs(HERE / "out", sizes)
    _compile_bytecode()
    raw: dict[str, Results] = {}
    with tempfile.TemporaryDirectory() as home:
        # The defaults, not the settings of whoever runs the benchmark (an empty folder).
        env = {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "XDG_DATA_HOME": home,
            "XDG_CONFIG_HOME": home,
            "TUIREADER_CONFIG": "",
        }
        for name, path in inputs.items():
            runs = args.runs if name != "50MB" else max(2, args.runs // 2)
            raw[name] = measure_document(name, None if name == "bundled" else path, env, runs)
        if args.notes:
            for cache in (True, False):
                with tempfile.TemporaryDirectory() as notes_home:
                    with_notes(args.notes, Path(notes_home), cache)
                    notes_env = {**env, "XDG_DATA_HOME": notes_home}
                    label = f"{args.notes} notes" + ("" if cache else ", no cache")
                    raw[label] = measure_document(label, None, notes_env, args.runs, True)
    huge = measure_huge(env, HERE / "out") if args.huge else None
    table = _table(raw)
    report = targets_table(raw, huge)
    print()
    print(table)
    print()
    print(report)
    if args.write:
        Path(args.write).write_text(_document(table, report), encoding="utf-8")
    return 0


def _compile_bytecode() -> None:
    """Write tuireader's .pyc files first, as pip does on install: an editable install run
    with PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start."""
    import compileall

    import tuireader

    compileall.compile_dir(Path(tuireader.__file__).parent, quiet=1)


HEADERS = [
    "document",
    "first paint",
    "minimal app",
    "ratio",
    "frames before",
    "j while reading",
    "all read",
    "n",
    "bytes: start / j / n / space",
    "peak / settled RSS",
    "search shown",
]


def _table(raw: dict[str, Results]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for name, r in raw.items():
        ratio = med(r["paint"]) / med(r["minimal"])
        row = [
            f"{name} ({int(r['questions'][0])} Q)",
            fmt(r["paint"]),
            fmt(r["minimal"]),
            f"{ratio:.2f}×",
            f"{med(r['frames']):.0f}",
            fmt(r["j while reading"]),
            fmt(r["loaded"]),
            fmt(r["n"]),
            f"{med(r['start bytes']) / 1024:.1f} / {med(r['j bytes']) / 1024:.1f} / "
            f"{med(r['n bytes']) / 1024:.1f} / {med(r['space bytes']) / 1024:.1f} KB",
            f"{med(r['rss peak']):.0f} / {med(r['rss settled']):.0f} MiB",
            fmt(r["search shown"]),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def _document(table: str, report: str) -> str:
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    template = (HERE / "performance-template.md").read_text(encoding="utf-8")
    return template.format(
        date=dt.date.today().isoformat(), machine=machine, table=table, targets=report
    )


if __name__ == "__main__":
    raise SystemExit(main())
