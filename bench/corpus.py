"""The corpus table: what the parser finds in each real document against its hand count.

    python bench/corpus.py [SLUG ...] [--skip SLUG ...] [--folder DIR]

One row per document of tests/corpus/ (each ``<slug>.txt|.md`` with its ``<slug>.yaml``):
questions found/expected, whether the first and last question start as counted, opening
statements found/expected, the section kinds, and OK or what differs; a total at the end.
Exit status 1 when a document differs. ``tests/corpus/test_corpus.py`` checks the same.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: make `tuireader` importable

from tuireader.load import open_document  # noqa: E402
from tuireader.model import Document, SectionKind  # noqa: E402

CORPUS = HERE.parent / "tests" / "corpus"


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@dataclass
class Case:
    slug: str
    path: Path
    expected: dict[str, Any]
    #: What the parser is known to find instead of a hand count (the yaml's
    #: ``parser_differs``: the values and a ``reason``); the count itself stays as counted.
    differs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    case: Case
    qa: int
    statements: int
    kinds: list[str]
    first: str | None
    last: str | None
    turns: int
    problems: list[str] = field(default_factory=list)


def cases(folder: Path = CORPUS) -> list[Case]:
    import yaml

    found: list[Case] = []
    for meta in sorted(folder.glob("*.yaml")):
        texts = [p for p in (meta.with_suffix(".txt"), meta.with_suffix(".md")) if p.exists()]
        if not texts:
            continue
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        found.append(Case(meta.stem, texts[0], data["expected"], data.get("parser_differs") or {}))
    return found


def _first_words(document: Document, kind: SectionKind, last: bool = False) -> str | None:
    chosen = [s for s in document.walk() if s.kind is kind and s.passages]
    if not chosen:
        return None
    # The first words, not the quotation marks a quoted examination opens each turn with.
    return squash(chosen[-1 if last else 0].passages[0].text).lstrip("\"“‘'")


def _turns(document: Document) -> int:
    """Speaker changes in the exchanges: a dialogue's turns when they alternate."""
    count = 0
    previous: str | None = None
    for section in document.walk():
        if section.kind is not SectionKind.EXCHANGE:
            continue
        for passage in section.passages:
            if passage.speaker is not None and passage.speaker != previous:
                count += 1
            previous = passage.speaker
    return count


def check(case: Case) -> Result:
    document = open_document(case.path)
    kinds: list[str] = []
    for section in document.walk():
        if section.kind.value not in kinds:
            kinds.append(section.kind.value)
    result = Result(
        case,
        qa=len(document.questions()),
        statements=sum(1 for s in document.walk() if s.kind is SectionKind.STATEMENT),
        kinds=kinds,
        first=_first_words(document, SectionKind.QA),
        last=_first_words(document, SectionKind.QA, last=True),
        turns=_turns(document),
    )
    want = case.expected
    problems = result.problems
    if result.qa != want["qa"]:
        problems.append(f"qa {result.qa} (expected {want['qa']})")
    for name, got in (("first_question", result.first), ("last_question", result.last)):
        words = want.get(name)
        if words and not (got or "").startswith(squash(words)):
            problems.append(f"{name} {(got or '-')[:40]!r}")
    if result.statements != want.get("statements", 0):
        problems.append(f"statements {result.statements} (expected {want.get('statements', 0)})")
    if kinds != want["kinds"]:
        problems.append(f"kinds {kinds}")
    if want.get("first_turn"):
        first = _first_words(document, SectionKind.EXCHANGE)
        if not (first or "").startswith(squash(want["first_turn"])):
            problems.append(f"first_turn {(first or '-')[:40]!r}")
    return result


def table(results: list[Result]) -> str:
    width = max((len(r.case.slug) for r in results), default=8)
    head = f"{'document':<{width}}  {'qa':>9}  {'first':>5}  {'last':>5}  {'stmts':>7}  result"
    rows = [head, "-" * len(head)]
    for r in results:
        want = r.case.expected
        first_ok = "-" if not want.get("first_question") else "ok"
        last_ok = "-" if not want.get("last_question") else "ok"
        if any(p.startswith("first_question") for p in r.problems):
            first_ok = "NO"
        if any(p.startswith("last_question") for p in r.problems):
            last_ok = "NO"
        qa = f"{r.qa}/{want['qa']}"
        stmts = f"{r.statements}/{want.get('statements', 0)}"
        verdict = "OK" if not r.problems else "; ".join(r.problems)
        if r.problems and r.case.differs:
            verdict += " (known: see its yaml's parser_differs)"
        if SectionKind.EXCHANGE.value in want["kinds"] and want.get("turns"):
            verdict += f" (turns {r.turns}/{want['turns']})"  # told, not judged: see README
        rows.append(
            f"{r.case.slug:<{width}}  {qa:>9}  {first_ok:>5}  {last_ok:>5}  {stmts:>7}  {verdict}"
        )
    passed = sum(1 for r in results if not r.problems)
    found = sum(r.qa for r in results)
    expected = sum(r.case.expected["qa"] for r in results)
    rows.append("-" * len(head))
    rows.append(f"{'total':<{width}}  {f'{found}/{expected}':>9}  {passed}/{len(results)} exact")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("slugs", nargs="*", help="only these documents")
    parser.add_argument("--skip", action="append", default=[], help="leave this document out")
    parser.add_argument(
        "--folder", type=Path, default=CORPUS, help="another folder of documents (a hold-out set)"
    )
    args = parser.parse_args(argv)
    chosen = [
        c
        for c in cases(args.folder)
        if (not args.slugs or c.slug in args.slugs) and c.slug not in args.skip
    ]
    results = [check(case) for case in chosen]
    print(table(results))
    return 0 if all(not r.problems for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
