"""Fuzzing film packages: film.toml, .po catalogs, whole folders and zipped packages.

Every damaged input either loads or raises one of the app's own errors naming the file;
no archive member ever lands outside the app's private folder.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from misma_luna.core.base.errors import CatalogError, FilmError, MismaLunaError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.content import ContentCatalog
from misma_luna.core.film.film_toml import parse_film_toml
from misma_luna.core.film.loading import load_film

from .figures import fuzzed
from .hostile import markdown, mutated

BUNDLED = bundled_film_dir()
FILM_TOML = (BUNDLED / "film.toml").read_bytes()
REVIEW = (BUNDLED / "review.md").read_bytes()
CATALOG = (BUNDLED / "i18n" / "es.po").read_bytes()
SUBTITLES = (BUNDLED / "subtitles" / "es.srt").read_bytes()
_SCRATCH = Path(tempfile.mkdtemp(prefix="misma-luna-fuzz-packages-"))
ESCAPE_MARK = "misma-luna-escaped"


@given(data=mutated(FILM_TOML))
@fuzzed("film.toml")
def test_film_toml(data: bytes) -> None:
    path = Path("film.toml")
    try:
        facts = parse_film_toml(data.decode("utf-8", "replace"), path)
    except FilmError as error:
        assert error.path == path and error.problem
        assert error.line is None or error.line >= 1
        return
    assert facts.id and facts.titles.original is not None


@given(data=mutated(CATALOG))
@fuzzed(".po catalogs")
def test_po_catalog(data: bytes) -> None:
    path = _SCRATCH / "es.po"
    path.write_bytes(data)
    try:
        catalog = ContentCatalog.from_file(path, "es")
    except CatalogError as error:
        assert error.path == path and error.problem
        return
    assert catalog.translate("Bajo la misma luna").text


@given(
    toml=mutated(FILM_TOML, 2), review=st.one_of(mutated(REVIEW, 3), markdown().map(str.encode)),
    po=mutated(CATALOG, 3), srt=mutated(SUBTITLES, 3),
)  # fmt: skip
@fuzzed("film package folders")
def test_package_folder(toml: bytes, review: bytes, po: bytes, srt: bytes) -> None:
    folder = _fresh("folder")
    _write(folder, {"film.toml": toml, "review.md": review, "i18n/es.po": po,
                    "subtitles/es.srt": srt})  # fmt: skip
    _load(folder)


member_names = st.one_of(
    st.sampled_from(("film.toml", "review.md", "i18n/es.po", "subtitles/es.srt", "pkg/film.toml",
                     "pkg/review.md", f"../{ESCAPE_MARK}.txt", f"../../{ESCAPE_MARK}.txt",
                     f"/tmp/{ESCAPE_MARK}.txt", f"C:\\{ESCAPE_MARK}.txt",
                     f"pkg\\..\\..\\{ESCAPE_MARK}.txt", "a/" * 60 + "deep.txt", "dir/")),
    st.text(min_size=1, max_size=30),
)  # fmt: skip
member_data = st.one_of(
    mutated(FILM_TOML, 2), mutated(REVIEW, 2), st.binary(max_size=256), st.just(b"a" * 300_000)
)


@given(
    members=st.dictionaries(member_names, member_data, max_size=8),
    method=st.sampled_from((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2)),
)
@fuzzed("zipped film packages: built from hostile members")
def test_zip_members(members: dict[str, bytes], method: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            try:
                archive.writestr(name, data)
            except (ValueError, UnicodeEncodeError, IndexError):
                continue
    _load_zip_bytes(buffer.getvalue())


def _good_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("film.toml", FILM_TOML), ("review.md", REVIEW),
                           ("i18n/es.po", CATALOG), ("subtitles/es.srt", SUBTITLES)):  # fmt: skip
            archive.writestr(name, data)
    return buffer.getvalue()


@given(data=mutated(_good_zip(), 4))
@fuzzed("zipped film packages: damaged archives")
def test_zip_damaged(data: bytes) -> None:
    _load_zip_bytes(data)


def _load_zip_bytes(data: bytes) -> None:
    folder = _fresh("zip")
    path = folder / "film.zip"
    path.write_bytes(data)
    _load(path)
    for place in (Path(tempfile.gettempdir()), _SCRATCH, Path("/")):
        assert not list(place.glob(f"{ESCAPE_MARK}*")), "an archive member escaped"


def _load(path: Path) -> None:
    try:
        film = load_film(path)
    except MismaLunaError as error:
        assert error.problem and error.path is not None
        assert not str(error.path).startswith(tempfile.gettempdir() + "/misma-luna-zip-")
        return
    for language in film.content_languages():
        film.localized(language).blocks()


def _fresh(name: str) -> Path:
    folder = _SCRATCH / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
