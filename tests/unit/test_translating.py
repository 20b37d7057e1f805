"""Translating in the app, core side: pieces and their states, fuzzy on a changed source,
saving one piece whole (header and other entries kept), and the counts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.translating import Editable, PieceState, TranslationSession, editable


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the bundled film (English source, Spanish catalog), free to edit."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


def edit_review(package: Path, old: str, new: str) -> None:
    review = package / "review.md"
    text = review.read_text(encoding="utf-8")
    assert old in text
    review.write_text(text.replace(old, new), encoding="utf-8")


def test_every_block_and_field_is_listed_translated(package: Path) -> None:
    film = load_film(package)
    session = TranslationSession(film, "es")
    texts = {piece.source for piece in session.pieces}
    assert {block.text for block in film.review.blocks} <= texts
    assert set(film.facts.texts.values()) <= texts
    assert all(piece.state is PieceState.TRANSLATED for piece in session.pieces)
    progress = session.progress()
    assert progress.blocks == len(film.review.blocks)
    assert progress.fields == len(film.facts.texts)
    assert progress.complete


def test_a_changed_block_is_outdated_with_its_old_source(package: Path) -> None:
    edit_review(package, "Neither quite manages", "Neither of them quite manages")
    film = load_film(package)
    session = TranslationSession(film, "es")
    changed = [p for p in session.pieces if "Neither of them quite manages" in p.source]
    assert len(changed) == 1
    piece = changed[0]
    assert piece.state is PieceState.OUTDATED
    assert piece.previous_source is not None and "Neither quite manages" in piece.previous_source
    assert piece.translation  # the old Spanish is offered, not lost
    progress = session.progress()
    assert progress.blocks_done == progress.blocks - 1
    assert not progress.complete


def test_a_new_block_is_missing_and_saving_it_keeps_the_rest(package: Path) -> None:
    review = package / "review.md"
    review.write_text(
        review.read_text(encoding="utf-8") + "\nA brand new closing line.\n", encoding="utf-8"
    )
    before = polib.pofile(str(package / "i18n" / "es.po"))
    session = TranslationSession(load_film(package), "es")
    index = next(i for i, p in enumerate(session.pieces) if p.source == "A brand new closing line.")
    assert session.pieces[index].state is PieceState.MISSING
    saved = session.save(index, "Una línea final nueva.")
    assert saved.state is PieceState.TRANSLATED
    after = polib.pofile(str(package / "i18n" / "es.po"))
    assert after.metadata == before.metadata
    assert after.header == before.header
    assert after.find("A brand new closing line.").msgstr == "Una línea final nueva."
    for entry in before:
        assert after.find(entry.msgid, msgctxt=entry.msgctxt).msgstr == entry.msgstr
    reread = TranslationSession(load_film(package), "es")
    assert reread.progress().complete
    shown = reread.film.localized("es").text("A brand new closing line.")
    assert shown.text == "Una línea final nueva."


def test_saving_an_outdated_piece_clears_fuzzy_and_retires_the_old_entry(package: Path) -> None:
    edit_review(package, "Neither quite manages", "Neither of them quite manages")
    session = TranslationSession(load_film(package), "es")
    index = next(i for i, p in enumerate(session.pieces) if p.state is PieceState.OUTDATED)
    piece = session.pieces[index]
    session.save(index, piece.translation + " (revisado)")
    catalog = polib.pofile(str(package / "i18n" / "es.po"))
    entry = catalog.find(piece.source)
    assert entry is not None and not entry.fuzzy
    assert entry.msgstr.endswith("(revisado)")
    old = [e for e in catalog if e.msgid == piece.previous_source]
    assert old and all(e.obsolete for e in old)
    film = session.updated_film()
    assert film.localized("es").text(piece.source).text.endswith("(revisado)")


def test_a_fuzzy_entry_from_a_merge_is_outdated_until_confirmed(package: Path) -> None:
    po_path = package / "i18n" / "es.po"
    catalog = polib.pofile(str(po_path))
    entry = next(e for e in catalog if e.msgctxt is None)
    entry.flags.append("fuzzy")
    entry.previous_msgid = "An older heading"
    catalog.save(str(po_path))
    session = TranslationSession(load_film(package), "es")
    index = next(i for i, p in enumerate(session.pieces) if p.source == entry.msgid)
    assert session.pieces[index].state is PieceState.OUTDATED
    assert session.pieces[index].previous_source == "An older heading"
    session.save(index, session.pieces[index].translation)
    saved = polib.pofile(str(po_path)).find(entry.msgid)
    assert saved is not None and not saved.fuzzy and saved.previous_msgid is None


def test_a_failed_write_leaves_the_old_file_and_keeps_the_typing(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po_path = package / "i18n" / "es.po"
    before = po_path.read_bytes()
    session = TranslationSession(load_film(package), "es")

    def full_disk(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("misma_luna.core.film.translating.write_whole", full_disk)
    with pytest.raises(FilmError) as caught:
        session.save(0, "Otro título")
    assert str(po_path) in caught.value.message
    assert po_path.read_bytes() == before
    assert session.pieces[0].translation == "Otro título"
    monkeypatch.undo()
    session.save(1, session.pieces[1].translation)  # the next save writes the first one too
    assert polib.pofile(str(po_path)).find(session.pieces[0].source).msgstr == "Otro título"
    assert not list(po_path.parent.glob(".*.tmp"))


def test_a_new_language_starts_a_catalog_with_a_header(package: Path) -> None:
    session = TranslationSession(load_film(package), "fr")
    assert all(p.state is PieceState.MISSING for p in session.pieces)
    assert session.progress().blocks_done == 0
    session.save(0, "Deux voyages, un même ciel")
    catalog = polib.pofile(str(package / "i18n" / "fr.po"))
    assert catalog.metadata["Language"] == "fr"
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    assert len([e for e in catalog if e.msgstr]) == 1
    assert "fr" in load_film(package).catalogs


def test_the_source_language_has_nothing_to_translate(package: Path) -> None:
    with pytest.raises(FilmError):
        TranslationSession(load_film(package), "en")


def test_only_the_library_s_writable_packages_are_editable(package: Path, tmp_path: Path) -> None:
    library = tmp_path / "films"
    inside = Path(shutil.copytree(package, library / "mine"))
    bundled = bundled_film_dir()
    assert editable(load_film(inside), library, bundled) is Editable.YES
    assert editable(load_film(package), library, bundled) is Editable.OUTSIDE
    assert editable(load_film(bundled), library, bundled) is Editable.BUNDLED
    (inside / "i18n").chmod(0o500)
    try:
        expected = Editable.YES if os.access(inside / "i18n", os.W_OK) else Editable.READ_ONLY
        assert editable(load_film(inside), library, bundled) is expected  # root writes anyway
    finally:
        (inside / "i18n").chmod(0o700)
