"""A damaged notes database: the app starts, keeps the damaged file, restores, and says so.

Damage to the main file is recovered from the newest backup, the damaged bytes are kept
aside untouched, and the reader is told in their language. Faults of the -wal lose nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from misma_luna.core.base import i18n
from misma_luna.core.notes.store import NotesStore, notes_path

from . import figures
from .notes_damage import DAMAGING, DAY, FOREIGN_WAL, WAL_FAULTS, build
from .running_app import private_app_folders, started_app


@pytest.mark.parametrize("damage", list(DAMAGING), ids=list(DAMAGING))
def test_damaged_file_is_kept_and_the_newest_backup_restored(tmp_path: Path, damage: str) -> None:
    db = notes_path(tmp_path)
    written = build(db)
    DAMAGING[damage](db)
    damaged_bytes = db.read_bytes()
    with NotesStore.open(db, today=DAY + dt.timedelta(days=1)) as store:
        recovery = store.report.recovery
        assert recovery is not None, "the damage went unnoticed"
        assert recovery.damaged_copy.read_bytes() == damaged_bytes  # kept aside, untouched
        assert recovery.restored_from is not None
        assert recovery.restored_from.name == f"notes-daily-{DAY.isoformat()}.sqlite3"
        assert [note.body for note in store.all_notes()] == written.in_backup
        assert store.integrity_check()
        (message,) = store.report.messages()
        assert str(recovery.damaged_copy) in message and recovery.restored_from.name in message
        store.add("bajo-la-misma-luna", "written after the recovery")
    figures.record("corruptions_recovered_from_backup")


@pytest.mark.parametrize("fault", list(WAL_FAULTS), ids=list(WAL_FAULTS))
def test_wal_faults_lose_nothing_and_raise_no_false_alarm(tmp_path: Path, fault: str) -> None:
    db = notes_path(tmp_path)
    written = build(db)
    WAL_FAULTS[fault](db)
    with NotesStore.open(db, today=DAY + dt.timedelta(days=1)) as store:
        assert store.report.recovery is None
        assert store.report.messages() == []
        assert [note.body for note in store.all_notes()] == written.everything
        assert store.integrity_check()
    figures.record("wal_faults_survived_without_loss")


def test_damage_without_any_backup_starts_afresh_and_keeps_the_file(tmp_path: Path) -> None:
    db = notes_path(tmp_path)
    build(db)
    for backup in (tmp_path / "backups").iterdir():
        backup.unlink()
    DAMAGING["header zeroed"](db)
    damaged_bytes = db.read_bytes()
    with NotesStore.open(db, today=DAY) as store:
        recovery = store.report.recovery
        assert recovery is not None and recovery.restored_from is None
        assert recovery.damaged_copy.read_bytes() == damaged_bytes
        assert store.all_notes() == []
        assert "no good backup" in store.report.messages()[0]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_app_starts_and_tells_the_reader(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from misma_luna.ui.services.paths import data_dir
    from misma_luna.ui.shell.app import make_application

    private_app_folders(monkeypatch, tmp_path)
    make_application()  # names the app, which decides where its data lives
    db = notes_path(_app_data_dir(data_dir))
    written = build(db)
    DAMAGING["header zeroed"](db)
    with started_app(qtbot, language) as window:  # the store's checks speak after the paint
        assert [note.body for note in window.context.notes.all_notes()] == written.in_backup
        boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        texts = [box.text() for box in boxes]
        damaged = window.context.notes.report.recovery.damaged_copy  # type: ignore[union-attr]
        assert any(str(damaged) in text for text in texts), texts
        expected = i18n._("About your notes")
        assert expected in [box.windowTitle() for box in boxes]
        if language == "es":
            assert all("notas" in text for text in texts if str(damaged) in text), texts


def _app_data_dir(data_dir: Callable[[], Path]) -> Path:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("fault", list(FOREIGN_WAL), ids=list(FOREIGN_WAL))
def test_a_wal_that_belongs_elsewhere_never_stops_the_app(tmp_path: Path, fault: str) -> None:
    db = notes_path(tmp_path)
    written = build(db)
    FOREIGN_WAL[fault](db)
    with NotesStore.open(db, today=DAY + dt.timedelta(days=1)) as store:
        bodies = [note.body for note in store.all_notes()]
        assert store.integrity_check()
        if store.report.recovery is None:  # SQLite made sense of it: then nothing is lost
            assert bodies == written.everything
        else:
            assert bodies == written.in_backup and store.report.messages()
            assert store.report.recovery.damaged_copy.exists()
    figures.record("foreign_wal_faults_survived")
