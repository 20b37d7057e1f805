"""`misma-luna library list|import|export|search`: the reader's films without the window.

`list` prints id, title, year, languages and completeness (or JSON); `import` copies a
package folder or `.zip` in; `export` writes any film as a `.zip` a colleague can import;
`search` finds words across every film's titles, reviews, subtitles and the reader's notes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from misma_luna.cli.environment import activate_language, app_data_dir
from misma_luna.core.base import i18n
from misma_luna.core.base.i18n import _
from misma_luna.core.library.entry import LibraryEntry
from misma_luna.core.library.library import Library, SearchHit, library_root


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`list [--json]`, `import PATH`, `export ID --output FILE.zip`, `search TEXT [--json]`."""
    parser.description = "The reader's own films."
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="{list,import,export,search}"
    )
    listing = actions.add_parser("list", help="list every film in the library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    taken = actions.add_parser("import", help="copy a film package folder or .zip into the library")
    taken.add_argument("path", type=Path, metavar="PATH")
    given = actions.add_parser("export", help="write a film of the library as a .zip")
    given.add_argument("id", metavar="ID")
    given.add_argument("--output", "-o", type=Path, required=True, metavar="FILE.zip")
    found = actions.add_parser(
        "search", help="find words in every film's titles, reviews, subtitles and notes"
    )
    found.add_argument("text", metavar="TEXT")
    found.add_argument("--json", action="store_true", help="print JSON")


def open_library() -> Library:
    """The library in the app's data folder, as the window finds it."""
    return Library(library_root(app_data_dir()))


def film_folder(name: str) -> Path:
    """The film `name` names on a command line: a film package (folder, `film.toml` or
    `.zip`) at that path, else the library's film with that id."""
    if Path(name).exists():
        return Path(name)
    library = open_library()
    try:
        return library.entry(name).folder
    finally:
        library.close()


def run(args: argparse.Namespace) -> int:
    """Run the chosen action on the library."""
    activate_language()
    library = open_library()
    try:
        if args.action == "import":
            # Loaded for an import or an export only.
            from misma_luna.core.library.sharing import import_film

            print(import_film(library, args.path))
        elif args.action == "export":
            from misma_luna.core.library.sharing import export_film

            entry = library.entry(args.id)
            print(export_film(entry.folder, entry.id, args.output))
        elif args.action == "search":
            _search(library, args.text, as_json=args.json)
        else:
            _list(library.entries(), as_json=args.json)
    finally:
        library.close()
    return 0


def _list(entries: list[LibraryEntry], as_json: bool) -> None:
    language = i18n.active_language()
    if as_json:
        print(
            json.dumps(
                [_as_json(entry, language) for entry in entries], ensure_ascii=False, indent=2
            )
        )
        return
    for entry in entries:
        done = ", ".join(
            f"{lang} {c.translated}/{c.total}" for lang, c in sorted(entry.completeness.items())
        )
        year = str(entry.year) if entry.year else "—"
        languages = "+".join(entry.languages)
        done = done or _("no translations")
        print(f"{entry.id}\t{entry.title(language)}\t{year}\t{languages}\t{done}")


def _as_json(entry: LibraryEntry, language: str) -> dict[str, object]:
    return {
        "id": entry.id,
        "title": entry.title(language),
        "original_title": entry.original_title,
        "year": entry.year,
        "languages": entry.languages,
        "completeness": {
            lang: {"translated": c.translated, "total": c.total}
            for lang, c in sorted(entry.completeness.items())
        },
        "folder": str(entry.folder),
        "last_opened": entry.last_opened,
    }


def _search(library: Library, text: str, as_json: bool) -> None:
    """Print the passages holding `text`: film id, title, place and snippet (or JSON)."""
    # Loaded for a search only.
    from misma_luna.core.library.passages import place_text
    from misma_luna.core.notes.store import NotesStore, notes_path

    library.refresh()
    with NotesStore.open(notes_path(app_data_dir()), read_only=True) as notes:
        library.index_notes(notes.all_notes())
    hits = library.search(text)
    language = i18n.active_language()
    if as_json:
        print(json.dumps([_hit_json(hit, language) for hit in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        where = place_text(hit.kind, hit.place, hit.language)
        print(f"{hit.entry.id}\t{hit.entry.title(language)}\t{where}\t{hit.snippet}")


def _hit_json(hit: SearchHit, language: str) -> dict[str, object]:
    return {
        "id": hit.entry.id,
        "title": hit.entry.title(language),
        "kind": hit.kind,
        "place": hit.place,
        "language": hit.language or None,
        "start_ms": hit.start_ms,
        "note_id": hit.note_id,
        "snippet": hit.snippet,
        "folder": str(hit.entry.folder),
    }
