"""The whole app started in a test as `misma-luna` starts it, and closed after, with every
message box it showed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest


def private_app_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the app's data (notes, words, library) and its single-instance socket in
    `tmp_path`, the socket's folder private as the platform requires."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


@contextmanager
def started_app(qtbot: Any, language: str) -> Iterator[Any]:
    """The main window on the last film, once the work held for after its first paint has
    run (the notes and words stores open, their checks spoken)."""
    from PySide6.QtWidgets import QMessageBox

    from misma_luna.ui.shell.app import start_gui

    started = start_gui(None, language)
    assert started is not None
    window = started.window
    try:
        qtbot.waitUntil(lambda: not window.context.startup.held, timeout=5000)
        yield window
    finally:
        window.close()
        started.stop()
        for box in window.findChildren(QMessageBox):
            box.close()
        window.deleteLater()
        window.context.language.set_language("en")
