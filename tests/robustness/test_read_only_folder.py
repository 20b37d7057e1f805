"""A read-only data folder (a read-only disk or home): the app still starts and shows the notes.

The folder is a tmpfs remounted read-only between two runs of the real app (root only;
skipped with the reason otherwise). Notes written before are shown; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from . import figures
from .disks import remount_read_only, tmpfs
from .processes import App, run_report


@pytest.fixture
def read_only_home(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A home whose data disk holds notes written by the app, then turned read-only."""
    with tmpfs(tmp_path / "data", "size=4m"):
        app = App(tmp_path, "write", "1", "7")
        app.first()
        typed = [str(app.next()["typed"]) for _ in range(3)]  # type: ignore[index]
        app.kill()
        remount_read_only(tmp_path / "data")
        yield tmp_path, typed


def test_the_app_starts_read_only_and_shows_the_notes(
    read_only_home: tuple[Path, list[str]],
) -> None:
    home, typed = read_only_home
    found = run_report(home)["started"]
    assert isinstance(found, dict)
    assert found["read_only"] is True
    assert set(typed[:2]) <= set(found["notes"])  # the last one may still be in the editor
    assert found["banner"]  # the reader is told the notes cannot be edited here
    figures.record("read_only_starts")


def test_the_banner_gives_the_real_reason(read_only_home: tuple[Path, list[str]]) -> None:
    found = run_report(read_only_home[0])["started"]
    assert isinstance(found, dict)
    assert "Another Misma Luna window" not in str(found["banner"])
    assert "cannot be written to" in str(found["banner"])


def test_the_app_starts_when_its_data_folder_cannot_even_be_made(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "data", "size=64k,ro"):
        found = run_report(tmp_path)["started"]
    assert isinstance(found, dict)
    assert found["read_only"] is True and found["notes"] == []
    figures.record("read_only_starts")
