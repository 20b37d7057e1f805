"""Build the frozen app (`dist/misma-luna/`, and its .tar.gz on Linux) or the bare-window baseline.

Runs PyInstaller on the spec, fails on any "Library not found" warning or on a Qt module the
source imports but the bundle would leave out, checks what went in, and prints the sizes.
Usage: python packaging/build_bundle.py [--bare [--stock]]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import bundle_rules as rules

ROOT = rules.ROOT
HERE = Path(__file__).resolve().parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
MISSING_LIBRARY = "Library not found"
QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)|\bfrom PySide6 import \(?\s*([\w,\s]+)")


def fail(message: str) -> None:
    """Stop the build with one line on stderr."""
    print(f"build_bundle: {message}", file=sys.stderr)
    raise SystemExit(1)


def qt_modules_imported(source: Path) -> set[str]:
    """Every `PySide6.QtXxx` module the app's source imports."""
    found: set[str] = set()
    for path in source.rglob("*.py"):
        for match in QT_IMPORT.finditer(path.read_text(encoding="utf-8")):
            names = [match.group(1)] if match.group(1) else re.split(r"[,\s]+", match.group(2))
            found.update(name for name in names if name.startswith("Qt"))
    return found


def run_pyinstaller(spec: Path, env: dict[str, str], strict: bool = True) -> None:
    """Run PyInstaller, echoing its log; `strict`: fail if it could not find a library."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(spec)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    sys.stderr.write(result.stdout + result.stderr)
    missing = [
        line for line in (result.stdout + result.stderr).splitlines() if MISSING_LIBRARY in line
    ]
    if missing and strict:
        fail(f"PyInstaller could not find {len(missing)} librar(ies); first: {missing[0]}")
    if result.returncode != 0:
        fail(f"PyInstaller failed with exit code {result.returncode}")


def check_contents(bundle: Path) -> None:
    """The catalogs and resources are in; no Qt translation or plugin beyond the rules."""
    internal = bundle / "_internal"
    for needed in ("misma_luna/locale", "misma_luna/resources/films", "misma_luna/resources/icons"):
        if not (internal / needed).is_dir():
            fail(f"{needed} is missing from {bundle}")
    for path in internal.rglob("*"):
        relative = path.relative_to(internal).as_posix()
        if path.is_file() and not rules.keep_data(relative, rules.languages()):
            fail(f"{relative} should not be in the bundle (see packaging/bundle_rules.py)")


def folder_size(folder: Path) -> int:
    """Bytes in a folder's files (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(bundle: Path, version: str) -> Path:
    """`dist/misma-luna-<version>-linux-<arch>.tar.gz`, holding the `misma-luna/` folder."""
    arch = os.uname().machine
    target = DIST / f"misma-luna-{version}-linux-{arch}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name)
    return target


def build_app() -> Path:
    """The app's bundle, with install.sh and the tarball on Linux."""
    sys.path.insert(0, str(ROOT / "src"))
    from misma_luna import __version__

    stray = qt_modules_imported(ROOT / "src" / "misma_luna") - set(rules.QT_MODULES)
    if stray:
        fail(f"the source imports {sorted(stray)}: add them to QT_MODULES in bundle_rules.py")
    run_pyinstaller(HERE / "misma-luna.spec", dict(os.environ))
    bundle = DIST / "misma-luna"
    check_contents(bundle)
    if rules.platform_tag() == "linux":
        shutil.copy2(ROOT / "resources" / "linux" / "install.sh", bundle / "install.sh")
        (bundle / "install.sh").chmod(0o755)
        tarball = make_tarball(bundle, __version__)
        print(f"{tarball.relative_to(ROOT)}: {tarball.stat().st_size / 1e6:.1f} MB")
    return bundle


def main() -> int:
    """Build what the command line asks for and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bare", action="store_true", help="build the bare-window baseline")
    parser.add_argument(
        "--stock", action="store_true", help="with --bare: PyInstaller's own collection, untrimmed"
    )
    options = parser.parse_args()
    if options.bare:
        env = dict(os.environ, MISMA_BARE_STOCK="1" if options.stock else "0")
        # the stock baseline keeps Qt's GTK theme plugin, whose GTK may be missing here
        run_pyinstaller(HERE / "bare_window.spec", env, strict=not options.stock)
        bundle = DIST / ("bare-window-stock" if options.stock else "bare-window")
    else:
        bundle = build_app()
    print(f"{bundle.relative_to(ROOT)}: {folder_size(bundle) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
