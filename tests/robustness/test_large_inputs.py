"""Large and pathological inputs for every reader this suite times: the work stays linear.

Each case is timed into figures.json (`slowest_case_per_reader`) and never asserted on: the
assertions are on the work done (blocks found, characters repaired, notes listed). `make
test` uses small sizes; `make fuzz` (MISMA_LUNA_FUZZ=1) uses the documented limits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from misma_luna.core.base.text_decoding import decode_bytes
from misma_luna.core.notes.export import write_export
from misma_luna.core.notes.store import NotesStore, notes_path
from misma_luna.core.review import links
from misma_luna.core.review.markdown import (
    MAX_REVIEW_MARKUP,
    ReviewTooLongError,
    inline_html,
    parse_review,
    plain_text,
)

from . import figures
from .conftest import FUZZ

SIZE = 1_000_000 if FUZZ else 40_000  # characters per case
NOTES = 10_000 if FUZZ else 60
NOTE_CHARS = 100_000 if FUZZ else 5_000

PATHOLOGICAL_MARKDOWN: dict[str, Callable[[int], str]] = {
    "one unbroken word": lambda n: "a" * n,
    "run of [": lambda n: "[" * n,
    "run of ]": lambda n: "]" * n,
    "unclosed links": lambda n: "[a](" * (n // 4),
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "emphasis": lambda n: "*a" * (n // 2),
    "underscores": lambda n: "_a" * (n // 2),
    "backticks": lambda n: "`a" * (n // 2),
    "growing backtick runs": lambda n: "".join("`" * k + "a" for k in range(1, 300))[:n],
    "images": lambda n: "![" * (n // 2),
    "angle brackets": lambda n: "<a" * (n // 2),
    "entities": lambda n: "&a" * (n // 2),
    "markup in short paragraphs": lambda n: "[*_`x\n\n" * (n // 8),
    "quote per line": lambda n: "> a\n" * (n // 4),
    "list item per line": lambda n: "- a\n" * (n // 4),
}


def _render(source: str) -> int:
    """Parse a review and render each block for screen, print and search; the blocks made."""
    try:
        review = parse_review(source)
    except ReviewTooLongError:
        return -1
    for block in review.blocks:
        inline_html(block.text)
        inline_html(block.text, print_links=True)
        plain_text(block.text)
    return len(review.blocks)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_MARKDOWN))
def test_review_markdown_is_read_in_linear_time(name: str) -> None:
    source = PATHOLOGICAL_MARKDOWN[name](SIZE)
    made = figures.timed(
        "review Markdown", f"{name}, {len(source):,} chars", lambda: _render(source)
    )
    assert made >= -1
    html = inline_html(source[:2000])
    assert "<script" not in html


def test_too_much_markup_is_refused_with_the_limit() -> None:
    with pytest.raises(ReviewTooLongError) as refused:
        parse_review("[" * (MAX_REVIEW_MARKUP + 1))
    assert str(MAX_REVIEW_MARKUP) in refused.value.message


@pytest.mark.parametrize("copies", [1, 2])
def test_mojibake_repair_is_linear(copies: int) -> None:
    once = ("La niña está aquí, ¿qué? Ñandú. " * (SIZE // 33)).encode("utf-8").decode("latin-1")
    broken = once if copies == 1 else once.encode("utf-8").decode("cp1252", errors="replace")
    data = broken.encode("utf-8")
    decoded = figures.timed(
        "mojibake repair",
        f"encoded {copies + 1} times, {len(data):,} bytes",
        lambda: decode_bytes(data),
    )
    assert decoded.repaired >= SIZE // 33  # at least one character per sentence
    assert "niña" in decoded.text[:40]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.google.com/url?q=" * 10 + "https://example.com/" + "a" * 1000,
        "https://example.com/?" + "&".join(f"utm_{i}=x" for i in range(2000)),
        "mailto:a@example.com?" + "&attach=/etc/passwd" * 2000,
        "https://" + "a." * 20_000 + "com/\u202e",
        "https://example.com/" + "%" * 50_000,
    ],
)
def test_link_inspection_is_linear(url: str) -> None:
    report = figures.timed(
        "links", f"{url[:24]!r}…, {len(url):,} chars", lambda: links.inspect_link(url)
    )
    assert report.destination
    assert "attach=" not in report.destination.lower() or report.scheme != "mailto"


@pytest.fixture(scope="module")
def many_notes(tmp_path_factory: pytest.TempPathFactory) -> NotesStore:
    folder = tmp_path_factory.mktemp("many notes")
    store = NotesStore.open(notes_path(folder), today=dt.date(2026, 1, 1))
    body = ("luna madre frontera teléfono sábado camino " * (NOTE_CHARS // 44 + 1))[:NOTE_CHARS]
    for index in range(NOTES):
        store.add("moon", f"{body} nota{index}")
    return store


def test_many_large_notes_open_list_search_and_export(
    many_notes: NotesStore, tmp_path: Path
) -> None:
    path = many_notes.path
    reader = f"{NOTES:,} notes of {NOTE_CHARS:,} chars"
    # As the app opens them: the day's backup is made afterwards, on a worker thread.
    reopened = figures.timed(
        "notes: open",
        reader,
        lambda: NotesStore.open(path, today=dt.date(2026, 1, 2), back_up=False),
    )
    problem = figures.timed(
        "notes: daily backup (worker thread)",
        reader,
        lambda: reopened.back_up_daily(dt.date(2026, 1, 2)),
    )
    assert problem is None
    listed = figures.timed("notes: list", reader, lambda: reopened.previews("moon"))
    assert len(listed) == NOTES
    found = figures.timed("notes: search keystroke", reader, lambda: reopened.search("fron"))
    assert 0 < len(found) <= 500
    exported = tmp_path / "notes.md"
    with exported.open("w", encoding="utf-8") as out:
        figures.timed(
            "notes: export",
            reader,
            lambda: write_export(out, reopened.iter_notes(), "md", counts=reopened.counts()),
        )
    with exported.open(encoding="utf-8") as written:
        assert sum(line.count(" nota") for line in written) >= NOTES
    reopened.close()
    many_notes.close()
