"""The frozen bundle does what the source does (run by packaging/check_bundle.sh after a build).

The bundle leaves modules, compiled speed-ups and locale data out (packaging/bundle_rules.py);
one that was needed shows up here as a traceback or a difference. Each case runs a command
twice, from source and frozen, in throwaway homes, and compares what they write. Skipped unless
MISMA_LUNA_BUNDLE names the bundle's folder, so that a stale dist/ never fails the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / ".venv" / "bin" / "misma-luna"
SUBS = ROOT / "tests" / "data" / "subtitles"
BUNDLE = os.environ.get("MISMA_LUNA_BUNDLE", "")
FROZEN = Path(BUNDLE).resolve() / "misma-luna"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not BUNDLE, reason="set MISMA_LUNA_BUNDLE=dist/misma-luna (check_bundle.sh)"
    ),
]


def run(command: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`command args` in `home`, without a display unless the caller gives a platform."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    environment.pop("QT_QPA_PLATFORM", None)
    environment.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        LANGUAGE="en",
    )
    environment.update(env)
    return subprocess.run(
        [str(command), *args],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def both(tmp_path: Path, *args: str, **env: str) -> tuple[Path, Path]:
    """Run the command from source and frozen; return their homes after checking it worked."""
    homes = []
    for name, command in (("source", SOURCE), ("frozen", FROZEN)):
        home = tmp_path / name
        home.mkdir(exist_ok=True)
        done = run(command, home, *args, **env)
        assert done.returncode == 0, f"{name}: {done.stderr}"
        assert "Traceback" not in done.stderr, done.stderr
        (home / "stdout.txt").write_text(done.stdout, encoding="utf-8")
        (home / "stderr.txt").write_text(done.stderr, encoding="utf-8")
        homes.append(home)
    return homes[0], homes[1]


def pdf_text(path: Path) -> list[tuple[str, tuple[int, int]]]:
    """Each page's text (whitespace collapsed) and size in points."""
    pages = []
    for page in PdfReader(path).pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        pages.append((" ".join((page.extract_text() or "").split()), size))
    return pages


@pytest.mark.parametrize(
    ("track_a", "track_b"),
    [
        ("cp1252.es.srt", "pair.en.srt"),  # charset-normalizer guesses the encoding
        ("mojibake.es.srt", "utf16.es.srt"),  # ftfy repairs; UTF-16
        ("utf8-bom.es.srt", "sample.vtt"),
        ("styled.ass", "pair.en.srt"),
    ],
)
def test_subtitles_read_and_export_the_same(tmp_path: Path, track_a: str, track_b: str) -> None:
    args = ("subtitles", "export", str(SUBS / track_a), str(SUBS / track_b), "-o", "out.csv")
    source, frozen = both(tmp_path, *args)
    assert (frozen / "out.csv").read_bytes() == (source / "out.csv").read_bytes()
    assert (frozen / "stderr.txt").read_text() == (source / "stderr.txt").read_text()


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "es", "--transcript"), {}),
        (("--lang", "both", "--paper", "letter"), {}),
        ((), {"LANGUAGE": "", "LC_ALL": "", "LANG": "es_MX.UTF-8"}),  # Spanish, Letter paper
        ((), {"LANGUAGE": "", "LC_ALL": "", "LANG": "en_GB.UTF-8"}),
    ],
)
def test_sheets_print_the_same_pdf(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    source, frozen = both(tmp_path, "sheet", "-o", "sheet.pdf", *args, **env)
    pages = pdf_text(frozen / "sheet.pdf")
    assert pages == pdf_text(source / "sheet.pdf")
    assert len(pages) > 1


@pytest.mark.parametrize("output", ["worksheet.pdf", "worksheet.docx"])
def test_worksheets_are_the_same(tmp_path: Path, output: str) -> None:
    # python-docx needs lxml.etree and typing_extensions, the glossary wordfreq's and
    # simplemma's data: the trimming must leave them in.
    args = ("worksheet", "--bundled", "--lang", "es", "--version", "B", "-o", output)
    source, frozen = both(tmp_path, *args)
    if output.endswith(".pdf"):
        assert pdf_text(frozen / output) == pdf_text(source / output)
    else:
        assert (frozen / output).stat().st_size > 0 and (source / output).stat().st_size > 0
    assert (frozen / "stderr.txt").read_text() == (source / "stderr.txt").read_text()


def test_notes_export_and_print_the_same(tmp_path: Path) -> None:
    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.core.notes.note import Anchor
    from misma_luna.core.notes.store import NotesStore

    film = load_film(bundled_film_dir())
    block = film.review.blocks[2]
    db = tmp_path / "source" / "data" / "Misma Luna" / "Misma Luna" / "notes.sqlite3"
    with NotesStore.open(db) as store:
        store.add(film.id, "¿Cuánto cuesta la llamada?", Anchor("block", block.id, 2, "x"))
        store.add(film.id, "Bring a map of the border.")
    shutil.copytree(tmp_path / "source" / "data", tmp_path / "frozen" / "data")
    source, frozen = both(tmp_path, "notes", "export", "--format", "json", "--lang", "es")
    exported = [json.loads((home / "stdout.txt").read_text()) for home in (source, frozen)]
    for report in exported:
        report.pop("exported")
    assert exported[0] == exported[1]
    assert "¿Cuánto cuesta la llamada?" in json.dumps(exported[1], ensure_ascii=False)
    source, frozen = both(tmp_path, "sheet", "-o", "noted.pdf", "--lang", "es", "--notes")
    assert pdf_text(frozen / "noted.pdf") == pdf_text(source / "noted.pdf")


def test_film_check_reads_the_translations_the_same(tmp_path: Path) -> None:
    film = ROOT / "resources" / "films" / "bajo-la-misma-luna"
    source, frozen = both(tmp_path, "film", "check", str(film), LANGUAGE="es")
    assert (frozen / "stdout.txt").read_text() == (source / "stdout.txt").read_text()


@pytest.mark.parametrize("language", ["en", "es"])
def test_self_test_passes(tmp_path: Path, language: str) -> None:
    done = run(FROZEN, tmp_path, "--self-test", QT_QPA_PLATFORM="offscreen", LANGUAGE=language)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["frozen"] is True and report["ok"] is True


def test_a_second_launch_wakes_the_first_through_the_local_socket(tmp_path: Path) -> None:
    sockets = tmp_path / "tmp"  # QLocalServer's socket goes to Qt's temporary folder
    sockets.mkdir()
    environment = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    environment.update(
        HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"), TMPDIR=str(sockets),
        QT_QPA_PLATFORM="offscreen", LANGUAGE="es",
    )  # fmt: skip
    first = subprocess.Popen([str(FROZEN)], env=environment, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(sockets.glob("misma-luna-*")) and first.poll() is None:
            assert time.monotonic() < deadline, "the first window never listened"
            time.sleep(0.1)
        second = subprocess.run(
            [str(FROZEN), "--exit-after-paint"],
            env=environment, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert "first-paint" not in second.stdout  # it woke the first instead of opening
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(timeout=30)
