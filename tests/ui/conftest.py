"""Fixtures the window's tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


def _shown(qtbot, context):  # type: ignore[no-untyped-def]
    """The real main window on `context`, shown and active."""
    from misma_luna.ui.shell.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def notes_window(qtbot, make_context, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real main window, shown, with a notes store of its own in `tmp_path`."""
    from misma_luna.core.notes.store import NotesStore, notes_path

    context = make_context()
    context.notes.close()
    context.notes = NotesStore.open(notes_path(tmp_path / "data"))
    yield _shown(qtbot, context)
    context.notes.close()


@pytest.fixture
def words_window(qtbot, make_context, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real main window, shown, with a words store of its own in `tmp_path`."""
    from misma_luna.core.words.store import WordsStore, words_path

    context = make_context()
    context.words = WordsStore.open(words_path(tmp_path / "data"))
    yield _shown(qtbot, context)
    context.words.close()


@pytest.fixture
def system_theme_after() -> Iterator[None]:
    """The system's colours again after a test that chooses a theme."""
    from misma_luna.ui.services.appearance.theme import apply_theme

    yield
    apply_theme("system")
