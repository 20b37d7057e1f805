"""`misma-luna film check` as installed: exit codes a translator's script can rely on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from misma_luna.core.base.resources import bundled_film_dir

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ROOT / ".venv" / "bin" / "misma-luna"
HOSTILE = ROOT / "tests" / "data" / "hostile"

pytestmark = pytest.mark.e2e


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_check_passes_on_the_bundled_film_and_fails_on_an_incomplete_one(tmp_path: Path) -> None:
    assert run("film", "check", str(bundled_film_dir())).returncode == 0
    package = Path(shutil.copytree(HOSTILE / "hostile-film", tmp_path / "hostile"))
    done = run("film", "check", str(package))
    assert done.returncode == 1
    assert done.stdout.startswith("es: 2 of 10 translated")
    assert run("film", "template", str(package)).returncode == 0
    assert (package / "i18n" / "template.pot").is_file()


def test_unreadable_package_is_one_line_on_stderr() -> None:
    done = run("film", "check", str(HOSTILE / "no-review"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "no review.md" in done.stderr
