"""The installed `misma-luna` command, run as a process the way people and scripts run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from misma_luna.core.base.resources import bundled_film_dir

COMMAND = str(Path(sys.executable).with_name("misma-luna"))


def run(*args: str, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def test_version(tmp_path: Path) -> None:
    result = run("--version", tmp_path=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("misma-luna ")


def test_self_test_passes_and_reports_json(tmp_path: Path) -> None:
    result = run("--self-test", tmp_path=tmp_path)
    report = json.loads(result.stdout)
    failed = [check for check in report["checks"] if not check["ok"]]
    assert result.returncode == 0, failed
    assert report["ok"] is True
    names = {check["name"] for check in report["checks"]}
    assert "switch to Spanish changes every text" in names


def test_window_opens_and_closes_after_first_paint(tmp_path: Path) -> None:
    result = run("--exit-after-paint", "--lang", "es", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_broken_film_falls_back_to_the_bundled_film(tmp_path: Path) -> None:
    broken = Path(shutil.copytree(bundled_film_dir(), tmp_path / "broken"))
    (broken / "film.toml").write_text("id = [\n", encoding="utf-8")
    result = run("--exit-after-paint", str(broken), tmp_path=tmp_path)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr


def test_unknown_option_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("--no-such-option", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("module", ["misma_luna"])
def test_python_dash_m_runs_the_same_command(module: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("misma-luna ")
