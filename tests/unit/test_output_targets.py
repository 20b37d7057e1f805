"""Writes that are whole, to targets that are files: a link, a folder, a pipe or a device is
refused and left alone; `film template` rewrites .po files whole, or says why it cannot."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from misma_luna.cli.main import main
from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.file_writing import UnsafeTargetError, whole_path, write_whole
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film import translation
from misma_luna.core.film.translation import update_template

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and devices")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the bundled film, whose catalogs `film template` may rewrite."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


@posix_only
def test_a_link_is_refused_and_neither_it_nor_its_target_changes(tmp_path: Path) -> None:
    target = tmp_path / "good.pdf"
    target.write_bytes(b"%PDF-good")
    link = tmp_path / "sheet.pdf"
    link.symlink_to(target)
    with pytest.raises(UnsafeTargetError, match="link"):
        write_whole(link, b"new")
    with pytest.raises(UnsafeTargetError, match="link"), whole_path(link):
        pytest.fail("the block must not run")
    assert link.is_symlink() and target.read_bytes() == b"%PDF-good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.pdf", "sheet.pdf"]


@posix_only
def test_a_fifo_and_a_device_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/null")):
        with pytest.raises(UnsafeTargetError, match="pipe, a device"):
            write_whole(path, b"x")
    assert fifo.exists() and not fifo.is_file()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(UnsafeTargetError, match="folder"):
        write_whole(tmp_path / "out.csv", b"x")
    assert (tmp_path / "out.csv").is_dir()


def test_a_refusal_reads_as_cannot_write() -> None:
    from misma_luna.core.base.errors import cannot_write

    error = UnsafeTargetError(errno.EISDIR, "it is a folder", "out.pdf")
    assert cannot_write(error) == "the file cannot be written (it is a folder)"


def test_template_leaves_every_catalog_whole_when_the_disk_fills(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = package / "i18n" / "es.po"
    before = catalog.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(FilmError, match="No space left") as caught:
        update_template(package)
    assert caught.value.path is not None and caught.value.path.parent == package / "i18n"
    assert catalog.read_bytes() == before
    assert sorted(p.name for p in (package / "i18n").iterdir()) == ["es.po"]


def test_template_still_merges_when_the_disk_has_room(package: Path) -> None:
    result = update_template(package)
    assert result.merged == (package / "i18n" / "es.po",)
    assert "msgid" in (package / "i18n" / "es.po").read_text(encoding="utf-8")


def test_template_on_a_read_only_package_is_one_line_and_exit_2(
    package: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(path: Path, _data: bytes, **_options: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(translation, "write_whole", read_only)
    assert main(["film", "template", str(package)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Read-only file system" in error
    assert "template.pot" in error and "Traceback" not in error
