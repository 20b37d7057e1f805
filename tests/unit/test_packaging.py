"""The packaging rules and platform files, checked without building a bundle.

The bundle itself is built and smoke-tested by `.ci/run` (packaging/check_bundle.sh); here:
what the trimming keeps, the Linux desktop files, and install.sh in a throwaway home.
"""

from __future__ import annotations

import configparser
import datetime as dt
import os
import plistlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import babel
import babel.dates
import babel.numbers
import pytest

from misma_luna import DESKTOP_FILE_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
sys.path.insert(0, str(ROOT / "packaging"))

import build_bundle  # noqa: E402
import bundle_rules  # noqa: E402
import platform_files  # noqa: E402

QT = "PySide6/Qt/"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (QT + "translations/qtbase_es.qm", True),
        (QT + "translations/qtbase_en.qm", True),
        (QT + "translations/qtbase_fr.qm", False),
        (QT + "translations/qt_es.qm", False),
        (QT + "translations/qtdeclarative_es.qm", False),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/es_MX.dat", True),
        ("babel/locale-data/es_US.dat", True),
        ("babel/locale-data/es_419.dat", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/en_001.dat", True),
        ("babel/locale-data/fr.dat", False),
        ("babel/locale-data/fr_HT.dat", False),
        ("babel/global.dat", True),
        ("babel/py.typed", False),
        ("wcwidth/_wcwidth_c.pyi", False),
        (QT + "plugins/platforms/libqxcb.so", True),
        (QT + "plugins/platforms/libqwayland.so", True),
        (QT + "plugins/platforms/libqeglfs.so", False),
        (QT + "plugins/platformthemes/libqgtk3.so", False),
        (QT + "plugins/imageformats/libqsvg.so", True),
        (QT + "plugins/imageformats/libqjpeg.so", False),
        (QT + "plugins/iconengines/libqsvgicon.so", True),
        (QT + "plugins/tls/libqopensslbackend.so", False),
        (QT + "plugins/platforms/qwindows.dll", True),
        ("misma_luna/resources/films/bajo-la-misma-luna/film.toml", True),
        ("wordfreq/data/large_es.msgpack.gz", True),
        ("wordfreq/data/small_en.msgpack.gz", True),
        ("wordfreq/data/large_de.msgpack.gz", False),
        ("wordfreq/data/jieba_zh.txt", False),
        ("simplemma/strategies/dictionaries/data/es.plzma", True),
        ("simplemma/strategies/dictionaries/data/fr.plzma", False),
    ],
)
def test_trimming_keeps_only_what_the_app_loads(dest: str, kept: bool) -> None:
    assert bundle_rules.keep_data(dest, ["en", "es"]) is kept


BABEL_DATA = Path(babel.__file__).parent / "locale-data"


@pytest.fixture
def bundled_babel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Iterable[str]], None]]:
    """Babel as the bundle has it: `keep_only(names)` leaves it those locales' data alone."""
    import babel.localedata

    from misma_luna.core.base import formatting as fmt

    def keep_only(names: Iterable[str]) -> None:
        for name in names:
            shutil.copy2(BABEL_DATA / f"{name}.dat", tmp_path)
        monkeypatch.setattr(babel.localedata, "_cache", {})
        monkeypatch.setattr(babel.localedata, "_dirname", str(tmp_path))
        babel.localedata.locale_identifiers.cache_clear()
        fmt._locale.cache_clear()

    try:
        yield keep_only
    finally:
        monkeypatch.undo()
        babel.localedata.locale_identifiers.cache_clear()
        fmt._locale.cache_clear()


def test_babel_keeps_every_variant_and_the_locales_they_inherit_from(
    bundled_babel: Callable[[Iterable[str]], None],
) -> None:
    # nb and ht inherit from locales of another language in some CLDR releases (no, fr_HT):
    # whatever Babel's data says today, each kept locale must load from the kept files alone.
    kept = bundle_rules.babel_locales(frozenset({"en", "es", "nb", "ht"}))
    assert {"root", "es", "es_419", "es_MX", "es_US", "en", "en_001", "en_GB", "en_US"} <= kept
    assert {"nb", "ht"} <= kept
    assert not {"de", "pt", "fr_FR"} & kept
    bundled_babel(kept)
    for name in kept - {"root"}:
        locale = babel.Locale.parse(name)
        assert babel.dates.format_date(dt.date(2026, 11, 21), locale=locale), name
        assert babel.numbers.format_decimal(1.5, locale=locale), name


def test_the_kept_babel_data_formats_every_variant_and_english_stands_in_for_the_rest(
    bundled_babel: Callable[[Iterable[str]], None],
) -> None:
    from misma_luna.core.base import formatting as fmt

    kept = [
        path.stem
        for path in BABEL_DATA.glob("*.dat")
        if bundle_rules.keep_data(f"babel/locale-data/{path.name}", ["en", "es"])
    ]
    bundled_babel(kept)
    day = dt.date(2026, 11, 21)
    for name in kept:
        if "_" in name:  # every regional variant, with all it inherits
            assert fmt.format_date(day, name), name
            assert fmt.format_minutes(109, name) and fmt.format_number(1.5, name)
    assert fmt.format_date(day, "es_MX") == "21 de noviembre de 2026"
    assert fmt.format_date(day, "en_GB") == "21 November 2026"
    assert fmt.format_date(day, "pt_BR") == fmt.format_date(day, "en")  # no data: English


def test_compiled_copies_go_in_as_their_python_source(tmp_path: Path) -> None:
    package = tmp_path / "charset_normalizer"
    package.mkdir()
    (package / "md.py").write_text("", encoding="utf-8")
    compiled = str(package / "md.cpython-311-x86_64-linux-gnu.so")
    found = (
        bundle_rules.pure_python_source(
            "charset_normalizer/md.cpython-311-x86_64-linux-gnu.so", compiled
        ),
        bundle_rules.pure_python_source("charset_normalizer\\md.cp311-win_amd64.pyd", compiled),
    )
    assert found == (("charset_normalizer.md", str(package / "md.py")),) * 2
    assert bundle_rules.pure_python_source("charset_normalizer/cd.abi3.so", compiled) is None
    assert bundle_rules.pure_python_source("PySide6/QtCore.abi3.so", compiled) is None


def test_the_cups_client_is_left_to_the_system() -> None:
    assert not bundle_rules.keep_binary("libcups.so.2")
    assert bundle_rules.keep_binary("libQt6PrintSupport.so.6")


def test_languages_follow_the_catalogs(tmp_path: Path) -> None:
    assert {"en", "es"} <= set(bundle_rules.languages())
    for code in ("pt", "es"):
        folder = tmp_path / "i18n" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "misma_luna.po").write_text("", encoding="utf-8")
    assert bundle_rules.languages(tmp_path) == ["en", "es", "pt"]


def test_the_source_imports_only_qt_modules_the_bundle_carries() -> None:
    imported = build_bundle.qt_modules_imported(ROOT / "src" / "misma_luna")
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    assert imported <= set(bundle_rules.QT_MODULES)


def test_qt_imports_are_found_in_every_spelling(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from PySide6.QtNetwork import QLocalSocket\n"
        "from PySide6 import (QtSql,\n    QtCore)\n"
        "import PySide6.QtMultimedia\n",
        encoding="utf-8",
    )
    found = build_bundle.qt_modules_imported(tmp_path)
    assert found == {"QtNetwork", "QtSql", "QtCore", "QtMultimedia"}


def test_windows_and_macos_metadata_follow_the_version() -> None:
    assert platform_files.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert platform_files.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    plist = platform_files.macos_info_plist(__version__)
    assert plist["CFBundleIdentifier"] == DESKTOP_FILE_NAME
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert plistlib.loads(plistlib.dumps(plist)) == plist
    assert (ROOT / "packaging" / "icons" / "misma-luna.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ROOT / "packaging" / "icons" / "misma-luna.icns").read_bytes()[:4] == b"icns"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / f"{DESKTOP_FILE_NAME}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_names_the_app_in_both_languages() -> None:
    entry = _desktop_entry()
    for key in ("Name", "Name[es]", "Comment", "Comment[es]", "Icon", "Categories"):
        assert entry[key], key
    assert entry["Icon"] == DESKTOP_FILE_NAME
    assert entry["StartupWMClass"] == "Misma Luna"  # QCoreApplication.applicationName()
    types = entry["MimeType"].rstrip(";").split(";")
    assert {"application/x-subrip", "text/vtt", "text/x-ssa"} <= set(types)
    assert "application/x-misma-luna-film" in types


def test_the_metainfo_describes_this_release() -> None:
    root = ET.parse(LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml").getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.findtext("id") == DESKTOP_FILE_NAME
    assert root.findtext("launchable") == f"{DESKTOP_FILE_NAME}.desktop"
    assert next(r.get("version") for r in root.iter("release")) == __version__
    spanish = [p for p in root.find("description").iter("p") if p.get(lang) == "es"]  # type: ignore[union-attr]
    assert spanish


def _fake_bundle(folder: Path) -> Path:
    """A folder laid out like dist/misma-luna/, with a stand-in executable."""
    resources = folder / "_internal" / "misma_luna" / "resources"
    shutil.copytree(ROOT / "resources" / "linux", resources / "linux")
    shutil.copytree(ROOT / "resources" / "icons", resources / "icons")
    shutil.copy2(LINUX / "install.sh", folder / "install.sh")
    exe = folder / "misma-luna"
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    return folder / "install.sh"


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    return subprocess.run(
        ["sh", str(script), *args], env=env, capture_output=True, text=True, check=False
    )


def test_install_sh_puts_the_app_in_the_menu_and_takes_it_out(tmp_path: Path) -> None:
    script = _fake_bundle(tmp_path / "Mis programas" / "misma luna $1")
    home = tmp_path / "home"
    result = _run(script, home)
    assert result.returncode == 0, result.stderr
    share = home / "share"
    desktop = share / "applications" / f"{DESKTOP_FILE_NAME}.desktop"
    exe = script.parent.resolve() / "misma-luna"
    quoted = str(exe).replace("$", "\\\\$")
    assert f'Exec="{quoted}" %f' in desktop.read_text(encoding="utf-8").splitlines()
    assert (share / "icons/hicolor/scalable/apps" / f"{DESKTOP_FILE_NAME}.svg").is_file()
    assert (share / "icons/hicolor/48x48/apps" / f"{DESKTOP_FILE_NAME}.png").is_file()
    assert (share / "metainfo" / f"{DESKTOP_FILE_NAME}.metainfo.xml").is_file()
    assert (share / "mime/packages" / f"{DESKTOP_FILE_NAME}.xml").is_file()
    if shutil.which("desktop-file-validate"):
        command = ["desktop-file-validate", str(desktop)]
        check = subprocess.run(command, capture_output=True, check=False)
        assert check.returncode == 0, check.stdout
    assert _run(script, home, "--uninstall").returncode == 0
    assert not desktop.exists()
    assert not list((share / "icons").rglob(f"{DESKTOP_FILE_NAME}.*"))


def test_install_sh_refuses_a_folder_without_the_app(tmp_path: Path) -> None:
    script = tmp_path / "install.sh"
    shutil.copy2(LINUX / "install.sh", script)
    result = _run(script, tmp_path / "home")
    assert result.returncode == 1
    assert "misma-luna is missing" in result.stderr
