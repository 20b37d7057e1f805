"""A full disk and a read-only data folder, for real: the editor keeps the text, warns, and
saves as soon as it can again.

The notes live on a small tmpfs mounted for the test (root only; skipped with the reason
otherwise), filled up with a file, or remounted read-only, under the real main window.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from misma_luna.core.notes.store import NotesStore, notes_path
from misma_luna.ui.shell.main_window import MainWindow

from . import figures
from .disks import tmpfs

SIZE = "1m"
PASTED = "La madre de Carlitos trabaja en Los Ángeles; él cruza la frontera. " * 400


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of our own, unmounted afterwards."""
    with tmpfs(tmp_path / "disk", f"size={SIZE},mode=0700") as mount_point:
        yield mount_point


@pytest.fixture
def window_on(qtbot, make_context, small_disk: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The real main window whose notes live on the small disk."""
    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.ui.shell.app import create_context

    make_context  # noqa: B018 (the fixture makes the QApplication and names it)
    store = NotesStore.open(notes_path(small_disk))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = create_context(load_film(bundled_film_dir()), "en", store=settings, notes=store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.language.set_language("en")
    store.close()


def _fill(folder: Path) -> Path:
    """Write a file until the disk is full; return it (delete it to free the space)."""
    filler = folder / "filler.bin"
    with contextlib.suppress(OSError), filler.open("wb") as out:
        while True:
            out.write(b"\0" * 65536)
            out.flush()
    with contextlib.suppress(OSError), filler.open("ab") as out:  # the last few bytes, too
        for _ in range(65536):
            out.write(b"\0")
            out.flush()
    probe = folder / "probe"
    with pytest.raises(OSError) as full:
        probe.write_bytes(b"\0" * 8192)
    assert full.value.errno == errno.ENOSPC
    probe.unlink(missing_ok=True)
    return filler


def _bodies(window: MainWindow) -> list[str]:
    return [note.body for note in window.context.notes.all_notes()]


def test_full_disk_keeps_the_text_warns_and_saves_when_space_returns(
    qtbot, window_on: MainWindow, small_disk: Path
) -> None:  # type: ignore[no-untyped-def]
    pane = window_on.notes_pane
    window_on.context.actions["notes.focus"].trigger()
    qtbot.keyClicks(pane.editor, "Antes: ")
    assert pane.flush() and _bodies(window_on) == ["Antes: "]
    filler = _fill(small_disk)
    pane.editor.insertPlainText(PASTED)  # a long passage pasted in, more than the disk holds
    qtbot.keyClicks(pane.editor, " fin")
    expected = "Antes: " + PASTED + " fin"
    assert not pane.flush()
    assert pane.editor.toPlainText() == expected  # the text stays in the editor
    assert pane.warning.isVisibleTo(window_on)
    assert "disk is full" in pane.warning.text() or "could not be written" in pane.warning.text()
    assert _bodies(window_on) == ["Antes: "]  # the last good save is intact
    filler.unlink()
    qtbot.keyClicks(pane.editor, ".")
    qtbot.waitUntil(lambda: _bodies(window_on) == [expected + "."], timeout=5000)
    assert not pane.warning.isVisibleTo(window_on)
    assert window_on.context.notes.integrity_check()
    figures.record("full_disk_saves_recovered")
