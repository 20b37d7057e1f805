"""Subtitle tracks: formats, decodings, every kind of bad input, languages and clean text."""

from __future__ import annotations

from pathlib import Path

import pytest

from misma_luna.core.base.errors import MismaLunaError, SubtitleError
from misma_luna.core.subtitles.cue_text import (
    clean_cue,
    encoding_name,
    fold,
    format_time,
    language_from_name,
    language_from_text,
    parse_time,
)
from misma_luna.core.subtitles.tracks import (
    FORMAT_SAMPLE_CHARS,
    MAX_SUBTITLE_BYTES,
    load_track,
    problem_summary,
)

SUBS = Path(__file__).resolve().parent.parent / "data" / "subtitles"
SPANISH_FIRST = "¿Qué tal, señora? ¡Qué bárbaro!"


def test_srt_pair_loads_in_time_order_with_italics() -> None:
    track = load_track(SUBS / "pair.es.srt")
    assert track.format == "srt"
    assert track.language == "es"
    assert [cue.start_ms for cue in track.cues] == [1000, 4000, 8500, 12000]
    assert track.cues[1].text == "Está cerca. Camina dos cuadras\ny luego dobla a la derecha."
    assert track.cues[2].text == "Gracias, señora."
    assert track.cues[2].markup == "<i>Gracias, señora.</i>"
    assert track.problems == ()


def test_ass_override_codes_are_removed_and_comments_and_drawings_dropped() -> None:
    track = load_track(SUBS / "styled.ass", language="es")
    assert [cue.text for cue in track.cues] == ["Hola, amigo.", "Primera línea\nSegunda línea"]
    assert track.cues[0].markup == "Hola, <i>amigo</i>."
    assert track.cues[1].markup == "Primera línea<br>Segunda línea"


def test_webvtt_loads() -> None:
    track = load_track(SUBS / "sample.vtt")
    assert track.format == "vtt"
    assert [cue.text for cue in track.cues] == ["Hello there.", "Whispering now."]
    assert track.cues[1].markup == "<i>Whispering</i> now."


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8.es.srt", "UTF-8"),
        ("utf8-bom.es.srt", "UTF-8"),
        ("cp1252.es.srt", "Windows-1252"),
        ("utf16.es.srt", "UTF-16"),
    ],
)
def test_decodings(name: str, encoding: str) -> None:
    track = load_track(SUBS / name)
    assert track.cues[0].text == SPANISH_FIRST
    assert encoding_name(track.encoding) == encoding
    assert track.repaired == 0
    assert track.language == "es"


def test_mojibake_is_repaired_and_counted() -> None:
    track = load_track(SUBS / "mojibake.es.srt")
    assert track.cues[0].text == SPANISH_FIRST
    assert track.repaired > 0


def test_forced_encoding_reads_without_repair() -> None:
    track = load_track(SUBS / "mojibake.es.srt", encoding="cp1252")
    assert encoding_name(track.encoding) == "Windows-1252"
    assert "Ã" in track.cues[0].text
    assert track.repaired == 0


def test_forced_encoding_that_does_not_fit_names_the_file() -> None:
    with pytest.raises(SubtitleError, match=r"utf16\.es\.srt: .*UTF-8"):
        load_track(SUBS / "utf16.es.srt", encoding="UTF-8")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("not-subtitles.srt", "not a subtitle file"),
        ("empty.srt", "empty"),
        ("blank.srt", "empty"),
        ("binary.srt", "binary"),
        ("notes.xyz", "format is not known"),
        ("all-broken.srt", "timing line"),
    ],
)
def test_bad_files_raise_naming_file_and_problem(name: str, words: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        load_track(SUBS / name)
    assert caught.value.message.startswith(str(SUBS / name))
    assert words in caught.value.message


def _srt(texts: list[str]) -> str:
    """A SubRip text, one cue a second."""
    stamps = [f"00:{n // 60:02d}:{n % 60:02d}" for n in range(len(texts) + 1)]
    return "\n".join(
        f"{n}\n{stamps[n - 1]},000 --> {stamps[n - 1]},900\n{text}\n"
        for n, text in enumerate(texts, 1)
    )


def test_format_comes_from_the_start_of_a_file(tmp_path: Path) -> None:
    # Words another format's guess looks for, said in a cue far from the start, do not make
    # the file something else: its start is plainly SubRip.
    path = tmp_path / "talk.en.srt"
    texts = [f"Line {n} of a long talk about subtitle files." for n in range(1, 300)]
    texts[-1] = "[V4+ Styles] is where an ASS file keeps its styles."
    text = _srt(texts)
    assert text.index("[V4+ Styles]") > FORMAT_SAMPLE_CHARS
    path.write_text(text, encoding="utf-8")
    track = load_track(path)
    assert track.format == "srt"
    assert track.cues[-1].text == texts[-1]


def test_format_is_still_found_past_the_start_of_a_file(tmp_path: Path) -> None:
    # A start that says nothing (a long note before the first cue): the whole text is read.
    path = tmp_path / "noted.es.srt"
    path.write_text("Nota " * (FORMAT_SAMPLE_CHARS // 4) + "\n\n" + _srt(["Hola."]), "utf-8")
    track = load_track(path)
    assert track.format == "srt"
    assert [cue.text for cue in track.cues] == ["Hola."]


def test_missing_file_is_reported() -> None:
    with pytest.raises(MismaLunaError, match="does not exist"):
        load_track(SUBS / "nowhere.srt")


def test_file_over_ten_megabytes_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.srt"
    block = "1\n00:00:01,000 --> 00:00:02,000\nHola.\n\n"
    big.write_text(block * (MAX_SUBTITLE_BYTES // len(block) + 10), encoding="utf-8")
    for encoding in (None, "utf-8"):
        with pytest.raises(SubtitleError, match=r"big\.srt: the file is too large"):
            load_track(big, encoding=encoding)


def test_cue_ending_before_it_starts_is_skipped_and_counted() -> None:
    track = load_track(SUBS / "backwards.srt")
    assert [cue.text for cue in track.cues] == ["Primera.", "Tercera."]
    assert track.skipped == 1
    assert track.problems[0].line == 6
    assert "ends before it starts" in track.problems[0].message
    assert (
        problem_summary(track)
        == f"{SUBS / 'backwards.srt'}:6: 1 cue was skipped because it ends before it starts"
    )


def test_unreadable_timing_line_skips_only_that_cue() -> None:
    track = load_track(SUBS / "broken-timing.srt")
    assert [cue.text for cue in track.cues] == ["Primera.", "Tercera."]
    assert track.skipped == 1
    assert track.problems[0].line == 6
    assert "broken-timing.srt:6" in track.problems[0].message


def test_overlapping_cues_are_kept_and_reported() -> None:
    track = load_track(SUBS / "overlapping.srt")
    assert len(track.cues) == 3
    assert track.skipped == 0
    assert "1 cue overlaps the cue before it" in track.problems[0].message


def test_missing_blank_lines_are_read_and_reported() -> None:
    track = load_track(SUBS / "no-blank-lines.srt")
    assert [cue.text for cue in track.cues] == ["Primera.", "Segunda.", "Tercera."]
    assert "2 cues are not separated" in track.problems[0].message
    assert track.problems[0].line == 5


def test_dotted_timestamps_are_read_and_reported() -> None:
    track = load_track(SUBS / "dotted.srt")
    assert [cue.start_ms for cue in track.cues] == [1000, 3000]
    assert "2 timing lines write milliseconds after a dot" in track.problems[0].message


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("movie.es.srt", "es"),
        ("movie.spa.srt", "es"),
        ("movie.Spanish.srt", "es"),
        ("movie.español.srt", "es"),
        ("movie.en.srt", "en"),
        ("movie.eng.srt", "en"),
        ("movie.English.srt", "en"),
        ("movie.en-US.srt", "en"),
        ("es.srt", "es"),
        ("movie.srt", None),
        ("movie.2008.srt", None),
        ("movie.es.forced.srt", "es"),
        ("movie.en.hi.srt", "en"),
        ("movie.hi.srt", "hi"),
        ("movie_es.ass", "es"),
        ("Bajo.la.misma.luna.ass", None),  # `la` is the title's article, not Latin
        ("Amores.de.verano.vtt", None),  # nor `de` German
    ],
)
def test_language_from_file_name(name: str, language: str | None) -> None:
    assert language_from_name(Path(name)) == language


def test_language_from_text() -> None:
    assert language_from_text("¿Qué es eso? No sé, pero está muy bien.") == "es"
    assert language_from_text("What is that? I don't know, but it is fine.") == "en"
    assert language_from_text("12345") is None
    assert language_from_text("Primera.\nTercera.") is None  # nothing says which
    assert language_from_text("Hola, amigo. Primera línea\nSegunda línea") == "es"
    assert load_track(SUBS / "sample.vtt").language == "en"  # "Hello there. … now."
    assert load_track(SUBS / "styled.ass").language == "es"


_ASS_HEAD = """[Script Info]
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,\
2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""


def _ass(path: Path, lines: list[str]) -> Path:
    events = [
        f"Dialogue: 0,0:00:{2 * n + 1:02d}.00,0:00:{2 * n + 2:02d}.00,Default,,0,0,0,,{line}"
        for n, line in enumerate(lines)
    ]
    path.write_text(_ASS_HEAD + "\n".join(events) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (["{\\i1}¿Mamá?{\\i0}", "Está lejos,\\Npero me llama.", "Cada domingo."], "es"),
        (["{\\an8}Mom?", "She's far away,\\Nbut she calls.", "Every Sunday."], "en"),
    ],
)
@pytest.mark.parametrize("name", ["track.ass", "Bajo.la.misma.luna.ssa", "film-final.ass"])
def test_a_track_named_without_a_language_is_guessed_from_its_text(
    tmp_path: Path, lines: list[str], language: str, name: str
) -> None:
    track = load_track(_ass(tmp_path / name, lines))
    assert track.format in ("ass", "ssa")
    assert track.language == language


def test_clean_cue_keeps_only_italics() -> None:
    plain, markup = clean_cue('<font color="red">Rojo</font> & <b>negrita</b> <i>cursiva</i> <3')
    assert plain == "Rojo & negrita cursiva <3"
    assert markup == "Rojo &amp; negrita <i>cursiva</i> &lt;3"
    assert clean_cue("{\\i1}Todo{\\i0}\\N{\\an8}junto") == ("Todo\njunto", "<i>Todo</i><br>junto")


def test_times_and_folding() -> None:
    assert format_time(3_723_450) == "1:02:03.450"
    assert format_time(123_450) == "2:03.450"
    assert format_time(-1500) == "-0:01.500"
    assert parse_time("1:02:03") == 3_723_000
    assert parse_time("2:03.5") == 123_500
    assert parse_time("95") == 95_000
    assert parse_time("soon") is None
    assert fold("¿Cómo ESTÁS?") == "¿como estas?"
