"""The kinds of file the app opens and what each becomes: a film package (a folder with
`film.toml`, or a `.zip` of one), a bare review, or a subtitle track. Readers, drop targets
and file dialogs all ask here, so the list of suffixes exists once.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path

MANIFEST_NAME = "film.toml"
ARCHIVE_SUFFIX = ".zip"
REVIEW_SUFFIXES = (".md", ".markdown", ".txt")
# The formats pysubs2 reads that the app offers (pysubs2 reads `.txt` as TMP subtitles).
SUBTITLE_SUFFIXES = (".srt", ".vtt", ".ass", ".ssa", ".sub", ".smi", ".sami", ".ttml", ".txt")


class FileKind(Enum):
    """What a file or folder given on its own opens as."""

    PACKAGE = "package"
    ARCHIVE = "archive"
    REVIEW = "review"
    SUBTITLES = "subtitles"


def kind_of(path: Path) -> FileKind | None:
    """What `path` opens as when given alone (a `.txt` is a review), or None."""
    if path.name == MANIFEST_NAME or path.is_dir():
        return FileKind.PACKAGE
    suffix = path.suffix.lower()
    if suffix == ARCHIVE_SUFFIX:
        return FileKind.ARCHIVE
    if suffix in REVIEW_SUFFIXES:
        return FileKind.REVIEW
    if suffix in SUBTITLE_SUFFIXES:
        return FileKind.SUBTITLES
    return None


def opens_as_film(path: Path) -> bool:
    """Whether `path` given alone opens as a film: a package, its archive or a review."""
    return kind_of(path) in (FileKind.PACKAGE, FileKind.ARCHIVE, FileKind.REVIEW)


def is_subtitle(path: Path) -> bool:
    """Whether `path` is named as a subtitle track (in a package's `subtitles/`, a `.txt` is)."""
    return path.suffix.lower() in SUBTITLE_SUFFIXES


def is_review(path: Path) -> bool:
    """Whether `path` is named as a bare review file."""
    return path.suffix.lower() in REVIEW_SUFFIXES


def dialog_patterns(names: Iterable[str]) -> str:
    """Qt-style file dialog patterns: suffixes become `*.srt`, whole names stay as they are."""
    return " ".join(f"*{name}" if name.startswith(".") else name for name in names)


def film_patterns() -> str:
    """`film.toml *.zip *.md *.markdown *.txt`: what opens as a film."""
    return dialog_patterns((MANIFEST_NAME, ARCHIVE_SUFFIX, *REVIEW_SUFFIXES))


def subtitle_patterns() -> str:
    """`*.srt *.vtt ...`: what opens as a subtitle track."""
    return dialog_patterns(SUBTITLE_SUFFIXES)
