"""No network, ever: the main flows run with sockets blocked, and any attempt fails the test.

Start, open a hostile review (remote images, trackers, redirects, scripts), print its sheet
from the window and from the command line, switch language: every connection attempt
(connect, connect_ex, create_connection, getaddrinfo) is recorded and refused.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import figures
from .running_app import private_app_folders

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


class NetworkBlockedError(OSError):
    """What a blocked socket call raises (an OSError, as a real network failure would)."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """Every attempt to reach the network is refused and written down."""
    attempts: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def blocked(*args: object, **_kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkBlockedError(f"network blocked by the test: {what}")

        return blocked

    original_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:  # local sockets (the single-instance wake-up)
            return original_connect(self, address)  # type: ignore[arg-type]
        return refuse("socket.connect")(self, address)  # type: ignore[no-any-return]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    private_app_folders(monkeypatch, tmp_path)
    yield attempts


def test_the_blocker_really_blocks(no_network: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80), timeout=1)
    assert no_network == ["create_connection(('example.com', 80),)"]


def test_main_flows_make_no_connection(qapp, qtbot, no_network: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.shell.app import start_gui

    started = start_gui(HOSTILE / "hostile-film", "en")
    assert started is not None
    window = started.window
    try:
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window.context.startup.held)
        assert "Wild Web" in window.review_pane.view.toPlainText()
        assert window.opener.open_path(HOSTILE / "hostile-film.zip") is not None
        assert window.opener.open_path(HOSTILE / "bare-review-es.md") is not None
        window.switch_language("es")
        window.switch_language("en")
        window.opener.open_path(HOSTILE / "hostile-film")
        pdf = window.sheet_printer.write(tmp_path / "sheet.pdf")
        assert pdf is not None and pdf.stat().st_size > 0
    finally:
        window.switch_language("en")
        window.close()
        started.stop()
    assert no_network == []
    figures.record("offline_flows_passed")


def test_sheet_command_makes_no_connection(no_network: list[str], tmp_path: Path) -> None:
    from misma_luna.cli.main import main

    output = tmp_path / "hostile.pdf"
    code = main(["sheet", "--output", str(output), "--lang", "both", str(HOSTILE / "hostile-film")])
    assert code == 0 and output.stat().st_size > 0
    assert no_network == []
    figures.record("offline_flows_passed")
