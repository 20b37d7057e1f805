"""`misma-luna words list|export|level|known`: the reader's words without the window.

It reads the same words database as the window (opened read-only, so it is safe while the
window runs; `known import` alone writes, one transaction), writes Anki decks and CSV tables
whole, and says how hard a film is for the reader.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon
from misma_luna.core.words.export import FORMATS
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Word

if TYPE_CHECKING:
    from misma_luna.core.film.package import FilmPackage
    from misma_luna.core.words.coverage import Level


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`list`, `export (--film ID | --all) --output FILE [--cloze]`, `level FILM`,
    `known import FILE [--language es|en]`, `known list`."""
    parser.description = "The words you collected: list them, export them, level a film."
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="{list,export,level,known}"
    )
    listing = actions.add_parser("list", help="list your words")
    listing.add_argument("--film", metavar="ID", help="only the words of this film id")
    listing.add_argument("--json", action="store_true", help="as JSON")
    export = actions.add_parser("export", help="write your words as an Anki deck or a CSV table")
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--film", metavar="ID", help="only the words of this film id")
    scope.add_argument("--all", action="store_true", help="the words of every film")
    export.add_argument("--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--format", choices=FORMATS, dest="form", help="else from FILE's suffix")
    export.add_argument("--cloze", action="store_true", help="Anki: a cloze card of each line too")
    level = actions.add_parser("level", help="how hard a film is for you")
    level.add_argument("film", metavar="FILM", help="a library id, a film package folder or .zip")
    level.add_argument("--common", type=int, default=2000, metavar="N")
    level.add_argument("--json", action="store_true", help="as JSON")
    known = actions.add_parser("known", help="the words you already know")
    known_actions = known.add_subparsers(dest="known_action", required=True,
                                         metavar="{import,list}")  # fmt: skip
    taken = known_actions.add_parser("import", help="add the words of a list, one word a line")
    taken.add_argument("file", type=Path, metavar="FILE")
    taken.add_argument("--language", choices=lexicon.LANGUAGES, help="else guessed")
    shown = known_actions.add_parser("list", help="list the words you know (base forms)")
    shown.add_argument("--language", choices=lexicon.LANGUAGES, help="else every language")


def default_db_path() -> Path:
    """The words database the window uses, found the way the window finds it."""
    from misma_luna.cli.environment import app_data_dir

    return words_path(app_data_dir())


def run(args: argparse.Namespace) -> int:
    """Run the chosen action; a user's mistake ends as one line naming the file."""
    from misma_luna.cli.environment import activate_language

    activate_language()
    if args.action == "known" and args.known_action == "import":
        return _import_known(args)
    store = WordsStore.open(default_db_path(), read_only=True)
    try:
        if args.action == "level":
            return _level(args, store)
        if args.action == "known":
            for language in [args.language] if args.language else list(lexicon.LANGUAGES):
                for key in sorted(store.known(language)):
                    print(f"{language}\t{key}")
            return 0
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

        write_words(words, args.output, args.form or "", cloze=args.cloze)
    finally:
        store.close()
    return 0


def _import_known(args: argparse.Namespace) -> int:
    """Add a list's words to the known words and say how many were new."""
    from misma_luna.core.words.known import imported_message

    with WordsStore.open(default_db_path()) as store:
        print(imported_message(store.import_known(args.file, args.language or ""), args.file))
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
    from misma_luna.core.subtitles.tracks import load_track
    from misma_luna.core.words.coverage import film_level

    film = _load_film(args.film)
    if args.common < 1:
        raise MismaLunaError(None, _("--common needs at least one word"))
    tracks = []
    for language, path in sorted(dict(film.subtitle_tracks).items()):
        cues = load_track(path, language=language).cues
        found = film_level([cue.text for cue in cues], language, store.known(language), args.common)
        tracks.append((found, [cue.start_ms for cue in cues]))
    if not tracks:
        raise MismaLunaError(args.film, _("this film has no subtitles to measure"))
    if args.json:
        rows = [_level_json(found, starts) for found, starts in tracks]
        json.dump({"film": film.id, "common": args.common, "tracks": rows}, sys.stdout,
                  ensure_ascii=False)  # fmt: skip
        sys.stdout.write("\n")
        return 0
    for found, _starts in tracks:
        print(_level_line(found))
    return 0


def _load_film(name: str) -> FilmPackage:
    """The film `name` names: a package path, else a library id."""
    from misma_luna.cli.library import film_folder
    from misma_luna.core.film.loading import load_film

    return load_film(film_folder(name))


def _level_json(found: Level, starts: list[int]) -> dict[str, object]:
    c = found.coverage
    return {
        "language": c.language, "words": c.words, "known": c.known, "share": round(c.share, 4),
        "common_share": round(c.common_share, 4), "known_share": round(c.reader_share, 4),
        "level": c.level,
        "one_new_word_lines": [
            {"line": line.index + 1, "time_ms": starts[line.index], "text": line.text,
             "word": line.unknown[0]} for line in found.one_new
        ],
        "to_learn": [{"base": base, "count": count} for base, count in found.to_learn],
    }  # fmt: skip


def _level_line(found: Level) -> str:
    c = found.coverage
    # TRANSLATORS: the command line's summary of one track; {verdict} is "comfortable",
    # "some effort" or "hard going"; {lines} a number of subtitle lines.
    summary = _(
        "{language}\t{share} familiar ({common} among the most common, {known} known by "
        "you): {verdict}; {lines} lines with one new word; learn first: {words}"
    )
    return summary.format(
        language=c.language, share=f"{c.share:.0%}", common=f"{c.common_share:.0%}",
        known=f"{c.reader_share:.0%}", verdict=c.verdict(), lines=len(found.one_new),
        words=", ".join(base for base, _count in found.to_learn) or "—",
    )  # fmt: skip
