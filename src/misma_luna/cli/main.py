"""The `misma-luna` command: the GUI by default, headless subcommands, `--self-test`.

Every subcommand lives in its own module with `add_arguments(parser)` and `run(args)`,
imported only when used. A user's mistake ends as one line on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from misma_luna import __version__
from misma_luna.core.base.errors import MismaLunaError

if TYPE_CHECKING:
    import argparse

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


# The window's switches that take no value, and the option each one sets.
_SWITCHES = {"--self-test": "self_test", "--exit-after-paint": "exit_after_paint"}


def gui_options(args: list[str]) -> GuiOptions:
    """The window's options from `args`.

    The usual starts (a film or a file, `--lang`, `--subtitles A B`) are read here, and give
    what argparse would; anything else (`--help`, `--version`, `--lang=es`, a mistake) goes to
    argparse. Building its parser (its help formatter loads shutil, its messages look for a
    catalog of their own) and importing it ahead of PySide6 cost about 25 ms of CPU at every
    start to first paint (measured against this module with argparse, alternating).
    """
    plain = _plain_options(args)
    if plain is not None:
        return plain
    parsed = gui_parser().parse_args(args)
    return GuiOptions(
        parsed.path, parsed.lang, parsed.subtitles, parsed.self_test, parsed.exit_after_paint
    )


def _plain_options(args: list[str]) -> GuiOptions | None:
    """`args` read as argparse would, when each option is given once, spelled out whole, with
    its values apart; else None."""
    found: dict[str, object] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        values = len(list(itertools.takewhile(lambda value: not value.startswith("-"), rest)))
        if arg in _SWITCHES and _SWITCHES[arg] not in found:
            found[_SWITCHES[arg]] = True
        elif arg == "--lang" and values >= 1 and "lang" not in found:
            found["lang"] = rest.pop(0)
        elif arg == "--subtitles" and values >= 2 and "subtitles" not in found:
            found["subtitles"] = [Path(rest.pop(0)), Path(rest.pop(0))]
        elif not arg.startswith("-") and "path" not in found:
            found["path"] = Path(arg)
        else:
            return None
    return GuiOptions(**found)  # type: ignore[arg-type]


def gui_parser() -> argparse.ArgumentParser:
    """Arguments of the GUI (the default command), for help and mistakes."""
    import argparse  # loaded only for --help, --version or a mistake

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
    import argparse  # not loaded for the window

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
        # collecting cycles among them would only delay the first paint. run_gui resumes
        # collection once the work held for after the paint is done.
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

    PySide6 reads the source of each module named in an import after it loads, looking for
    its own name (PYSIDE-2029): for the core and the stdlib modules it uses (html's
    entity tables among them) that costs milliseconds at start. Parsers (markdown-it,
    polib) and babel's data are not here: the film cache and the first paint do without
    them.
    """
    for name in names:
        importlib.import_module(name)


def skip_final_collection() -> None:
    """A headless command's process ends next, its files written and closed: the final
    cyclic garbage collection of everything still loaded (Qt, babel's data) can be skipped
    (it made `misma-luna sheet` take a tenth longer)."""
    gc.freeze()
