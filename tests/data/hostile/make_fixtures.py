"""Writes the binary fixtures of this folder (archives, legacy encodings); run it to refresh them.

Text fixtures are committed as they are; these are generated because their bytes matter.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPANISH = (
    "# Bajo la misma luna: una reseña\n\n"
    "Adrián Alonso es Carlitos, un niño de nueve años que cruza la frontera para encontrar a su "
    "madre. ¡Qué película tan conmovedora! La dirección de Patricia Riggen es sencilla y cálida.\n"
)


def write_encodings() -> None:
    """The same Spanish review in Windows-1252 and in UTF-16 without a BOM, with CRLF lines."""
    crlf = SPANISH.replace("\n", "\r\n")
    (HERE / "resena-cp1252.txt").write_bytes(crlf.encode("cp1252"))
    (HERE / "resena-utf16.txt").write_bytes(crlf.encode("utf-16-le"))


def write_binary() -> None:
    """A PNG header and noise, named like a review (.txt: ruff format reads every .md)."""
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    (HERE / "binary-review.txt").write_bytes(data)


def write_archives() -> None:
    """A good package, path-traversal and absolute-path archives, and a zip bomb."""
    package = HERE / "hostile-film"
    with zipfile.ZipFile(HERE / "hostile-film.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package.rglob("*")):
            if path.is_file():
                archive.write(path, Path("hostile-film") / path.relative_to(package))
    with zipfile.ZipFile(HERE / "traversal.zip", "w") as archive:
        archive.write(package / "film.toml", "film.toml")
        archive.write(package / "review.md", "review.md")
        archive.writestr("../../escaped.txt", "This file tried to leave the package.\n")
    with zipfile.ZipFile(HERE / "absolute.zip", "w") as archive:
        archive.write(package / "film.toml", "film.toml")
        archive.writestr("/tmp/misma-luna-absolute.txt", "Absolute path.\n")
    with zipfile.ZipFile(HERE / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(package / "film.toml", "film.toml")
        archive.writestr("review.md", "a" * (4 * 1024 * 1024))


if __name__ == "__main__":
    write_encodings()
    write_binary()
    write_archives()
