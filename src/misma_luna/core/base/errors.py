"""The app's own error types: a user's bad input becomes one of these, never a traceback.

Every message names the file (and the line, when known) and says what is wrong, in the
active UI language, so the GUI and the command line can show it as it is.
"""

from __future__ import annotations

from pathlib import Path

from misma_luna.core.base.i18n import _


class MismaLunaError(Exception):
    """Base of every error the app reports to its user instead of crashing."""

    def __init__(self, path: Path | str | None, problem: str, line: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line: file, optional line number, problem."""
        if self.path is None:
            return self.problem
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.problem}"


class FilmError(MismaLunaError):
    """A film package or review file that cannot be opened."""


class CatalogError(MismaLunaError):
    """A gettext catalog (.po) that cannot be read."""


class TextFileError(MismaLunaError):
    """A text file that is too large, binary, or undecodable."""


class SubtitleError(MismaLunaError):
    """A subtitle track that cannot be read, or a part of one that was skipped."""


def cannot_read(error: OSError) -> str:
    """`the file cannot be read (reason)` in the active language, the system's reason kept."""
    return _("the file cannot be read ({reason})").format(reason=error.strerror or error)


def cannot_write(error: OSError) -> str:
    """`the file cannot be written (reason)` in the active language, the system's reason kept."""
    return _("the file cannot be written ({reason})").format(reason=error.strerror or error)
