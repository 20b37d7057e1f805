"""What goes into a frozen Misma Luna, shared by the app's spec and the bare-window baseline.

PyInstaller's Qt hooks collect every plugin of a used module and Qt's translations in every
language, and its analysis follows imports the app never runs (type-checking ones, fallbacks
for old Pythons); these rules keep only what the app loads, so both specs are trimmed the same
way. tests/e2e/test_bundle.py checks the frozen app against the source after each build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIX = "PySide6/Qt/"

# The only PySide6 modules a bundle may carry; build_bundle.py fails if the source imports others.
# QtNetwork only for QLocalServer/QLocalSocket (ui/services/single_instance.py): no TLS, no plugins.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtNetwork")

# Qt plugins kept, by folder and file stem (without `lib`, `q` prefixes or suffix); others go.
QT_PLUGINS: dict[str, set[str]] = {
    # X11, Wayland, tests (offscreen, minimal), Windows, macOS
    "platforms": {"xcb", "wayland", "offscreen", "minimal", "windows", "cocoa"},
    # native file dialogs through the XDG portal (no GTK is bundled: qgtk3 would pull it in)
    "platformthemes": {"xdgdesktopportal"},
    # Wayland windows: the standard shell and the two title-bar styles Qt ships
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
    # dead keys / compose sequences and input methods, so readers can type accents in notes
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "iconengines": {"svgicon"},
    "imageformats": {"svg"},
    "printsupport": {"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"},
    "styles": {"modernwindowsstyle", "windowsvistastyle", "macstyle"},
}

# Python modules no bundle needs (tests, GUI toolkits and tools the app never imports).
PYTHON_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    "xmlrpc",
    "pytest",
    "_pytest",
    "hypothesis",
    "PIL",
    "numpy",
    "shiboken6.Shiboken.pyi",
    # babel.messages' fallback for Pythons before 3.10 (and its run-time hook, which would
    # import it at every start): packaging, pdb, ctypes, plistlib with it.
    "pkg_resources",
    # hashlib's OpenSSL backend, the only user of libcrypto (4.7 MB); the digests the app takes
    # (sha1 of paths and texts) are built into Python, and nothing speaks TLS.
    "_hashlib",
    # TLS, which nothing in the app speaks: genanki's cached-property imports asyncio, which
    # takes ssl if it is there and does without it (libssl and libcrypto, about 6 MB).
    "ssl",
    "_ssl",
    # Found by the analysis through the word libraries, never run by the app; frozen, each
    # brings a run-time hook that imports it at every start (about 100 ms between them).
    "setuptools",
    "multiprocessing",
    # python-docx needs only lxml.etree; lxml's other parts stay out (about 4 MB).
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    # Optional C accelerator: wcwidth falls back to its own Python code when it is missing
    # (only ftfy imports wcwidth, for `explain_unicode`, which the app never calls).
    "wcwidth._wcwidth_c",
]

# Compiled (mypyc) copies of modules whose Python source ships beside them: the source goes in
# instead. charset-normalizer's md and cd are the same code either way, ~2 ms slower on a
# 100 kB legacy-encoded file, which the app only meets when a file is not UTF-8.
PURE_PYTHON = ("charset_normalizer.md", "charset_normalizer.cd")

# Libraries left to the system: the CUPS client must match the local print server (and it
# would drag GnuTLS and Kerberos in); without it, printing to PDF still works.
SYSTEM_LIBRARIES = re.compile(r"^libcups\.so")


def _linked(binary: str) -> set[str]:
    """Names of every library `binary` loads, directly or not (ldd lists the whole closure)."""
    result = subprocess.run(["ldd", binary], capture_output=True, text=True, check=False)
    return {line.split()[0] for line in result.stdout.splitlines() if ".so" in line}


def system_library_closure(binaries: list[tuple[str, str, str]]) -> set[str]:
    """Libraries that are in the bundle only because a SYSTEM_LIBRARIES member links them."""
    if sys.platform != "linux":
        return set()
    users = [src for dest, src, kind in binaries if kind != "SYMLINK" and src.endswith(".so")]
    users += [src for dest, src, kind in binaries if kind == "EXTENSION"]
    closures = {src: _linked(src) for src in set(users)}
    leaders = {src for src, names in closures.items() if any(map(SYSTEM_LIBRARIES.match, names))}
    wanted: set[str] = set()
    for src, names in closures.items():
        if src not in leaders:
            wanted |= names
    dragged = set().union(*(closures[src] for src in leaders)) if leaders else set()
    return {name for name in dragged if name not in wanted}


def languages(root: Path = ROOT) -> list[str]:
    """The app's languages: English (the source) plus every catalog in i18n/ or compiled."""
    found = {p.parent.parent.name for p in (root / "i18n").glob("*/LC_MESSAGES/misma_luna.po")}
    compiled = root / "src" / "misma_luna" / "locale"
    found |= {p.parent.parent.name for p in compiled.glob("*/LC_MESSAGES/misma_luna.mo")}
    return sorted(found | {"en"})


@cache
def babel_locales(codes: frozenset[str]) -> frozenset[str]:
    """babel's locales for languages `codes`, every regional variant, and all they inherit from.

    A locale's data is merged over its parent's (es_MX over es_419 over es over root); the
    parent is mostly the same language, but CLDR has exceptions (nb and nn inherit from no, ht
    from fr_HT), and a missing parent file would break formatting in that language.
    """
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    exceptions = get_global("parent_exceptions")
    kept = {"root"} | {name for name in locale_identifiers() if name.split("_")[0] in codes}
    pending = list(kept)
    while pending:
        name = pending.pop()
        parent: str = exceptions.get(name) or (name.rsplit("_", 1)[0] if "_" in name else "root")
        if parent not in kept:
            kept.add(parent)
            pending.append(parent)
    return frozenset(kept)


def qt_excludes() -> list[str]:
    """Every PySide6 module except the allowed ones, as PyInstaller excludes."""
    import PySide6

    package = Path(PySide6.__file__).parent
    names = {p.name.split(".")[0] for p in package.glob("Qt*.*") if p.suffix in {".so", ".pyd"}}
    names |= {p.stem for p in package.glob("Qt*.pyi")}
    return sorted(f"PySide6.{name}" for name in names - set(QT_MODULES))


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".", maxsplit=1)[0]
    stem = stem.removeprefix("lib")
    return stem[1:] if stem.startswith("q") and stem[1:] else stem


def keep_plugin(dest: str) -> bool:
    """True for a Qt plugin in the allow list (or anything that is not a plugin)."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if not str(path).startswith(QT_PREFIX + "plugins/"):
        return True
    kind = path.parent.name
    return _plugin_stem(path.name) in QT_PLUGINS.get(kind, set())


def keep_data(dest: str, langs: Iterable[str]) -> bool:
    """Qt's qtbase translations and babel's CLDR data only for the app's languages; no stubs."""
    path = PurePosixPath(dest.replace("\\", "/"))
    text = str(path)
    codes = set(langs)
    if path.suffix == ".pyi" or path.name == "py.typed":  # for type checkers only
        return False
    if text.startswith(QT_PREFIX + "translations/"):
        match = re.fullmatch(r"qtbase_(\w+)\.qm", path.name)
        return bool(match) and match.group(1) in codes  # type: ignore[union-attr]
    if text.startswith("babel/locale-data/"):
        return path.stem in babel_locales(frozenset(codes))
    if text.startswith(WORD_DATA):  # word lists and base forms for the app's languages only
        return _word_data_language(path.name) in codes
    return keep_plugin(text)


# Where wordfreq's word lists and simplemma's dictionaries go in the bundle.
WORD_DATA = ("wordfreq/data/", "simplemma/strategies/dictionaries/data/")


def _word_data_language(name: str) -> str:
    """`large_es.msgpack.gz` and `es.plzma` are Spanish; other files have no language."""
    match = re.fullmatch(r"(?:(?:large|small)_)?([a-z]{2,3})\.(?:msgpack\.gz|plzma)", name)
    return match.group(1) if match else ""


def keep_binary(dest: str) -> bool:
    """Plugins in the allow list; no library the system must provide itself."""
    name = PurePosixPath(dest.replace("\\", "/")).name
    return keep_plugin(dest) and not SYSTEM_LIBRARIES.match(name)


def hook_qt_module(
    hook_file: str,
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """PyInstaller's own Qt hook result, without plugins or translations the app never loads."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    codes = languages()
    allowed = {f"PySide6.{name}" for name in QT_MODULES}
    return (
        [name for name in hiddenimports if name in allowed],
        [(src, dst) for src, dst in binaries if keep_binary(f"{dst}/{Path(src).name}")],
        [(src, dst) for src, dst in datas if keep_data(f"{dst}/{Path(src).name}", codes)],
    )


def babel_datas(datas: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """babel's data files, with CLDR locales only for the app's languages."""
    codes = languages()
    return [(src, dst) for src, dst in datas if keep_data(f"{dst}/{Path(src).name}", codes)]


def pure_python_source(dest: str, src: str) -> tuple[str, str] | None:
    """(module name, .py path) when binary `dest` is in PURE_PYTHON and its source ships too."""
    path = PurePosixPath(dest.replace("\\", "/"))
    name = ".".join([*path.parent.parts, path.name.split(".", maxsplit=1)[0]])
    source = Path(src).with_name(name.rsplit(".", maxsplit=1)[-1] + ".py")
    return (name, str(source)) if name in PURE_PYTHON and source.is_file() else None


def trim(analysis: Any, langs: Iterable[str]) -> None:
    """Filter an Analysis' binaries and datas in place; PURE_PYTHON modules go in as source."""
    codes = list(langs)
    sources = [pure_python_source(dest, src) for dest, src, _ in analysis.binaries]
    analysis.pure += [(name, src, "PYMODULE") for name, src in filter(None, sources)]
    binaries = [
        entry
        for entry, source in zip(analysis.binaries, sources, strict=True)
        if source is None and keep_binary(entry[0])
    ]
    dragged = system_library_closure(binaries)
    analysis.binaries = [e for e in binaries if PurePosixPath(e[0]).name not in dragged]
    analysis.datas = [e for e in analysis.datas if keep_data(e[0], codes)]


def platform_tag() -> str:
    """`linux`, `windows` or `macos`."""
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
