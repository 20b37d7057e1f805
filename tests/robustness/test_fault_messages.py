"""Every message a reader can see for these faults exists in Spanish as well as in English.

The strings are read from the fault paths' own source (every `_()`, `ngettext()` and
`pgettext()` call), so a new message without a translation fails here at once.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import polib
import pytest

from misma_luna.core.base import catalogs, i18n
from misma_luna.core.base.resources import locale_dir
from misma_luna.core.notes.store import NotesStore, notes_path

from .notes_damage import DAMAGING, DAY, build

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "misma_luna"
SPANISH = ROOT / "i18n" / "es" / "LC_MESSAGES" / "misma_luna.po"
FAULT_PATHS = (
    "core/base/text_decoding.py", "core/base/regular_files.py", "core/base/file_writing.py",
    "core/film/package.py", "core/film/film_toml.py",
    "ui/widgets/sheet_pages.py", "cli/sheet.py",
    "core/film/content.py", "core/film/bare_review.py", "core/film/zip_package.py",
    "core/subtitles/tracks.py", "core/subtitles/srt_check.py", "core/review/links.py",
    "core/notes/store.py", "ui/notes/pane.py", "ui/shell/app.py",
)  # fmt: skip


def messages_in(path: Path) -> list[tuple[str | None, str, str | None]]:
    """(context, msgid, msgid_plural) of every translatable call in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        texts = [t for t in texts if isinstance(t, str)]
        if name == "_" and texts:
            found.append((None, texts[0], None))
        elif name == "ngettext" and len(texts) >= 2:
            found.append((None, texts[0], texts[1]))
        elif name == "pgettext" and len(texts) >= 2:
            found.append((texts[0], texts[1], None))
    return found


def _catalog() -> dict[tuple[str | None, str], polib.POEntry]:
    entries = polib.pofile(str(SPANISH))
    return {(e.msgctxt, e.msgid): e for e in entries if not e.obsolete}


@pytest.mark.parametrize("module", FAULT_PATHS)
def test_every_fault_message_is_translated(module: str) -> None:
    spanish = _catalog()
    messages = messages_in(PACKAGE / module)
    assert messages, f"{module} shows no message at all?"
    missing = []
    for context, msgid, plural in messages:
        entry = spanish.get((context, msgid))
        translated = (
            entry is not None
            and not entry.fuzzy
            and (all(entry.msgstr_plural.values()) if plural else bool(entry.msgstr))
        )
        if not translated:
            missing.append(msgid)
    assert not missing, f"{module}: no Spanish for {missing}"


def test_recovery_is_told_in_spanish_when_the_app_is_in_spanish(tmp_path: Path) -> None:
    db = notes_path(tmp_path)
    build(db, count=2)
    DAMAGING["header zeroed"](db)
    with NotesStore.open(db, today=DAY + dt.timedelta(days=1)) as store:
        english = store.report.messages()
        before = i18n.active_language()
        i18n.activate("es", catalogs.load_translations(locale_dir(), "es"))
        try:
            spanish = store.report.messages()
        finally:
            i18n.activate(before, catalogs.load_translations(locale_dir(), before))
    assert english and spanish and english != spanish
    assert "respaldo" in spanish[0] or "copia" in spanish[0]
