"""`misma-luna subtitles export A B --output pair.csv`: the aligned pair, headless.

Loads both tracks as the GUI does, aligns them by time (after an optional offset) and
writes the CSV atomically. Skipped cues are reported on stderr; the export still happens.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from misma_luna.core.base.i18n import _
from misma_luna.core.subtitles.alignment import align, estimate_offset
from misma_luna.core.subtitles.csv_export import write_csv
from misma_luna.core.subtitles.tracks import Track, load_track


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `subtitles` subcommand and its `export` action."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write two aligned subtitle tracks as CSV")
    export.add_argument("first", type=Path, metavar="A", help="first track (its column first)")
    export.add_argument("second", type=Path, metavar="B", help="second track")
    export.add_argument("--output", "-o", type=Path, required=True, metavar="OUT.csv")
    export.add_argument(
        "--offset", type=int, default=0, metavar="MS", help="move track B by MS milliseconds"
    )
    export.add_argument(
        "--estimate-offset", action="store_true", help="move track B by the best-fitting offset"
    )
    export.add_argument(
        "--languages", nargs=2, metavar=("LANG_A", "LANG_B"), help="override the guessed languages"
    )


def run(args: argparse.Namespace) -> int:
    """Export the aligned pair; user mistakes surface as MismaLunaError (exit 2)."""
    languages = args.languages or (None, None)
    first = load_track(args.first, language=languages[0])
    second = load_track(args.second, language=languages[1])
    _report(first)
    _report(second)
    offset = estimate_offset(first.cues, second.cues) if args.estimate_offset else args.offset
    alignment = align(first.cues, second.shifted(offset).cues)
    write_csv(alignment, args.output, first.language, second.language)
    print(alignment.stats.summary(), file=sys.stderr)
    return 0


def _report(track: Track) -> None:
    for problem in track.problems:
        # TRANSLATORS: a warning on the command line; {problem} names the file and what is odd.
        print(_("misma-luna: warning: {problem}").format(problem=problem.message), file=sys.stderr)
