"""core.sheet: the review sheet's HTML, in one language or two, with notes and transcript."""

from __future__ import annotations

import datetime as dt

import pytest

from misma_luna.core.base import i18n
from misma_luna.core.base.formatting import format_date
from misma_luna.core.base.resources import locale_dir
from misma_luna.core.notes.note import Anchor, Note
from misma_luna.core.sheets.compose import (
    SheetOptions,
    Transcript,
    choice_for,
    compose_job,
    compose_sheet,
    default_paper,
    label_language,
    languages_for,
    page_template,
    pdf_xmp,
    sheet_labels,
)
from misma_luna.core.subtitles.alignment import AlignedRow

WHEN = dt.datetime(2026, 11, 21, 10, 0)


def _note(note_id: int, body: str, anchor: Anchor | None = None) -> Note:
    return Note(note_id, "bajo-la-misma-luna", body, WHEN, WHEN, anchor)


def _pinned(film, index: int, body: str, note_id: int = 1) -> Note:  # type: ignore[no-untyped-def]
    block = film.review.blocks[index]
    return _note(note_id, body, Anchor("block", block.id, index, block.text[:20]))


def test_english_sheet_has_the_english_title_labels_and_review(bundled_film) -> None:
    html = compose_sheet(bundled_film, SheetOptions(languages=("en",)))
    assert "Under the Same Moon</h1>" in html
    assert "Original title" in html and "Bajo la misma luna" in html
    assert "Running time" in html and "109 minutes" in html
    assert "Kate del Castillo as Rosario" in html
    assert "Director</td>" in html and "Patricia Riggen" in html
    assert "A Phone Call Every Sunday" in html
    assert "Una llamada cada domingo" not in html


def test_spanish_sheet_has_spanish_labels_and_text(
    bundled_film, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_switch(*_args: object) -> None:
        raise AssertionError("composing a sheet must not switch the active language")

    labels = sheet_labels("es", locale_dir())
    monkeypatch.setattr(i18n, "activate", no_switch)
    html = compose_sheet(bundled_film, SheetOptions(languages=("es",)), labels=labels)
    assert page_template(labels) == "Página {page} de {pages}"
    assert "Bajo la misma luna</h1>" in html
    assert "Duración" in html and "109 minutos" in html
    assert "Reparto" in html
    assert "Una llamada cada domingo" in html
    assert "A Phone Call Every Sunday" not in html
    assert "Dirección</td>" in html
    assert i18n.active_language() == "en" and i18n._("Cast") == "Cast"


def test_two_languages_share_a_table_row_per_block(bundled_film) -> None:
    html = compose_sheet(bundled_film, SheetOptions(languages=("es", "en")))
    row = next(r for r in html.split("<tr>") if "A Phone Call Every Sunday" in r)
    assert "Una llamada cada domingo" in row
    assert "Español" in html and "English" in html
    assert html.count('<td width="50%" class="cell">') == 2 * len(bundled_film.review.blocks)


def test_notes_only_when_asked_pinned_after_their_block(bundled_film) -> None:
    pinned = _pinned(bundled_film, 2, "Ask the class about Sunday calls.")
    loose = _note(2, "Bring tissues <3")
    without = compose_sheet(bundled_film, SheetOptions(), [pinned, loose])
    assert "Sunday calls" not in without
    html = compose_sheet(bundled_film, SheetOptions(include_notes=True), [loose, pinned])
    heading = html.index("A Phone Call Every Sunday")
    note = html.index("Ask the class about Sunday calls.")
    next_heading = html.index("Two Roads, One Destination")
    assert heading < note < next_heading
    assert html.index("My notes") < html.index("Bring tissues &lt;3")


def test_a_note_whose_block_is_gone_goes_to_the_end_with_its_quote(bundled_film) -> None:
    gone = _note(3, "Still true.", Anchor("block", "p-0000000000", 4, "an old sentence"))
    html = compose_sheet(bundled_film, SheetOptions(include_notes=True), [gone])
    assert html.index("My notes") < html.index("an old sentence") < html.index("Still true.")


def test_two_column_sheet_pins_notes_in_a_full_width_row(bundled_film) -> None:
    note = _pinned(bundled_film, 1, "Compare the verbs.")
    html = compose_sheet(bundled_film, SheetOptions(("es", "en"), include_notes=True), [note])
    assert '<td colspan="2" class="cell">' in html
    assert "Compare the verbs." in html


def test_transcript_is_two_columns_with_times(bundled_film) -> None:
    rows = [AlignedRow(65_000, 67_000, ["¿Ya?"], ["Already?"], [], [])]
    transcript = Transcript("es", "en", rows)
    plain = compose_sheet(bundled_film, SheetOptions(), transcript=transcript)
    assert "Already?" not in plain
    html = compose_sheet(bundled_film, SheetOptions(include_transcript=True), transcript=transcript)
    assert "Subtitle transcript" in html
    row = next(r for r in html.split("<tr>") if "Already?" in r)
    assert "1:05" in row and "¿Ya?" in row


def test_user_text_is_escaped(bundled_film) -> None:
    html = compose_sheet(bundled_film, SheetOptions(include_notes=True), [_note(1, "<b>x</b>")])
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("territory", "paper"),
    [
        ("US", "letter"),
        ("ca", "letter"),
        ("MX", "letter"),
        ("ES", "a4"),
        ("AR", "a4"),
        (None, "a4"),
    ],
)
def test_default_paper_by_territory(territory: str | None, paper: str) -> None:
    assert default_paper(territory) == paper


def test_language_choices_round_trip() -> None:
    assert languages_for("both") == ("es", "en")
    assert languages_for("es") == ("es",)
    assert choice_for(("es", "en")) == "both"
    assert label_language(SheetOptions(("es", "en")), "en") == "en"
    assert label_language(SheetOptions(("es",)), "en") == "es"


def test_pdf_metadata_names_title_creator_and_languages() -> None:
    xmp = pdf_xmp("Bajo la misma luna & co", "Misma Luna 0.1.0", ("es", "en")).decode()
    assert "Bajo la misma luna &amp; co" in xmp
    assert "<rdf:li>es</rdf:li><rdf:li>en</rdf:li>" in xmp
    assert "Misma Luna 0.1.0" in xmp


def test_job_has_footer_and_metadata_in_the_sheet_language(bundled_film, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "activate", lambda *_args: pytest.fail("the language switched"))
    options = SheetOptions(languages=("es",), font_size=12.0)
    job, info = compose_job(bundled_film, options, ([], None), "en", locale_dir())
    assert "Duración" in job.html and job.font_size == 12.0
    assert job.footer.title == info.title == "Bajo la misma luna"
    assert job.footer.page_template == "Página {page} de {pages}"
    assert job.footer.date == format_date(dt.date.today(), "es")  # "21 de noviembre de 2026"
    assert info.creator.startswith("Misma Luna ") and b"<rdf:li>es</rdf:li>" in info.xmp
    assert i18n.active_language() == "en"


def _partly_translated(tmp_path, translated: int):  # type: ignore[no-untyped-def]
    """A film of four English paragraphs, the first `translated` of them in Spanish."""
    from misma_luna.core.film.loading import load_film

    folder = tmp_path / "film"
    (folder / "i18n").mkdir(parents=True)
    (folder / "film.toml").write_text(
        'id = "partly"\nsource_language = "en"\n[titles]\noriginal = "Partly"\n', encoding="utf-8"
    )
    paragraphs = [f"Paragraph {n} of the review." for n in range(4)]
    (folder / "review.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    entries = "".join(
        f'msgid "{text}"\nmsgstr "Párrafo {n} de la reseña."\n\n'
        for n, text in enumerate(paragraphs[:translated])
    )
    (folder / "i18n" / "es.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + entries,
        encoding="utf-8",
    )
    return load_film(folder)


def test_an_untranslated_review_is_said_once_and_its_passages_marked_quietly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.core.film.review_html import review_html

    film = _partly_translated(tmp_path, translated=1)
    english = sheet_labels("en", locale_dir())
    sheet = compose_sheet(film, SheetOptions(languages=("es",)), labels=english)
    screen = review_html(film.localized("es"), "#777777")
    for html in (sheet, screen):
        notice = "3 passages are not translated into Spanish yet: they are shown in English"
        assert html.count(notice) == 1
        assert html.index(notice) < html.index("Párrafo 0")  # above the review
        assert html.count('<span class="untranslated"') == 3  # one quiet mark each
        assert "Not translated yet" not in html.replace('title="Not translated yet', "")
    assert 'title="Not translated yet: shown in English"' in screen  # the mark's tooltip


def test_a_wholly_untranslated_review_is_said_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    film = _partly_translated(tmp_path, translated=0)
    english = sheet_labels("en", locale_dir())
    for languages in (("es",), ("es", "en")):
        sheet = compose_sheet(film, SheetOptions(languages=languages), labels=english)
        assert sheet.count("This review is not translated into Spanish yet") == 1
        assert sheet.count('<span class="untranslated"') == 4
    translated = compose_sheet(_partly_translated(tmp_path / "all", 4), SheetOptions(("es",)))
    assert 'class="untranslated"' not in translated


def test_an_unsafe_link_prints_as_its_label(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.core.film.loading import load_film

    folder = tmp_path / "film"
    folder.mkdir()
    (folder / "film.toml").write_text(
        'id = "links"\nsource_language = "en"\n[titles]\noriginal = "Links"\n', encoding="utf-8"
    )
    (folder / "review.md").write_text(
        "Read [the page](javascript:alert(1)) or [this](https://example.com/x).\n",
        encoding="utf-8",
    )
    sheet = compose_sheet(load_film(folder), SheetOptions(languages=("en",)))
    assert "Read the page or this [example.com]." in sheet
    assert "javascript" not in sheet and "](" not in sheet
