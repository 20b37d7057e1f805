"""Opening whatever the reader points at as a film: a package folder, its film.toml, a zip
of a package, or a bare review file. The one place that tells them apart (`file_kinds`).
"""

from __future__ import annotations

from pathlib import Path

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.file_kinds import FileKind, kind_of
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage, load_package_dir


def load_film(path: Path) -> FilmPackage:
    """Open a package folder, its film.toml, a .zip of it or a bare review file.

    Raise `FilmError` (or another `MismaLunaError`) naming the file and the problem.
    """
    if not path.exists():
        raise FilmError(path, _("the file or folder does not exist"))
    kind = kind_of(path)
    if kind is FileKind.PACKAGE:
        return load_package_dir(path if path.is_dir() else path.parent)
    if kind is FileKind.ARCHIVE:
        # zipfile loads for a zip only: a start from the film cache does without it.
        from misma_luna.core.film.zip_package import load_zip  # noqa: PLC0415

        return load_zip(path)
    if kind is FileKind.REVIEW:
        # Likewise the bare-review reader, for a review opened on its own.
        from misma_luna.core.film.bare_review import load_bare_review  # noqa: PLC0415

        return load_bare_review(path)
    raise FilmError(
        path,
        _("this is neither a film package (a folder or .zip with film.toml) nor a review "
          "file (.md or .txt)"),
    )  # fmt: skip
