"""`misma-luna subtitles export A B --output OUT`: two tracks synced and paired, headless.

Loads both tracks as the GUI does, finds the second one's timing by itself (unless
`--offset` or `--no-sync` says otherwise), pairs them and writes, by the output's name, the
CSV of the pair, one dual-language subtitle file, or the second track retimed
(`B.synced.srt`). What was found goes to stderr in one line, with any warnings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.subtitles.csv_export import write_csv
from misma_luna.core.subtitles.file_export import (
    is_synced_name,
    subtitle_format,
    write_dual,
    write_synced,
)
from misma_luna.core.subtitles.pairing.pair import pair_tracks
from misma_luna.core.subtitles.pairing.report import summary, warnings
from misma_luna.core.subtitles.sync.transform import MAX_OFFSET_MS, Transform, check_offset
from misma_luna.core.subtitles.tracks import Track, load_track


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `subtitles` subcommand and its `export` action."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export", help="write two subtitle tracks synced and paired (CSV, SRT, ASS or VTT)"
    )
    export.add_argument("first", type=Path, metavar="A", help="first track (its column first)")
    export.add_argument("second", type=Path, metavar="B", help="second track")
    export.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        metavar="OUT",
        help="pair.csv, both.srt (.ass, .vtt: one dual file) or B.synced.srt (B retimed)",
    )
    timing = export.add_mutually_exclusive_group()
    timing.add_argument(
        "--offset", type=int, metavar="MS", help="move track B by MS milliseconds, no sync"
    )
    timing.add_argument("--no-sync", action="store_true", help="pair the tracks as timed")
    timing.add_argument(
        "--estimate-offset", action="store_true", help="find B's timing (the default)"
    )
    export.add_argument(
        "--languages", nargs=2, metavar=("LANG_A", "LANG_B"), help="override the guessed languages"
    )
    export.add_argument(
        "--no-bom",
        action="store_true",
        help="write the CSV as UTF-8 without the byte-order mark Excel needs to show accents",
    )


def run(args: argparse.Namespace) -> int:
    """Sync, pair and export; user mistakes surface as MismaLunaError (exit 2)."""
    transform = _transform(args)
    _check_output(args.output)
    languages = args.languages or (None, None)
    first = load_track(args.first, language=languages[0])
    second = load_track(args.second, language=languages[1])
    _report(first)
    _report(second)
    pairing = pair_tracks(first.cues, second.cues, transform)
    output: Path = args.output
    if is_synced_name(output):
        write_synced(second.cues, pairing.sync.transform, output)
    elif subtitle_format(output) is not None:
        write_dual(pairing, output)
    else:
        write_csv(pairing, output, first.language, second.language, bom=not args.no_bom)
    print(summary(pairing, second.language), file=sys.stderr)
    for warning in warnings(pairing):
        # TRANSLATORS: a warning on the command line about the pairing found.
        print(_("misma-luna: warning: {problem}").format(problem=warning), file=sys.stderr)
    return 0


def _transform(args: argparse.Namespace) -> Transform | None:
    """The reader's timing (`--offset`, `--no-sync`), or None to find it."""
    if args.no_sync:
        return Transform()
    if args.offset is None:
        return None
    if not check_offset(args.offset):
        hours = MAX_OFFSET_MS // 3_600_000
        message = _("--offset {offset} is out of range: a track moves at most {hours} hours")
        raise MismaLunaError(None, message.format(offset=args.offset, hours=hours))
    return Transform.constant(args.offset)


def _check_output(path: Path) -> None:
    """Refuse an output whose kind cannot be told from its name before reading anything."""
    if path.suffix.lower() != ".csv" and subtitle_format(path) is None:
        message = _("the output must end in .csv, .srt, .ass, .ssa or .vtt")
        raise MismaLunaError(path, message)


def _report(track: Track) -> None:
    for problem in track.problems:
        # TRANSLATORS: a warning on the command line; {problem} names the file and what is odd.
        print(_("misma-luna: warning: {problem}").format(problem=problem.message), file=sys.stderr)
