"""A film package shipped as a `.zip`: checked entry by entry, then read like a folder.

Nothing is trusted: absolute and `..` paths, links, too many entries, large or suspiciously
well-compressed members (zip bombs) are refused before a byte is written. The package is
unpacked into a private temporary folder; messages name the archive, never that folder.
"""

from __future__ import annotations

import atexit
import lzma
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path, PurePosixPath

from misma_luna.core.base.errors import FilmError, MismaLunaError, cannot_read
from misma_luna.core.base.file_kinds import MANIFEST_NAME
from misma_luna.core.base.i18n import _
from misma_luna.core.base.text_decoding import MAX_TEXT_BYTES
from misma_luna.core.film.package import FilmPackage, load_package_dir

MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = MAX_TEXT_BYTES
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200
# What a damaged or exotic archive raises while being read (found by tests/robustness).
_UNREADABLE = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError,
    RuntimeError, UnicodeDecodeError,
)  # fmt: skip


def load_zip(path: Path) -> FilmPackage:
    """Check and unpack `path`, then read the package inside it."""
    _check_archive_size(path)
    target = Path(tempfile.mkdtemp(prefix="misma-luna-zip-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    try:
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            _check_members(path, members)
            for info in members:
                _extract(archive, info, target)
    except MismaLunaError:
        shutil.rmtree(target, ignore_errors=True)
        raise
    except _UNREADABLE:
        shutil.rmtree(target, ignore_errors=True)
        raise FilmError(path, _("this is not a readable .zip archive")) from None
    root = _package_root(path, target)
    try:
        film = load_package_dir(root)
    except MismaLunaError as error:
        raise _renamed(error, root, path) from None
    warnings = tuple(_renamed(warning, root, path) for warning in film.warnings)
    return replace(film, warnings=warnings)


def _check_archive_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FilmError(path, cannot_read(error)) from None
    if size > MAX_ARCHIVE_BYTES:
        limit = MAX_ARCHIVE_BYTES // 1048576
        raise FilmError(
            path, _("the archive is too large (the limit is {limit} MB)").format(limit=limit)
        )


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise FilmError(path, _("the archive holds too many files to be a film package"))
    total = 0
    for info in members:
        _check_name(path, info)
        if info.file_size > MAX_MEMBER_BYTES:
            raise FilmError(
                path,
                _("“{name}” in the archive is too large (the limit is {limit} MB)").format(
                    name=info.filename, limit=MAX_MEMBER_BYTES // 1048576
                ),
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FilmError(
                path,
                _("“{name}” in the archive is compressed suspiciously well (a zip bomb?)").format(
                    name=info.filename
                ),
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise FilmError(path, _("the archive unpacks to more than {limit} MB").format(
            limit=MAX_TOTAL_BYTES // 1048576))  # fmt: skip


def _check_name(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse absolute paths, `..`, drive letters and symbolic links."""
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    unsafe = (
        not parts
        or name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
        or ".." in parts
        or stat.S_ISLNK(info.external_attr >> 16)
    )
    if unsafe:
        raise FilmError(
            path,
            _("the archive holds an unsafe path (“{name}”), so it was not opened").format(
                name=info.filename
            ),
        )


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Write one checked member, reading no more than it declared."""
    destination = target.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(info) as source, destination.open("wb") as sink:
        data = source.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise FilmError(target, _("the archive lies about the size of its files"))
        sink.write(data)


def _package_root(path: Path, target: Path) -> Path:
    """The folder holding `film.toml`: the archive's top or its single top folder."""
    found = sorted(target.rglob(MANIFEST_NAME), key=lambda p: len(p.parts))
    if not found:
        raise FilmError(path, _("the archive holds no film.toml, so it is not a film package"))
    return found[0].parent


def _renamed(error: MismaLunaError, root: Path, archive: Path) -> MismaLunaError:
    """The same error, naming `archive/inner/path` instead of the temporary folder."""
    if error.path is None:
        return error
    try:
        inner = error.path.relative_to(root)
    except ValueError:
        return error
    shown = archive / inner if inner.parts else archive
    return type(error)(shown, error.problem, error.line)
