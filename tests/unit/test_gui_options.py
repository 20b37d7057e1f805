"""The window's options: the usual starts are read without argparse, and read as it would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from misma_luna.cli.main import GuiOptions, _plain_options, gui_options, gui_parser

USUAL = [
    [],
    ["film"],
    ["review.md", "--lang", "es"],
    ["--lang", "en", "Bajo la misma luna"],
    ["--subtitles", "a.es.srt", "b.en.srt"],
    ["pelicula", "--subtitles", "a.srt", "b.srt", "--lang", "es"],
    ["--exit-after-paint", "--lang", "es"],
    ["--self-test"],
    ["una carpeta con espacios/film.toml", "--exit-after-paint"],
]

# Left to argparse: help, version, other spellings, repeats and mistakes.
OTHERS = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["--lang=es"],
    ["--la", "es"],
    ["--lang", "es", "--lang", "en"],
    ["--lang"],
    ["--lang", "--self-test"],
    ["--lang", "--self-test", "es"],
    ["--subtitles", "a.srt", "-b.srt", "c.srt"],
    ["--subtitles", "a.srt"],
    ["--subtitles", "a.srt", "--lang", "es"],
    ["a", "b"],
    ["--", "-film"],
    ["-x"],
    ["--self-test", "--self-test"],
]


def _by_argparse(args: list[str]) -> GuiOptions:
    parsed = gui_parser().parse_args(args)
    return GuiOptions(
        parsed.path, parsed.lang, parsed.subtitles, parsed.self_test, parsed.exit_after_paint
    )


@pytest.mark.parametrize("args", USUAL, ids=" ".join)
def test_the_usual_starts_read_as_argparse_reads_them(args: list[str]) -> None:
    plain = _plain_options(args)
    assert plain is not None
    assert plain == _by_argparse(args) == gui_options(args)


@pytest.mark.parametrize("args", OTHERS, ids=" ".join)
def test_anything_else_is_left_to_argparse(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _plain_options(args) is None
    assert _outcome(gui_options, args) == _outcome(_by_argparse, args)  # the same answer
    capsys.readouterr()  # help, version and mistakes print; that is argparse's to say


def _outcome(read: Callable[[list[str]], GuiOptions], args: list[str]) -> object:
    """The options read, or the exit code a reading ended with."""
    try:
        return read(args)
    except SystemExit as stop:
        return ("exit", stop.code)


def test_argparse_still_answers_help_and_mistakes() -> None:
    with pytest.raises(SystemExit) as help_asked:
        gui_options(["--help"])
    assert help_asked.value.code == 0
    with pytest.raises(SystemExit) as mistake:
        gui_options(["--lang"])
    assert mistake.value.code == 2
    assert gui_options(["--lang=es", "x"]) == GuiOptions(path=Path("x"), lang="es")


def test_a_usual_start_does_not_load_argparse() -> None:
    code = (
        "import sys\n"
        "from misma_luna.cli.main import gui_options\n"
        "gui_options(['film', '--lang', 'es', '--subtitles', 'a.srt', 'b.srt'])\n"
        "print('argparse' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
