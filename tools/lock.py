"""The lock files: exact versions, with hashes, of everything `make` installs.

`make lock` runs `python tools/lock.py write`: uv resolves `pyproject.toml` against the package
index for every Python from 3.11 on and every platform, into two pip-readable files:

- `requirements/run.txt`: the app and what builds its editable install (`make run`);
- `requirements/dev.txt`: the same versions plus tests, benchmarks, the bundle and uv itself.

`make test-latest` runs `python tools/lock.py drift`, which lists what the newest releases that
`pyproject.toml` allows change against the lock, for the report that CI prints.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_LOCK = ROOT / "requirements" / "run.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
# The oldest Python the project supports: a universal lock resolved for it holds for the rest.
OLDEST_PYTHON = "3.11"
PINNED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def build_requirements() -> list[str]:
    """What pip needs to build the editable install, read from `pyproject.toml`."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return list(tomllib.load(file)["build-system"]["requires"])


def compile_lock(output: Path, *extra_args: str) -> None:
    """Resolve `pyproject.toml` plus the build requirements into `output`, with hashes."""
    with tempfile.TemporaryDirectory() as folder:
        build_in = Path(folder, "build.in")
        build_in.write_text("\n".join(build_requirements()) + "\n", encoding="utf-8")
        command = [
            *("uv", "pip", "compile", "--quiet", "--universal", "--generate-hashes"),
            *("--python-version", OLDEST_PYTHON, "--no-header", "--no-annotate"),
            *("--output-file", str(output), "pyproject.toml", str(build_in), *extra_args),
        ]
        subprocess.run(command, cwd=ROOT, check=True)
    header = "# Made by `make lock` (tools/lock.py) from pyproject.toml; do not edit by hand.\n"
    output.write_text(header + output.read_text(encoding="utf-8"), encoding="utf-8")


def write() -> None:
    """Refresh both lock files: the development one first, then the app's, on its versions."""
    DEV_LOCK.parent.mkdir(exist_ok=True)
    compile_lock(DEV_LOCK, "--all-extras", "--upgrade")
    compile_lock(RUN_LOCK, "--constraint", str(DEV_LOCK))


def locked_versions(lock: Path = DEV_LOCK) -> dict[str, set[str]]:
    """Each locked package's versions (one per Python or platform marker), by normalised name."""
    versions: dict[str, set[str]] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := PINNED.match(line):
            versions.setdefault(normalise(match[1]), set()).add(match[2])
    return versions


def normalise(name: str) -> str:
    """A distribution's name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def drift() -> list[str]:
    """`name: locked -> installed` for each package this environment holds at another version."""
    locked = locked_versions()
    lines = []
    for dist in sorted(metadata.distributions(), key=lambda d: normalise(d.metadata["Name"])):
        name = normalise(dist.metadata["Name"])
        if name in locked and dist.version not in locked[name]:
            lines.append(f"{name}: {' or '.join(sorted(locked[name]))} -> {dist.version}")
    return lines


if __name__ == "__main__":
    if sys.argv[1:] == ["write"]:
        write()
    elif sys.argv[1:] == ["drift"]:
        print("\n".join(drift()) or "nothing: the newest allowed releases are the locked ones")
    else:
        sys.exit("usage: python tools/lock.py write | drift")
