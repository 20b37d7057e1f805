"""Fixtures the window's tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def words_window(qtbot, make_context, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real main window, shown, with a words store of its own in `tmp_path`."""
    from misma_luna.core.words.store import WordsStore, words_path
    from misma_luna.ui.shell.main_window import MainWindow

    context = make_context()
    context.words = WordsStore.open(words_path(tmp_path / "data"))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.words.close()
