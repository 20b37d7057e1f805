"""File kinds: one list of suffixes says what opens as a film, a review or a subtitle track."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from misma_luna.core.base.file_kinds import (
    REVIEW_SUFFIXES,
    SUBTITLE_SUFFIXES,
    FileKind,
    film_patterns,
    is_review,
    is_subtitle,
    kind_of,
    opens_as_film,
    subtitle_patterns,
)
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("film.toml", FileKind.PACKAGE),
        ("film.zip", FileKind.ARCHIVE),
        ("FILM.ZIP", FileKind.ARCHIVE),
        ("review.md", FileKind.REVIEW),
        ("review.markdown", FileKind.REVIEW),
        ("review.txt", FileKind.REVIEW),  # alone, a .txt is a review
        ("movie.es.srt", FileKind.SUBTITLES),
        ("movie.VTT", FileKind.SUBTITLES),
        ("movie.ass", FileKind.SUBTITLES),
        ("movie.ttml", FileKind.SUBTITLES),
        ("movie.es.srt.abc.tmp", None),
        ("pysubs2.json", None),
        ("picture.png", None),
    ],
)
def test_a_file_given_alone_opens_as_its_kind(tmp_path: Path, name: str, kind: FileKind) -> None:
    assert kind_of(tmp_path / name) is kind


def test_a_folder_is_a_package_and_opens_as_a_film(tmp_path: Path) -> None:
    assert kind_of(tmp_path) is FileKind.PACKAGE
    assert opens_as_film(tmp_path) and opens_as_film(tmp_path / "x.txt")
    assert not opens_as_film(tmp_path / "x.srt")


def test_a_txt_is_both_a_review_and_a_subtitle_track_by_name() -> None:
    assert is_review(Path("es.txt")) and is_subtitle(Path("es.txt"))
    assert not is_subtitle(Path("es.md")) and not is_review(Path("es.srt"))
    for leftover in ("x.es.srt.abc.tmp", "es.json", "es.srt.part", "es"):
        assert not is_subtitle(Path(leftover))


def test_dialog_patterns_name_every_suffix_once() -> None:
    assert film_patterns() == "film.toml *.zip *.md *.markdown *.txt"
    patterns = subtitle_patterns().split()
    assert patterns[:2] == ["*.srt", "*.vtt"]
    assert patterns == [f"*{suffix}" for suffix in SUBTITLE_SUFFIXES]
    assert len(set(patterns)) == len(patterns)
    assert all(suffix.startswith(".") and suffix.islower() for suffix in REVIEW_SUFFIXES)


def test_a_leftover_temporary_file_in_subtitles_is_no_track(tmp_path: Path) -> None:
    package = tmp_path / "bajo-la-misma-luna"
    shutil.copytree(bundled_film_dir(), package)
    subtitles = package / "subtitles"
    shutil.copyfile(subtitles / "es.srt", subtitles / "x.es.srt.abc.tmp")
    shutil.copyfile(subtitles / "en.srt", subtitles / "fr.json")
    shutil.copyfile(subtitles / "en.srt", subtitles / "de.vtt.part")
    shutil.copyfile(subtitles / "en.srt", subtitles / "pt.txt")
    film = load_film(package)
    assert sorted(film.subtitle_tracks) == ["en", "es", "pt"]
    assert film.subtitle_tracks["es"] == subtitles / "es.srt"
