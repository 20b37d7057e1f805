"""`misma-luna words list|export|level`: the reader's words without the window.

It reads the same words database as the window (opened read-only, so it is safe while the
window runs), writes Anki decks and CSV tables whole, and says how much of a film's
subtitles a reader will follow.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.words.export import FORMATS
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Word


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`list [--film ID] [--json]`, `export (--film ID | --all) --output FILE`, `level FILM`."""
    parser.description = "The words you collected: list them, export them, level a film."
    actions = parser.add_subparsers(dest="action", required=True, metavar="{list,export,level}")
    listing = actions.add_parser("list", help="list your words")
    listing.add_argument("--film", metavar="ID", help="only the words of this film id")
    listing.add_argument("--json", action="store_true", help="as JSON")
    export = actions.add_parser("export", help="write your words as an Anki deck or a CSV table")
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--film", metavar="ID", help="only the words of this film id")
    scope.add_argument("--all", action="store_true", help="the words of every film")
    export.add_argument("--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--format", choices=FORMATS, dest="form", help="else from FILE's suffix")
    level = actions.add_parser("level", help="how much of a film's subtitles you will follow")
    level.add_argument("film", type=Path, metavar="FILM", help="a film package folder or .zip")
    level.add_argument("--common", type=int, default=2000, metavar="N")
    level.add_argument("--json", action="store_true", help="as JSON")


def default_db_path() -> Path:
    """The words database the window uses, found the way the window finds it."""
    from misma_luna.cli.environment import app_data_dir

    return words_path(app_data_dir())


def run(args: argparse.Namespace) -> int:
    """Run the chosen action; a user's mistake ends as one line naming the file."""
    from misma_luna.cli.environment import activate_language

    activate_language()
    store = WordsStore.open(default_db_path(), read_only=True)
    try:
        if args.action == "level":
            return _level(args, store)
        words = store.words(None if getattr(args, "all", False) else args.film)
        if args.action == "list":
            _list(words, args.json)
            return 0
        if args.film and not words:
            known = ", ".join(store.film_ids()) or "—"
            raise MismaLunaError(
                store.path,
                _("there are no words for the film {film} (films with words: {known})").format(
                    film=args.film, known=known
                ),
            )
        from misma_luna.core.words.export import write_words

        write_words(words, args.output, args.form or "")
    finally:
        store.close()
    return 0


def _list(words: list[Word], as_json: bool) -> None:
    if as_json:
        json.dump([_as_json(word) for word in words], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for word in words:
        meaning = word.meaning or word.counterpart
        print("\t".join((word.film_id, word.text, word.base, meaning)))


def _as_json(word: Word) -> dict[str, object]:
    return {
        "film": word.film_id, "word": word.text, "base": word.base, "language": word.language,
        "frequency": word.band, "zipf": word.zipf, "meaning": word.meaning,
        "counterpart": word.counterpart, "confidence": word.confidence, "line": word.line,
        "paired_line": word.paired_line, "time_ms": word.time_ms,
    }  # fmt: skip


def _level(args: argparse.Namespace, store: WordsStore) -> int:
    from misma_luna.core.film.loading import load_film
    from misma_luna.core.subtitles.tracks import load_track
    from misma_luna.core.words.coverage import coverage

    film = load_film(args.film)
    results = []
    for language, path in sorted(dict(film.subtitle_tracks).items()):
        track = load_track(path, language=language)
        lines = [cue.text for cue in track.cues]
        results.append(coverage(lines, language, store.known_keys(language), args.common))
    if not results:
        raise MismaLunaError(args.film, _("this film has no subtitles to measure"))
    if args.json:
        rows = [{"language": r.language, "words": r.words, "known": r.known,
                 "share": round(r.share, 4)} for r in results]  # fmt: skip
        json.dump({"film": film.id, "common": args.common, "tracks": rows}, sys.stdout)
        sys.stdout.write("\n")
        return 0
    for result in results:
        print(f"{result.language}\t{result.share:.0%}\t{result.verdict()}")
    return 0
