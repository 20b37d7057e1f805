"""Films in and out of the library: a package folder or `.zip` imported as a copy, and any
film exported as a `.zip` a colleague can import.

The original is never changed; only ordinary files are copied (a link is left behind), and
the zip is written beside its target and renamed, so a failed export leaves nothing.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from misma_luna.core.base.errors import FilmError, cannot_read, cannot_write
from misma_luna.core.base.file_kinds import FileKind, kind_of
from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.library.library import Library


def import_film(library: Library, path: Path) -> Path:
    """Copy the package at `path` (a folder, its film.toml or a .zip) into the library."""
    if not path.exists():
        raise FilmError(path, _("the file or folder does not exist"))
    kind = kind_of(path)
    if kind is FileKind.ARCHIVE:
        # zipfile and the zip checks load for an import of a zip only.
        from misma_luna.core.film.zip_package import load_zip  # noqa: PLC0415

        source = load_zip(path).path
    elif kind is FileKind.PACKAGE:
        source = path if path.is_dir() else path.parent
        load_package_dir(source)  # refuse a package with missing parts before copying
    else:
        raise FilmError(path, _("this is not a film package (a folder or .zip with film.toml)"))
    return library.install(lambda target: copy_package(source, target))


def copy_package(source: Path, target: Path) -> None:
    """Copy the ordinary files of the package `source` into the existing folder `target`."""
    for folder, subfolders, names in os.walk(source):
        subfolders[:] = [d for d in subfolders if not (Path(folder) / d).is_symlink()]
        relative = Path(folder).relative_to(source)
        for name in names:
            origin = Path(folder) / name
            if origin.is_symlink() or not origin.is_file():
                continue
            destination = target / relative / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(origin, destination)
            except OSError as error:
                raise FilmError(origin, cannot_read(error)) from None


def export_film(folder: Path, film_id: str, output: Path) -> Path:
    """Write the package in `folder` as the zip `output` (a top folder named `film_id`)."""
    members = sorted(path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    try:
        with (
            whole_path(output) as temporary,
            zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for path in members:
                archive.write(path, f"{film_id}/{path.relative_to(folder).as_posix()}")
    except OSError as error:
        raise FilmError(output, cannot_write(error)) from None
    return output
