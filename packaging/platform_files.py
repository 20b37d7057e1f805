"""Windows version resource and macOS Info.plist values, both made from the app's metadata.

Only the spec reads these; they cannot be tried here (a Windows .exe and a macOS .app are
built on those systems), so they follow PyInstaller's documented structures to the letter.
"""

from __future__ import annotations

from typing import Any

APP_NAME = "Misma Luna"
BUNDLE_ID = "org.mismaluna.MismaLuna"
COPYRIGHT = "© The Misma Luna team, MIT License"
DESCRIPTION = "A bilingual Spanish/English reader for film reviews and subtitles"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """`0.1.0` -> (0, 1, 0, 0): Windows wants exactly four numbers."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    padded = ([*numbers, 0, 0, 0, 0])[:4]
    return padded[0], padded[1], padded[2], padded[3]


def windows_version_info(version: str) -> Any:
    """The VSVersionInfo resource PyInstaller embeds in the .exe (Explorer's Details tab)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    strings = [
        vi.StringStruct("CompanyName", "The Misma Luna team"),
        vi.StringStruct("FileDescription", APP_NAME),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", "misma-luna"),
        vi.StringStruct("LegalCopyright", COPYRIGHT),
        vi.StringStruct("OriginalFilename", "misma-luna.exe"),
        vi.StringStruct("ProductName", APP_NAME),
        vi.StringStruct("ProductVersion", version),
        vi.StringStruct("Comments", DESCRIPTION),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            # 0409 = U.S. English, 04B0 = Unicode (code page 1200)
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


def _document_type(name: str, extensions: list[str], utis: list[str]) -> dict[str, Any]:
    # "Alternate": offered in Open With, never taking a file type away from its usual app.
    entry: dict[str, Any] = {
        "CFBundleTypeName": name,
        "CFBundleTypeRole": "Viewer",
        "LSHandlerRank": "Alternate",
        "CFBundleTypeExtensions": extensions,
    }
    if utis:  # macOS ignores the extensions when content types are given
        entry["LSItemContentTypes"] = utis
    return entry


def macos_info_plist(version: str) -> dict[str, Any]:
    """Info.plist entries for the .app: identity, Retina, languages and the files it opens."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "es"],
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "LSApplicationCategoryType": "public.app-category.education",
        "LSMinimumSystemVersion": "11.0",
        "CFBundleDocumentTypes": [
            _document_type("Film package", ["zip"], ["public.zip-archive"]),
            _document_type("Review", ["md", "markdown"], ["net.daringfireball.markdown"]),
            _document_type("Subtitles", ["srt", "vtt", "ass", "ssa"], []),
        ],
    }
