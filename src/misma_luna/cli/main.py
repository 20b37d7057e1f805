"""The `misma-luna` command: the GUI by default, headless subcommands, `--self-test`.

Every subcommand lives in its own module with `add_arguments(parser)` and `run(args)`,
imported only when used. A user's mistake ends as one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from pathlib import Path
from typing import NamedTuple

from misma_luna import __version__
from misma_luna.core.base.errors import MismaLunaError

# name -> module holding `add_arguments(parser)` and `run(args) -> int`
SUBCOMMANDS: dict[str, str] = {
    "notes": "misma_luna.cli.notes",
    "sheet": "misma_luna.cli.sheet",
    "film": "misma_luna.cli.film",
    "subtitles": "misma_luna.cli.subtitles",
    "library": "misma_luna.cli.library",
    "worksheet": "misma_luna.cli.worksheet",
    "words": "misma_luna.cli.words",
}

EXIT_USAGE = 2

# Plain-Python modules every window start imports anyway (see load_plain_python_first).
PLAIN_PYTHON_FIRST = ("misma_luna.core.film.cache", "misma_luna.core.film.review_html")


class GuiOptions(NamedTuple):
    """What the window was asked to open, and how."""

    path: Path | None = None
    lang: str | None = None
    subtitles: list[Path] | None = None
    self_test: bool = False
    exit_after_paint: bool = False


def gui_options(args: list[str]) -> GuiOptions:
    """The window's options from `args` (argparse answers `--help`, `--version` and mistakes)."""
    parsed = gui_parser().parse_args(args)
    return GuiOptions(
        parsed.path, parsed.lang, parsed.subtitles, parsed.self_test, parsed.exit_after_paint
    )


def gui_parser() -> argparse.ArgumentParser:
    """Arguments of the GUI (the default command)."""
    parser = argparse.ArgumentParser(
        prog="misma-luna",
        description="A bilingual Spanish/English reader for film reviews and subtitles.",
        epilog="Subcommands: " + ", ".join(sorted(SUBCOMMANDS)) if SUBCOMMANDS else None,
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="FILM_PACKAGE | REVIEW_FILE")
    parser.add_argument("--lang", help="interface language, such as es or en")
    parser.add_argument("--subtitles", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--self-test", action="store_true", help="check the app end to end")
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="quit right after the first paint of the window (for benchmarks)",
    )
    parser.add_argument("--version", action="version", version=f"misma-luna {__version__}")
    return parser


def subcommand_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    """The parser and module of subcommand `name`."""
    module = importlib.import_module(SUBCOMMANDS[name])
    parser = argparse.ArgumentParser(prog=f"misma-luna {name}")
    module.add_arguments(parser)
    return parser, module


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `misma-luna` command and `python -m misma_luna`."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            parser, module = subcommand_parser(args[0])
            code = int(module.run(parser.parse_args(args[1:])))  # type: ignore[attr-defined]
            if argv is None:
                skip_final_collection()
            return code
        options = gui_options(args)
        if options.self_test:
            from misma_luna.ui.shell.selftest import run_self_test

            return run_self_test()
        # The start allocates a great many long-lived objects (Qt's bindings, our modules):
        # collecting cycles among them would only delay the first paint (by about 3 ms, a
        # fiftieth of it). run_gui resumes collection once the work held for after the
        # paint is done.
        gc.disable()
        load_plain_python_first()
        from misma_luna.ui.shell.app import run_gui

        return run_gui(options.path, options.lang, options.exit_after_paint, options.subtitles)
    except MismaLunaError as error:
        print(f"misma-luna: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def load_plain_python_first(names: tuple[str, ...] = PLAIN_PYTHON_FIRST) -> None:
    """Import what a start needs that never touches Qt (every window start's, by default)
    before PySide6 does.

    PySide6 reads the source of each module imported after it, looking for its own name
    (PYSIDE-2029); for these and the stdlib modules they use (html's entity tables, pickle)
    that is about 3 ms of a start from source, a fiftieth of it (a frozen app has no source
    to read). It stays because the start sits close to its 1.3x target without it. Parsers
    (markdown-it, polib) and babel's data are not here: the film cache and the first paint
    do without them.
    """
    for name in names:
        importlib.import_module(name)


def skip_final_collection() -> None:
    """A headless command's process ends next, its files written and closed: the final
    cyclic garbage collection of everything still loaded (Qt, babel's data) can be skipped
    (it made `misma-luna sheet` take a tenth longer)."""
    gc.freeze()
