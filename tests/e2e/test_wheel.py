"""An installed wheel carries its compiled catalogs and resources and finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_compiled_catalogs_and_resources(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("misma_luna-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "misma_luna/locale/es/LC_MESSAGES/misma_luna.mo" in names
    assert "misma_luna/resources/films/bajo-la-misma-luna/review.md" in names
    assert not any(name.endswith(".po") and "/locale/" in name for name in names)

    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), wheel],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, PYTHONPATH=str(target), QT_QPA_PLATFORM="offscreen")
    probe = "import misma_luna, sys; print(misma_luna.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert where.stdout.startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "misma_luna", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["catalogs offered"]["ok"], checks["catalogs offered"]
    assert checks["bundled film loads"]["ok"], checks["bundled film loads"]
