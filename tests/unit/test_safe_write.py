"""write_whole: the file holds its old content or all of the new, and nothing is left over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from misma_luna.core.base.file_writing import write_whole


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
