"""Data folders named "C#", "100%", "a?b": the notes open, back up, recover and export there.

SQLite URIs name files through one function that percent-encodes the path; a bare `file:`
URI would cut "C#" at the `#`, read "a?b" as a parameter or reject "100%", and recovery
would then "restore" an empty file made elsewhere while saying it restored the backup.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
from pathlib import Path

import pytest

from misma_luna.core.base import sqlite_files
from misma_luna.core.base.sqlite_files import sqlite_uri
from misma_luna.core.notes.export import write_export
from misma_luna.core.notes.store import NotesStore, notes_path

from . import figures

DAY = dt.date(2026, 3, 1)
FOLDER_NAMES = ("C#", "100%", "a?b", "x%20y", "#?%", "dos puntos:ñ", "mode=ro?", "a#b?c%d")


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_notes_live_in_a_folder_with_uri_characters(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name / "datos"
    path = notes_path(folder)
    with NotesStore.open(path, today=DAY) as store:
        store.add("moon", "una nota")
    with NotesStore.open(path, read_only=True) as reader:
        assert [n.body for n in reader.all_notes()] == ["una nota"]
        out = io.StringIO()
        write_export(out, reader.iter_notes(), "json", counts=reader.counts())
        assert "una nota" in out.getvalue()
    assert sqlite_files.is_healthy(sqlite_files.daily_backups(path)[0])
    strays = {entry for entry in _listing(tmp_path) if not entry.startswith(name)}
    assert strays == set(), "nothing may be made outside the data folder"
    figures.record("data_folder_names_survived")


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_recovery_restores_the_real_backup_in_such_a_folder(tmp_path: Path, name: str) -> None:
    path = notes_path(tmp_path / name)
    with NotesStore.open(path, today=DAY) as store:
        store.add("moon", "guardada")
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        store.add("moon", "después de la copia")
    path.write_bytes(b"this is not a database" * 100)
    with NotesStore.open(path, today=DAY + dt.timedelta(days=2)) as store:
        recovery = store.report.recovery
        assert recovery is not None and recovery.restored_from is not None
        assert recovery.restored_from.stat().st_size > 0
        # The newest backup was made as the second day began, before its note was written.
        assert [n.body for n in store.all_notes()] == ["guardada"]
    figures.record("data_folder_recoveries")


def test_an_empty_file_is_never_a_backup_to_restore(tmp_path: Path) -> None:
    path = notes_path(tmp_path / "C#")
    with NotesStore.open(path, today=DAY):
        pass
    (daily,) = sqlite_files.daily_backups(path)
    daily.write_bytes(b"")
    os.utime(daily, (1, 10**10))
    empty = sqlite3.connect(sqlite_files.backups_dir(path) / "notes-v9-empty.sqlite3")
    empty.close()
    path.write_bytes(b"garbage" * 200)
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        recovery = store.report.recovery
        assert recovery is not None
        assert recovery.restored_from is None  # told the truth: nothing was restored
        assert "no good backup" in store.report.messages()[0]


def test_the_uri_keeps_the_whole_path() -> None:
    uri = sqlite_uri(Path("/tmp/C#/100%/a?b/notes.sqlite3"), mode="ro")
    assert uri == "file:///tmp/C%23/100%25/a%3Fb/notes.sqlite3?mode=ro"
