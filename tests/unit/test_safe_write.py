"""write_whole and whole_path: a file holds its old content or all of the new, no leftovers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from misma_luna.core.base.file_writing import whole_path, write_whole


def test_the_new_content_replaces_the_old_and_no_temporary_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "notas.md"
    target.write_text("antes", encoding="utf-8")
    write_whole(target, "después".encode())
    write_whole(tmp_path / "cache.pickle", b"copy", durable=False)
    assert target.read_text(encoding="utf-8") == "después"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.pickle", "notas.md"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "subtitles.csv"
    target.write_bytes(b"start,end,es,en\n")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_whole(target, b"x" * 100_000)
    assert target.read_bytes() == b"start,end,es,en\n"
    assert [p.name for p in tmp_path.iterdir()] == ["subtitles.csv"]


def test_a_folder_that_does_not_exist_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_whole(tmp_path / "missing" / "notes.json", b"{}")


def test_a_writer_given_a_path_replaces_the_file_when_it_is_done(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")
    with whole_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".sheet.pdf.")
        assert temporary.read_bytes() == b"" and target.read_bytes() == b"old"
        temporary.write_bytes(b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_a_writer_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="painter"), whole_path(target) as temporary:
        temporary.write_bytes(b"%PDF-half")
        raise RuntimeError("the painter stopped")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_writer_whose_file_cannot_reach_the_disk_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "backup.sqlite3"
    target.write_bytes(b"old")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"), whole_path(target) as temporary:
        temporary.write_bytes(b"new")
        monkeypatch.setattr(os, failing, disk_full)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.sqlite3"]


def test_no_temporary_path_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(OSError), whole_path(tmp_path / "missing" / "out.pdf"):
        pytest.fail("the block must not run")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_whole(tmp_path / "notes.md", b"#")
        with whole_path(tmp_path / "sheet.pdf") as temporary:
            temporary.write_bytes(b"%PDF")
    finally:
        os.umask(umask)
    assert {(p.stat().st_mode & 0o777) for p in tmp_path.iterdir()} == {0o644}
