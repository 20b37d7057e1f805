"""Files that are not files: FIFOs, devices, links out of a package and huge files are refused
with a message naming the file, before a byte is read and without ever blocking."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from misma_luna.core.base.errors import MismaLunaError, SubtitleError, TextFileError
from misma_luna.core.base.regular_files import read_regular_bytes, read_regular_text
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.subtitles.tracks import load_track

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices are POSIX")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the bundled film to damage."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


def test_an_ordinary_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "review.md"
    path.write_bytes(b"# Hola\n")
    assert read_regular_bytes(path, 100) == b"# Hola\n"
    assert read_regular_text(path).text == "# Hola\n"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.srt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(TextFileError, match="too large") as caught:
        read_regular_bytes(path, 1000)
    assert caught.value.path == path


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "review.md"
    os.mkfifo(fifo)
    with pytest.raises(TextFileError, match="not an ordinary file") as caught:
        read_regular_bytes(fifo, 1000)
    assert caught.value.path == fifo


@posix_only
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "es.srt"
    link.symlink_to("/dev/zero")
    with pytest.raises(TextFileError, match="not an ordinary file"):
        read_regular_bytes(link, 1000)


def test_a_folder_and_a_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match="folder"):
        read_regular_bytes(tmp_path, 1000)
    with pytest.raises(TextFileError, match="does not exist"):
        read_regular_bytes(tmp_path / "missing.md", 1000)


@posix_only
def test_a_link_inside_the_folder_is_followed_and_one_out_of_it_refused(tmp_path: Path) -> None:
    folder = tmp_path / "film"
    folder.mkdir()
    (folder / "real.md").write_text("dentro", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("fuera", encoding="utf-8")
    (folder / "inside.md").symlink_to("real.md")
    (folder / "outside.md").symlink_to(tmp_path / "secret.txt")
    assert read_regular_bytes(folder / "inside.md", 100, within=folder) == b"dentro"
    with pytest.raises(TextFileError, match="outside the film package"):
        read_regular_bytes(folder / "outside.md", 100, within=folder)


@posix_only
def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    with pytest.raises(TextFileError) as caught:
        read_regular_bytes(tmp_path / "a.md", 100, within=tmp_path)
    assert caught.value.path == tmp_path / "a.md"


@posix_only
def test_a_review_linked_out_of_its_package_is_refused(package: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0", encoding="utf-8")
    (package / "review.md").unlink()
    (package / "review.md").symlink_to(secret)
    with pytest.raises(MismaLunaError, match="outside the film package") as caught:
        load_film(package)
    assert caught.value.path == package / "review.md"


@posix_only
@pytest.mark.parametrize("name", ["film.toml", "review.md"])
def test_a_package_file_that_is_a_fifo_is_refused(package: Path, name: str) -> None:
    (package / name).unlink()
    os.mkfifo(package / name)
    with pytest.raises(MismaLunaError, match="not an ordinary file") as caught:
        load_film(package)
    assert caught.value.path == package / name


@posix_only
def test_a_catalog_that_is_a_fifo_or_a_device_is_a_warning(package: Path) -> None:
    os.mkfifo(package / "i18n" / "fr.po")
    (package / "i18n" / "de.po").symlink_to("/dev/zero")
    film = load_film(package)
    assert sorted(film.catalogs) == ["es"]
    named = sorted(warning.path.name for warning in film.warnings if warning.path)
    assert named == ["de.po", "fr.po"]


@posix_only
def test_a_subtitle_track_linked_out_of_its_package_is_left_out(
    package: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "fr.srt"
    shutil.copy(package / "subtitles" / "es.srt", outside)
    (package / "subtitles" / "fr.srt").symlink_to(outside)
    film = load_film(package)
    assert "fr" not in film.subtitle_tracks and "es" in film.subtitle_tracks
    assert [w.path for w in film.warnings] == [package / "subtitles" / "fr.srt"]


@posix_only
@pytest.mark.parametrize("encoding", [None, "cp1252"])
def test_a_subtitle_fifo_is_a_subtitle_error(tmp_path: Path, encoding: str | None) -> None:
    fifo = tmp_path / "es.srt"
    os.mkfifo(fifo)
    with pytest.raises(SubtitleError, match="not an ordinary file") as caught:
        load_track(fifo, encoding=encoding)
    assert caught.value.path == fifo


@posix_only
def test_a_bare_review_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "resena.md"
    os.mkfifo(fifo)
    with pytest.raises(TextFileError, match="not an ordinary file"):
        load_film(fifo)
