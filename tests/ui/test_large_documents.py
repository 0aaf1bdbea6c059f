"""A 10 MB transcript: it parses right, and the reader opens it from a preview of its start
while the rest is read in a thread, then moves through it with n."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.inputs import grown
from tests.helpers.reader import until, where
from tuireader.load import open_document
from tuireader.model import Document, SectionKind
from tuireader.ui.app import ReaderApp


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "interview-10MB.txt"
    path.write_text(grown(10_000_000), encoding="utf-8")
    return path


def test_10mb_parses_to_the_right_sections(big_file: Path) -> None:
    document = open_document(big_file)
    questions = document.questions()
    repeats = len(questions) // 10
    assert len(questions) == repeats * 10 and repeats >= 300
    assert [s.id for s in document.sections[:2]] == ["intro", "qa-1"]
    assert document.sections[-2].id == "comments" and document.sections[-1].id == "speech"
    assert len(document.sections[-2].children) == 4
    assert questions[41].title.startswith("(Q42) ")
    assert all(s.kind is SectionKind.QA for s in questions)


async def test_reader_opens_10mb_from_a_preview(big_file: Path) -> None:
    preview = open_document(big_file, preview=True)
    assert preview.partial and len(preview.questions()) < 200

    def rest() -> tuple[Document, None]:
        return open_document(big_file), None

    app = ReaderApp(preview, path=big_file, rest=rest)
    async with app.run_test(size=(100, 30)) as pilot:
        assert where(app) == ("intro", 0)
        await until(pilot, lambda: not app.reader.document.partial)
        assert len(app.reader.document.questions()) > 4000
        await pilot.press("n", "n")
        assert where(app) == ("qa-2", 0)
        app.reader.open_section("qa-4000")
        await pilot.pause()
        await pilot.press("n")
        assert where(app) == ("qa-4001", 0)
