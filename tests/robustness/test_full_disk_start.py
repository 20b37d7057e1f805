"""A full disk is not a damaged file: the notes stay where they are, shown read-only, and the
reader is told; a backup that fills the disk leaves the notes writable and says so.

The real cases run on a small tmpfs (root only; skipped with the reason otherwise); the
same paths are also driven by injected errors, which run everywhere.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from misma_luna.core.base import sqlite_files
from misma_luna.core.notes import store as notes_store
from misma_luna.core.notes.store import NotesStore, notes_path

from . import figures
from .disks import tmpfs
from .running_app import private_app_folders, started_app

DAY = dt.date(2026, 3, 1)
BIG_NOTE = "La luna es la misma para los dos. " * 3000  # about 100 KB


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of our own, unmounted afterwards."""
    with tmpfs(tmp_path / "disk", "size=2m,mode=0700") as mount_point:
        yield mount_point


def _fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk, then give back about `leave` bytes; return the filler file."""
    filler = folder / "filler.bin"
    with contextlib.suppress(OSError), filler.open("wb") as out:
        while True:
            out.write(b"\0" * 4096)
            out.flush()
    with contextlib.suppress(OSError), filler.open("ab") as out:
        for _ in range(65536):
            out.write(b"\0")
            out.flush()
    if leave:
        with filler.open("r+b") as out:
            out.truncate(max(filler.stat().st_size - leave, 0))
    return filler


def _notes(path: Path) -> list[str]:
    with NotesStore.open(path, read_only=True) as reader:
        return [note.body for note in reader.all_notes()]


def test_starting_on_a_full_disk_moves_nothing_and_says_so(small_disk: Path) -> None:
    path = notes_path(small_disk / "data")
    with NotesStore.open(path, today=DAY) as store:
        store.add("moon", "primera nota")
        store.add("moon", "segunda nota")
    before = sorted(p.name for p in path.parent.iterdir())
    filler = _fill(small_disk)
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert store.read_only
        assert [n.body for n in store.all_notes()] == ["primera nota", "segunda nota"]
        assert store.report.recovery is None
        assert "the disk is full" in store.report.messages()[0]
    assert not (path.parent / "damaged").exists()
    assert set(before) <= {p.name for p in path.parent.iterdir()}
    filler.unlink()
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert not store.read_only
        assert store.report.messages() == []
        store.add("moon", "con espacio otra vez")
    assert _notes(path) == ["primera nota", "segunda nota", "con espacio otra vez"]
    figures.record("full_disk_starts_without_loss")


def test_a_disk_that_fills_during_the_daily_backup_leaves_the_notes_writable(
    small_disk: Path,
) -> None:
    path = notes_path(small_disk / "data")
    with NotesStore.open(path, today=DAY) as store:
        for _ in range(6):
            store.add("moon", BIG_NOTE)
    _fill(small_disk, leave=256 * 1024)
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert not store.read_only
        assert store.report.backup_failed == "the disk is full"
        assert any("backup" in m for m in store.report.messages())
        store.add("moon", "breve")
    assert _notes(path)[-1] == "breve"
    assert [p.name for p in sqlite_files.backups_dir(path).iterdir() if p.suffix == ".tmp"] == []
    figures.record("full_disk_backups_survived")


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_disk_full_errors_at_start_are_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    path = notes_path(tmp_path)
    with NotesStore.open(path, today=DAY) as store:
        store.add("moon", "a salvo")

    def full(_path: Path) -> bool:
        raise error

    monkeypatch.setattr(sqlite_files, "is_sound", full)
    with NotesStore.open(path, today=DAY) as store:
        assert store.read_only
        assert store.report.unwritable == "the disk is full"
        assert [n.body for n in store.all_notes()] == ["a salvo"]
    assert not (tmp_path / "damaged").exists()


def test_a_failing_daily_backup_is_reported_and_the_notes_stay_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sqlite_files, "daily_backup", full)
    with NotesStore.open(notes_path(tmp_path), today=DAY) as store:
        assert not store.read_only
        assert store.report.backup_failed == "the disk is full"
        store.add("moon", "sigue escribiendo")
        assert [n.body for n in store.all_notes()] == ["sigue escribiendo"]


def test_a_newer_file_with_other_columns_is_an_error_naming_it(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, texto TEXT)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with NotesStore.open(path, today=DAY) as store:
        assert store.read_only and store.report.newer_version == 99
        with pytest.raises(notes_store.NotesError) as failed:
            store.previews("moon")
        assert failed.value.path == path


def test_the_daily_backup_can_be_made_later_from_another_thread(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    with NotesStore.open(path, today=DAY, back_up=False) as store:
        store.add("moon", "antes del respaldo")
        assert sqlite_files.daily_backups(path) == []
        with ThreadPoolExecutor(max_workers=1) as worker:
            problem = worker.submit(store.back_up_daily, DAY).result()
        assert problem is None
        (made,) = sqlite_files.daily_backups(path)
        assert made.name == f"notes-daily-{DAY.isoformat()}.sqlite3"
        assert sqlite_files.is_healthy(made)
        store.add("moon", "después del respaldo")  # the store is still the writer
    copy = sqlite3.connect(made)
    try:
        assert copy.execute("SELECT body FROM notes").fetchall() == [("antes del respaldo",)]
    finally:
        copy.close()


def test_a_backup_made_later_on_a_full_disk_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sqlite_files, "daily_backup", full)
    with NotesStore.open(notes_path(tmp_path), today=DAY, back_up=False) as store:
        assert store.report.backup_failed is None
        assert store.back_up_daily(DAY) == "the disk is full"
        store.add("moon", "sigue escribiendo")


@pytest.mark.parametrize("fails", [False, True], ids=["made", "disk full"])
def test_the_app_makes_the_daily_backup_off_the_window_and_says_when_it_cannot(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from misma_luna.core.base import i18n
    from misma_luna.ui.shell.app import make_application

    private_app_folders(monkeypatch, tmp_path)
    threads: list[str] = []
    real = sqlite_files.daily_backup

    def watched(*args: object) -> object:
        threads.append(threading.current_thread().name)
        if fails:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_files, "daily_backup", watched)
    make_application()  # names the app, which decides where its data lives
    with started_app(qtbot, "en") as window:
        # The notes and the words each make theirs, once both are open.
        qtbot.waitUntil(lambda: len(threads) == 2, timeout=10000)
        qtbot.waitUntil(lambda: window.context.background.running == 0, timeout=10000)
        assert threading.main_thread().name not in threads
        stores = {"notes": window.context.notes.path, "words": window.context.words.path}
        boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        for name, path in stores.items():
            title = i18n._(f"About your {name}")
            about = [box.text() for box in boxes if box.windowTitle() == title]
            if fails:
                assert sqlite_files.daily_backups(path) == []
                assert any("backup" in text and "disk is full" in text for text in about), about
            else:
                assert len(sqlite_files.daily_backups(path)) == 1
                assert about == []
        assert not window.context.notes.read_only
        assert not window.context.words.read_only
