"""Files that are not files, and writes that are not whole.

Any file of a package (or a bare review, a subtitle track) may be a FIFO, a device, a link out
of the package, a loop of links or a folder: opening it loads or raises the app's own error
naming the file, and never blocks. An output path that is a link, a FIFO, a device or a folder
is refused and left as it was; a sheet written to a full disk keeps the good PDF, exit 2.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_writing import UnsafeTargetError, write_whole
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.subtitles.tracks import load_track

from .disks import tmpfs
from .figures import fuzzed, record

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links are POSIX")

_SCRATCH = Path(tempfile.mkdtemp(prefix="misma-luna-special-files-"))
PACKAGE_FILES = ("film.toml", "review.md", "i18n/es.po", "subtitles/es.srt", "subtitles/en.srt")
KINDS = ("fifo", "dev-zero", "dev-null", "outside", "loop", "dangling", "folder", "socket")
# A hang is a failure, not a wait: far longer than any read takes, far shorter than forever.
HANG_SECONDS = 60


def make_special(path: Path, kind: str) -> None:
    """Put a thing of `kind` at `path` in place of the file there."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in ("dev-zero", "dev-null"):
        path.symlink_to("/dev/" + kind.removeprefix("dev-"))
    elif kind == "outside":
        secret = path.parent.parent.parent / "secret.txt"
        secret.write_text("root:x:0:0\n", encoding="utf-8")
        path.symlink_to(secret)
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "dangling":
        path.symlink_to("missing-" + path.name)
    elif kind == "folder":
        path.mkdir()
    else:
        _make_socket(path)


def _make_socket(path: Path) -> None:
    import socket

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError:  # a path too long for a socket: a FIFO stands in
        os.mkfifo(path)
    finally:
        server.close()


def within_time(work: Callable[[], object]) -> BaseException | None:
    """Run `work`; fail if it blocks; what it raised, if anything."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_SECONDS)
    assert outcome, "the reader blocked on a file that is not a file"
    return outcome[0]


@given(
    changes=st.lists(
        st.tuples(st.sampled_from(PACKAGE_FILES), st.sampled_from(KINDS)),
        min_size=1,
        max_size=3,
        unique_by=lambda change: change[0],
    )
)
@fuzzed("special files in packages")
def test_special_files_in_a_package(changes: list[tuple[str, str]]) -> None:
    case = Path(tempfile.mkdtemp(dir=_SCRATCH))
    folder = Path(shutil.copytree(bundled_film_dir(), case / "films" / "film"))
    for name, kind in changes:
        make_special(folder / name, kind)
    failure = within_time(lambda: _open_with_tracks(folder))
    if failure is not None:
        assert isinstance(failure, MismaLunaError), repr(failure)
        assert failure.path is not None and failure.problem
        assert failure.path.is_relative_to(folder)
    shutil.rmtree(case, ignore_errors=True)


def _open_with_tracks(folder: Path) -> None:
    """Open the film and every subtitle track it lists, as the window does."""
    film = load_film(folder)
    assert "root:x" not in film.review_source.original
    for track in film.subtitle_tracks.values():
        try:
            load_track(track)
        except MismaLunaError as error:
            assert error.path == track


@given(kind=st.sampled_from(KINDS), reader=st.sampled_from(("review", "track", "cp1252")))
@fuzzed("special files opened alone")
def test_special_files_opened_alone(kind: str, reader: str) -> None:
    case = Path(tempfile.mkdtemp(dir=_SCRATCH))
    (case / "a" / "b").mkdir(parents=True)
    path = case / "a" / "b" / ("resena.md" if reader == "review" else "es.srt")
    make_special(path, kind)
    if reader == "review":
        failure = within_time(lambda: load_film(path))
    else:
        encoding = None if reader == "track" else reader
        failure = within_time(lambda: load_track(path, encoding=encoding))
    if kind != "outside":  # a file opened alone may be a link anywhere
        assert isinstance(failure, MismaLunaError), repr(failure)
        assert failure.path == path
    shutil.rmtree(case, ignore_errors=True)


@given(kind=st.sampled_from(("link", "fifo", "dev-null", "folder", "dangling")))
@fuzzed("special output paths")
def test_special_output_paths_are_refused_and_kept(kind: str) -> None:
    case = Path(tempfile.mkdtemp(dir=_SCRATCH))
    good = case / "good.pdf"
    good.write_bytes(b"%PDF-good")
    target = case / "out.pdf"
    if kind == "link":
        target.symlink_to(good)
    elif kind == "dangling":
        target.symlink_to(case / "missing.pdf")
    else:
        make_special(target, kind)
    before = os.lstat(target)
    with pytest.raises(UnsafeTargetError):
        write_whole(target, b"new")
    after = os.lstat(target)
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert good.read_bytes() == b"%PDF-good"
    assert sorted(p.name for p in case.iterdir()) == ["good.pdf", "out.pdf"]
    shutil.rmtree(case, ignore_errors=True)


def _sheet(
    output: Path, tmp_path: Path, limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`misma-luna sheet -o output` in a fresh process, files capped at `limit` bytes."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))

    def cap() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "misma_luna", "sheet", "-o", str(output)]
    return subprocess.run(
        command, env=env, preexec_fn=cap, capture_output=True, text=True, timeout=300, check=False
    )


def _good_pdf(tmp_path: Path) -> bytes:
    made = _sheet(tmp_path / "made.pdf", tmp_path)
    assert made.returncode == 0, made.stderr
    return (tmp_path / "made.pdf").read_bytes()


@pytest.mark.parametrize("limit", [0, 4096, 20_000])
def test_a_sheet_that_cannot_be_written_whole_keeps_the_good_pdf(
    tmp_path: Path, limit: int
) -> None:
    good = _good_pdf(tmp_path)
    output = tmp_path / "sheet.pdf"
    output.write_bytes(good)
    done = _sheet(output, tmp_path, limit)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and str(output) in done.stderr
    assert "Traceback" not in done.stderr
    assert output.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "made.pdf", "sheet.pdf"]
    record("sheets refused on a full disk, good PDF kept")


def test_a_sheet_on_a_full_disk_keeps_the_good_pdf(tmp_path: Path) -> None:
    good = _good_pdf(tmp_path)
    with tmpfs(tmp_path / "disk", f"size={len(good) + 8192}") as disk:
        output = disk / "sheet.pdf"
        output.write_bytes(good)
        done = _sheet(output, tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and str(output) in done.stderr
        assert output.read_bytes() == good
        assert [p.name for p in disk.iterdir()] == ["sheet.pdf"]
    record("sheets refused on a full disk, good PDF kept")
