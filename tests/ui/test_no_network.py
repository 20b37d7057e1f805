"""Opening, showing and printing the hostile film makes no network connection at all."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from misma_luna.core.sheets.compose import SheetOptions, compose_sheet

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


class RecordingDocument(QTextDocument):
    """A QTextDocument that records every resource (image, stylesheet) it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        self.requested.append(name.toString())
        return super().loadResource(kind, name)


@pytest.fixture
def no_network(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Any attempt to resolve or connect fails the test."""
    attempts: list[str] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise AssertionError(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("name", ["hostile-film", "hostile-film.zip"])
def test_open_show_and_print_the_hostile_film_offline(
    main_window, no_network, tmp_path: Path, name: str
) -> None:
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("example.com", 80))  # the guard itself works
    no_network.clear()

    film = main_window.opener.open_path(HOSTILE / name)
    assert film is not None
    shown = main_window.review_pane.view.toHtml()
    assert "<img" not in shown.lower()
    assert "tracker.example/pixel.gif" in main_window.review_pane.view.toPlainText()

    html = compose_sheet(film, SheetOptions(languages=("en", "es")))
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*(javascript|data|file):""", lowered)
    document = RecordingDocument()
    document.setHtml(html)
    pdf = tmp_path / "sheet.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer
    assert pdf.stat().st_size > 1000
    assert [url for url in document.requested if "://" in url] == []
    assert no_network == []

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "[mega.nz]" in text
    assert "https://www.google.com/url" not in text
