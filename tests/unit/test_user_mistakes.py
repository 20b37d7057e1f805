"""A user's mistake is one clear line, never a traceback: deep film.toml nesting, a folder
whose name is not UTF-8, a type size that is not a number of points."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from misma_luna.cli.main import main
from misma_luna.cli.sheet import font_size
from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.cache import FilmCache
from misma_luna.core.film.film_toml import parse_film_toml


@pytest.mark.parametrize("opening", ["[", "{a=", "[[", "{b={c="])
def test_very_deep_nesting_in_film_toml_is_a_film_error(opening: str) -> None:
    depth = sys.getrecursionlimit() * 2
    closing = {"[": "]", "{a=": "}", "[[": "]]", "{b={c=": "}}"}[opening]
    source = f'id = "x"\nnested = {opening * depth}1{closing * depth}\n'
    with pytest.raises(FilmError, match="too deeply") as caught:
        parse_film_toml(source, Path("film.toml"))
    assert caught.value.path == Path("film.toml")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_a_package_folder_named_in_another_encoding_opens_and_is_cached(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/pel\xedcula"))
    try:
        shutil.copytree(bundled_film_dir(), folder)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    cache = FilmCache(tmp_path / "cache")
    first = cache.load(folder)
    assert cache.load(folder) == first
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "1e999", "5.9", "24.5", "-11", ""])
def test_a_type_size_out_of_range_or_not_finite_is_refused(text: str) -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError, match="from 6 to 24"):
        font_size(text)


@pytest.mark.parametrize("text", ["6", "11", "11.5", "24"])
def test_a_type_size_in_range_is_taken(text: str) -> None:
    assert font_size(text) == float(text)


def test_sheet_with_font_size_nan_is_exit_2_with_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["sheet", "--font-size", "nan", "-o", str(tmp_path / "out.pdf")])
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert "--font-size" in error and "nan" in error and "Traceback" not in error
    assert not (tmp_path / "out.pdf").exists()
