"""The library room: listing, the index rebuilt from packages, import and export whole."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from misma_luna.core.base.errors import FilmError, MismaLunaError
from misma_luna.core.base.resources import BUNDLED_FILM_ID, bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.library.index import INDEX_NAME
from misma_luna.core.library.library import INCOMING_PREFIX, Library
from misma_luna.core.library.sharing import export_film, import_film

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def small_package(folder: Path, film_id: str = "una-peli", title: str = "Una peli") -> Path:
    folder.mkdir(parents=True)
    (folder / "film.toml").write_text(
        f'id = "{film_id}"\nsource_language = "es"\nyear = 2001\n'
        f'\n[titles]\noriginal = "{title}"\n',
        encoding="utf-8",
    )
    (folder / "review.md").write_text(f"# {title}\n\nUna reseña corta.\n", encoding="utf-8")
    return folder


def test_the_bundled_film_is_listed_from_the_resources(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    [entry] = library.entries()
    assert entry.id == BUNDLED_FILM_ID and entry.bundled
    assert entry.folder == bundled_film_dir()
    assert entry.completeness["es"].ratio == 1.0
    assert entry.languages == ["en", "es"]
    assert not any((tmp_path / "films").glob("bajo*"))


def test_import_copies_a_folder_and_leaves_the_original(tmp_path: Path) -> None:
    source = small_package(tmp_path / "mine")
    before = sorted(p.read_bytes() for p in source.rglob("*") if p.is_file())
    library = Library(tmp_path / "films")
    target = import_film(library, source / "film.toml")
    assert target == tmp_path / "films" / "una-peli"
    assert {e.id for e in library.entries()} == {BUNDLED_FILM_ID, "una-peli"}
    assert sorted(p.read_bytes() for p in source.rglob("*") if p.is_file()) == before
    with pytest.raises(FilmError, match="already in the library"):
        import_film(library, source)


def test_a_broken_package_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    with pytest.raises(MismaLunaError) as raised:
        import_film(library, HOSTILE / "no-review")
    assert "no-review" in raised.value.message
    assert not [p for p in (tmp_path / "films").iterdir() if p.is_dir()]
    with pytest.raises(FilmError, match="not a film package"):
        import_film(library, HOSTILE / "plain-review.txt")


def test_export_then_import_round_trips_through_a_zip(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    folder = import_film(library, small_package(tmp_path / "mine"))
    archive = export_film(folder, "una-peli", tmp_path / "peli.zip")
    assert "una-peli/film.toml" in zipfile.ZipFile(archive).namelist()
    assert load_film(archive).id == "una-peli"
    other = Library(tmp_path / "other")
    assert import_film(other, archive).name == "una-peli"
    with pytest.raises(FilmError, match=r"x\.zip"):
        export_film(folder, "una-peli", folder / "film.toml" / "x.zip")


def test_a_damaged_index_is_rebuilt_from_the_packages(tmp_path: Path) -> None:
    root = tmp_path / "films"
    library = Library(root)
    import_film(library, small_package(tmp_path / "mine"))
    library.mark_opened("una-peli")
    assert next(e for e in library.entries() if e.id == "una-peli").last_opened
    library.close()
    (root / INDEX_NAME).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{root / INDEX_NAME}{suffix}").unlink(missing_ok=True)
    assert "una-peli" in Library(root).ids()


def test_a_half_added_film_is_cleared_and_a_changed_one_read_again(tmp_path: Path) -> None:
    root = tmp_path / "films"
    library = Library(root)
    folder = import_film(library, small_package(tmp_path / "mine"))
    half = small_package(root / f"{INCOMING_PREFIX}dead", "half")
    os.utime(half, (1, 1))
    busy = small_package(root / f"{INCOMING_PREFIX}busy", "busy")
    toml = folder / "film.toml"
    toml.write_text(toml.read_text().replace("year = 2001", "year = 2002"))
    entry = next(e for e in library.entries() if e.id == "una-peli")
    assert entry.year == 2002
    assert not half.exists() and busy.exists()
    shutil.rmtree(folder)
    assert library.ids() == {BUNDLED_FILM_ID}


def test_a_zip_from_another_app_is_refused_by_name(tmp_path: Path) -> None:
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as made:
        made.writestr("readme.txt", "hello")
    with pytest.raises(FilmError, match=r"other\.zip"):
        import_film(Library(tmp_path / "films"), archive)
