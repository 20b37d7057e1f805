"""Translating a film in the app: every review block and film field beside its translation.

A `TranslationSession` reads one language's `i18n/<lang>.po` of a package and lists each piece
the reader can translate with its state: translated, missing, or outdated (fuzzy, as gettext
says: the source changed since it was translated). A block whose text changed has no entry
under its new text; the session finds the old entry it came from (the closest left-over
source) and offers its translation as outdated, beside the old source. Saving one piece
writes the whole catalog at once (header and other entries kept), or leaves the file as it
was; a saved piece is never fuzzy any more.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from misma_luna.core.base import catalog_rules
from misma_luna.core.base.errors import FilmError, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.i18n import _
from misma_luna.core.film.content import FIELD_CONTEXT, ContentCatalog, Key, read_pofile
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.film.translation import template_comment, template_entries

# How alike an old source must be to a new one for its translation to be offered as outdated
# (the cut-off gettext's and babel's merges use).
SIMILAR = 0.6
# Left-over sources compared per piece at most: a review rewritten from scratch stays quick.
MAX_CANDIDATES = 400


class PieceState(enum.Enum):
    """Where a piece's translation stands."""

    TRANSLATED = "translated"
    MISSING = "missing"
    OUTDATED = "outdated"

    @property
    def needs_work(self) -> bool:
        """Missing or outdated: what the reader still has to look at."""
        return self is not PieceState.TRANSLATED


@dataclass(frozen=True)
class Piece:
    """One review block (or several with the same text) or one film field, and its translation."""

    context: str | None
    source: str
    translation: str
    state: PieceState
    # `heading`, `paragraph`, `quote`, `item` for a block; the field's name for a field.
    kind: str
    # How many review blocks have this text (0 for a film field).
    blocks: int = 1
    # The source the translation was made from, when it has changed since.
    previous_source: str | None = None

    @property
    def key(self) -> Key:
        """The (msgctxt, msgid) the film looks the piece up by."""
        return (self.context, self.source)

    @property
    def is_field(self) -> bool:
        """A field of film.toml rather than a review block."""
        return self.context is not None and self.context.startswith(FIELD_CONTEXT)


@dataclass(frozen=True)
class Progress:
    """How much of a language is translated: review blocks and film fields apart."""

    blocks_done: int
    blocks: int
    fields_done: int
    fields: int

    @property
    def complete(self) -> bool:
        """Every block and every field translated and current."""
        return self.blocks_done == self.blocks and self.fields_done == self.fields


class TranslationSession:
    """One language of one package, as the reader translates it."""

    def __init__(self, film: FilmPackage, language: str) -> None:
        if language == film.source_language:
            raise FilmError(
                film.path, _("the film's own text is already in this language; nothing to do")
            )
        self.film = film
        self.language = language
        self.path = film.path / "i18n" / f"{language}.po"
        self._catalog = _read_catalog(self.path, film, language)
        self._matches: dict[Key, Any] = {}
        self.pieces = self._list_pieces()
        # True while the file lacks something typed (its last write failed).
        self.unsaved = False

    # -- reading

    def _list_pieces(self) -> list[Piece]:
        wanted = _wanted(self.film)
        found = {(e.msgctxt, e.msgid): e for e in self._catalog if e.msgid and not e.obsolete}
        left_over = [e for key, e in found.items() if key not in wanted and e.msgstr]
        left_over += [e for e in self._catalog if e.obsolete and e.msgid and e.msgstr]
        pieces = []
        for key, (kind, blocks) in wanted.items():
            entry = found.get(key)
            if entry is None:
                entry = self._match(key, left_over)
            pieces.append(self._piece(key, kind, blocks, entry))
        return pieces

    def _match(self, key: Key, left_over: list[Any]) -> Any:
        """The left-over entry whose source is most like `key`'s, taken so no other piece
        gets it; None when nothing is alike enough."""
        context, source = key
        best, best_ratio = None, SIMILAR
        for entry in left_over[:MAX_CANDIDATES]:
            if entry.msgctxt != context:
                continue
            matcher = difflib.SequenceMatcher(None, entry.msgid, source, autojunk=False)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = entry, ratio
        if best is not None:
            left_over.remove(best)
            self._matches[key] = best
        return best

    def _piece(self, key: Key, kind: str, blocks: int, entry: Any) -> Piece:
        context, source = key
        if entry is None or not entry.msgstr:
            return Piece(context, source, "", PieceState.MISSING, kind, blocks)
        matched = key in self._matches
        if matched or entry.fuzzy or not _fits(source, entry.msgstr):
            previous = entry.msgid if matched else entry.previous_msgid
            return Piece(
                context, source, entry.msgstr, PieceState.OUTDATED, kind, blocks, previous or None
            )
        return Piece(context, source, entry.msgstr, PieceState.TRANSLATED, kind, blocks)

    def progress(self) -> Progress:
        """How many blocks and fields read translated now."""
        blocks = [p for p in self.pieces if not p.is_field]
        fields = [p for p in self.pieces if p.is_field]
        done = PieceState.TRANSLATED
        return Progress(
            blocks_done=sum(p.blocks for p in blocks if p.state is done),
            blocks=sum(p.blocks for p in blocks),
            fields_done=sum(1 for p in fields if p.state is done),
            fields=len(fields),
        )

    # -- writing

    def save(self, index: int, translation: str) -> Piece:
        """Write `translation` of piece `index` into the catalog file, whole, no longer fuzzy.

        Raises FilmError naming the file when it cannot be written; the file keeps what it held
        and the piece stays as typed in the session (the next save writes it too).
        """
        piece = self.pieces[index]
        entry = self._entry_for(piece)
        entry.msgstr = translation
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgctxt = None
        state = PieceState.TRANSLATED if translation.strip() else PieceState.MISSING
        if state is PieceState.TRANSLATED and not _fits(piece.source, translation):
            state = PieceState.OUTDATED
        saved = Piece(piece.context, piece.source, translation, state, piece.kind, piece.blocks)
        self.pieces[index] = saved
        self.unsaved = True
        self.write()
        return saved

    def _entry_for(self, piece: Piece) -> Any:
        """The catalog's entry for `piece`, made (and the entry it replaces retired) if need be."""
        # polib loads with the session, never for reading a film.
        import polib  # noqa: PLC0415

        for entry in self._catalog:
            if not entry.obsolete and (entry.msgctxt, entry.msgid) == piece.key:
                return entry
        old = self._matches.pop(piece.key, None)
        if old is not None:
            old.obsolete = True
        comment = template_comment(piece.kind, piece.is_field)
        entry = polib.POEntry(msgctxt=piece.context, msgid=piece.source, msgstr="", comment=comment)
        self._catalog.append(entry)
        return entry

    def write(self) -> None:
        """Write the catalog as the session holds it, whole or not at all."""
        data = str(self._catalog)
        if not data.endswith("\n"):
            data += "\n"
        try:
            self.path.parent.mkdir(exist_ok=True)
            write_whole(self.path, data.encode("utf-8"))
        except OSError as error:
            raise FilmError(self.path, cannot_write(error)) from None
        self.unsaved = False

    def updated_film(self) -> FilmPackage:
        """The film with this language's translations as now written (for the reading panes)."""
        catalog = ContentCatalog.from_pofile(self._catalog, self.language, self.path)
        self.film = replace(self.film, catalogs={**self.film.catalogs, self.language: catalog})
        return self.film


class Editable(enum.Enum):
    """Whether the app may write a film's translations, and if not, why."""

    YES = "yes"
    BUNDLED = "bundled"  # the film that comes with the app, read from its resources
    OUTSIDE = "outside"  # a zip, a bare review or a folder outside the library
    READ_ONLY = "read-only"  # a library folder the reader cannot write to


def editable(film: FilmPackage, library: Path, bundled: Path) -> Editable:
    """Only the library's own packages are translated in the app, and only when writable."""
    try:
        folder = film.path.resolve()
        if folder == bundled.resolve():
            return Editable.BUNDLED
        if not (folder.is_dir() and folder.is_relative_to(library.resolve())):
            return Editable.OUTSIDE
    except OSError:
        return Editable.OUTSIDE
    i18n = folder / "i18n"
    writable = os.access(folder, os.W_OK) and (not i18n.exists() or os.access(i18n, os.W_OK))
    return Editable.YES if writable else Editable.READ_ONLY


def _wanted(film: FilmPackage) -> dict[Key, tuple[str, int]]:
    """Every translatable piece, in reading order: key -> (kind, how many blocks share it)."""
    shared = Counter(block.text for block in film.review.blocks)
    return {
        entry.key: (entry.kind, 0 if entry.is_field else shared[entry.key[1]])
        for entry in template_entries(film)
    }


def _fits(source: str, translation: str) -> bool:
    """Whether the reading panes will show `translation` (no placeholder of its own)."""
    return catalog_rules.fits_text(source, translation)


def _read_catalog(path: Path, film: FilmPackage, language: str) -> Any:
    """The package's catalog for `language`, or a new one with a header when there is none."""
    # polib loads with the session, never for reading a film.
    import polib  # noqa: PLC0415

    if not path.exists():
        catalog = polib.POFile(wrapwidth=0)
        catalog.metadata = {
            "Project-Id-Version": film.id,
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        return catalog
    return read_pofile(path, within=film.path, wrapwidth=0)
