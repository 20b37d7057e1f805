"""The film cache: a parsed package comes back unchanged, and never once the package changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film import cache as film_cache
from misma_luna.core.film.cache import FilmCache
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.package import FilmPackage


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the bundled film that the test may change."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time the cache had to read a package from disk."""
    seen: list[Path] = []

    def counting(path: Path) -> FilmPackage:
        seen.append(path)
        return load_film(path)

    monkeypatch.setattr(film_cache, "load_film", counting)
    return seen


def _touch(path: Path, text: str) -> None:
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_read(
    package: Path, tmp_path: Path, reads: list[Path]
) -> None:
    cache = FilmCache(tmp_path / "cache")
    first = cache.load(package)
    again = cache.load(package / "film.toml")
    assert reads == [package.resolve()]
    assert again == first == load_film(package)
    assert list((tmp_path / "cache").glob("*.tmp")) == []


def test_the_cached_copy_holds_every_block_rendered_in_every_language(
    package: Path, tmp_path: Path
) -> None:
    FilmCache(tmp_path / "cache").load(package)
    cached = FilmCache(tmp_path / "cache").load(package)
    for language in cached.content_languages():
        for _block, shown in cached.localized(language).blocks():
            assert (shown.text, False) in cached.rendered
            assert (shown.text, True) in cached.rendered
    assert len(cached.content_languages()) == 2


def test_showing_a_cached_film_needs_no_parser(package: Path, tmp_path: Path) -> None:
    FilmCache(tmp_path / "cache").load(package)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from misma_luna.core.film.cache import FilmCache\n"
        f"film = FilmCache(Path({str(tmp_path / 'cache')!r})).load(Path({str(package)!r}))\n"
        "html = [film.inline_html(s.text, p) for l in ('en', 'es') for _b, s in "
        "film.localized(l).blocks() for p in (False, True)]\n"
        "assert '<em>' in ''.join(html) or '<strong>' in ''.join(html)\n"
        "print(sorted({'markdown_it', 'polib', 'charset_normalizer', 'ftfy'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("review.md", lambda text: text.replace("Carlitos", "Carlos", 1)),
        ("film.toml", lambda text: text.replace("2007", "2008", 1)),
        ("i18n/es.po", lambda text: text + '\nmsgid "Extra"\nmsgstr "Más"\n'),
    ],
)
def test_a_changed_file_is_read_again(
    package: Path, tmp_path: Path, reads: list[Path], name: str, change
) -> None:  # type: ignore[no-untyped-def]
    cache = FilmCache(tmp_path / "cache")
    cache.load(package)
    path = package / name
    _touch(path, change(path.read_text(encoding="utf-8")))
    changed = cache.load(package)
    assert len(reads) == 2
    assert changed == load_film(package)


def test_a_new_catalog_is_noticed(package: Path, tmp_path: Path, reads: list[Path]) -> None:
    cache = FilmCache(tmp_path / "cache")
    cache.load(package)
    shutil.copy(package / "i18n" / "es.po", package / "i18n" / "pt.po")
    assert "pt" in cache.load(package).content_languages()
    assert len(reads) == 2


def test_a_damaged_cache_file_is_read_again_and_replaced(
    package: Path, tmp_path: Path, reads: list[Path]
) -> None:
    cache = FilmCache(tmp_path / "cache")
    cache.load(package)
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle at all")
    assert cache.load(package) == load_film(package)
    assert cache.load(package) == load_film(package)
    assert len(reads) == 2  # read again once, then cached anew


def test_a_cache_that_cannot_be_written_is_no_error(
    package: Path, tmp_path: Path, reads: list[Path]
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = FilmCache(blocker)
    assert cache.load(package) == cache.load(package) == load_film(package)
    assert len(reads) == 2


def test_zips_bare_reviews_and_packages_with_warnings_are_read_each_time(
    package: Path, tmp_path: Path, reads: list[Path]
) -> None:
    review = tmp_path / "review.md"
    review.write_text("# A review\n\nShort and *kind*.\n", encoding="utf-8")
    (package / "i18n" / "fr.po").write_bytes(b"\xff\xfe not a catalog")
    cache = FilmCache(tmp_path / "cache")
    for _ in range(2):
        assert cache.load(review).review.title == "A review"
        assert cache.load(package).warnings
    assert len(reads) == 4
    assert list((tmp_path / "cache").glob("*.pickle")) == []


def test_entries_unused_for_months_and_interrupted_writes_go_when_a_film_is_cached(
    package: Path, tmp_path: Path
) -> None:
    cache = FilmCache(tmp_path / "cache")
    cache.load(package)
    (entry,) = cache.folder.glob("*.pickle")
    months_ago = time.time() - (film_cache.UNUSED_DAYS + 1) * film_cache.DAY_SECONDS
    os.utime(entry, (months_ago, months_ago))
    cache.load(package)  # read from the cache: used again, so kept
    assert entry.stat().st_mtime > months_ago
    stale = [cache.folder / "moved-away-0badf00d.pickle", cache.folder / "tmpx1y2.tmp"]
    for path in stale:
        path.write_bytes(b"left over")
        os.utime(path, (months_ago, months_ago))
    fresh_tmp = cache.folder / "being-written.tmp"
    fresh_tmp.write_bytes(b"")
    other = Path(shutil.copytree(package, tmp_path / "other-film"))
    cache.load(other)  # a new entry is written: the cache is pruned
    assert not any(path.exists() for path in stale)
    assert entry.exists() and fresh_tmp.exists()
    assert len(list(cache.folder.glob("*.pickle"))) == 2


def test_an_edit_that_keeps_size_and_time_is_still_seen(
    package: Path, tmp_path: Path, reads: list[Path]
) -> None:
    cache = FilmCache(tmp_path / "cache")
    cache.load(package)
    review = package / "review.md"
    before = review.stat()
    text = review.read_text(encoding="utf-8")
    swapped = text.replace("a", "e", 1)
    assert len(swapped.encode()) == before.st_size and swapped != text
    review.write_text(swapped, encoding="utf-8")
    os.utime(review, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert review.stat().st_size == before.st_size
    assert review.stat().st_mtime_ns == before.st_mtime_ns
    fresh = cache.load(package)
    assert len(reads) == 2
    assert fresh.review_source.text == swapped
