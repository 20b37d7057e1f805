"""The window's options: the usual starts, and what argparse answers for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from misma_luna.cli.main import GuiOptions, gui_options

USUAL = [
    ([], GuiOptions()),
    (["film"], GuiOptions(path=Path("film"))),
    (["review.md", "--lang", "es"], GuiOptions(path=Path("review.md"), lang="es")),
    (["--lang", "en", "Bajo la misma luna"], GuiOptions(Path("Bajo la misma luna"), "en")),
    (
        ["--subtitles", "a.es.srt", "b.en.srt"],
        GuiOptions(subtitles=[Path("a.es.srt"), Path("b.en.srt")]),
    ),
    (
        ["pelicula", "--subtitles", "a.srt", "b.srt", "--lang", "es"],
        GuiOptions(Path("pelicula"), "es", [Path("a.srt"), Path("b.srt")]),
    ),
    (["--exit-after-paint", "--lang", "es"], GuiOptions(lang="es", exit_after_paint=True)),
    (["--self-test"], GuiOptions(self_test=True)),
    (
        ["una carpeta con espacios/film.toml", "--exit-after-paint"],
        GuiOptions(Path("una carpeta con espacios/film.toml"), exit_after_paint=True),
    ),
    (["--lang=es", "x"], GuiOptions(Path("x"), "es")),
    (["--la", "es"], GuiOptions(lang="es")),
    (["--lang", "es", "--lang", "en"], GuiOptions(lang="en")),
    (["--", "-film"], GuiOptions(Path("-film"))),
]

# Mistakes: one message from argparse and exit code 2, never options half read.
MISTAKES = [
    ["--lang"],
    ["--lang", "--self-test"],
    ["--subtitles", "a.srt"],
    ["--subtitles", "a.srt", "--lang", "es"],
    ["a", "b"],
    ["-x"],
]


@pytest.mark.parametrize(("args", "expected"), USUAL, ids=[" ".join(a) for a, _ in USUAL])
def test_the_usual_starts_are_read_whole(args: list[str], expected: GuiOptions) -> None:
    assert gui_options(args) == expected


@pytest.mark.parametrize("args", MISTAKES, ids=" ".join)
def test_a_mistake_ends_with_one_message_and_code_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        gui_options(args)
    assert stop.value.code == 2
    assert "misma-luna" in capsys.readouterr().err


@pytest.mark.parametrize("asked", ["--help", "-h", "--version"])
def test_help_and_version_answer_and_end_well(
    asked: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        gui_options([asked])
    assert stop.value.code == 0
    assert "misma-luna" in capsys.readouterr().out
