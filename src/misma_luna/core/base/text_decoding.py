"""Bytes from outside become clean text: BOM, encoding detection, mojibake repair, newlines.

Reviews, film packages and subtitles all pass through `decode_bytes()` (read by
`regular_files`, which refuses what is not a plain file). What was done is kept
(`DecodedText.encoding`, `.repaired`, `.original`) so the app can say so and show the file
as it was. Repair is limited to encoding mistakes; the text is otherwise left alone.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from misma_luna.core.base.errors import TextFileError
from misma_luna.core.base.i18n import _, ngettext

MAX_TEXT_BYTES = 5 * 1024 * 1024
# The longest run of characters one repaired character was misread as (UTF-8 read twice).
_LONGEST_MISREAD = 8
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Reviews and subtitles are Spanish or English: without a BOM, only these are candidates.
_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]
# The single-byte encodings ftfy undoes: a UTF-8 file read as one of them is mojibake.
_MISREAD_AS = (
    "latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859_2",
    "mac_roman", "cp437",
)  # fmt: skip


class DecodedText(NamedTuple):
    """A file's text, how it was read, and what was repaired."""

    text: str
    encoding: str
    original: str
    repaired: int = 0


def decode_bytes(data: bytes, path: Path | None = None) -> DecodedText:
    """Decode `data`, repairing mojibake; raise `TextFileError` for binary data."""
    encoding, text = _decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired_text, count = _repair_mojibake(text)
    return DecodedText(text=repaired_text, encoding=encoding, original=text, repaired=count)


def _decode(data: bytes, path: Path | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, _strict(data, encoding, path)
    try:
        if b"\x00" in data:
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL bytes: UTF-16, UTF-32 or binary")
        encoding, text = "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        encoding, text = _detect(data, path)
    if "\x00" in text or _looks_binary(text):
        raise TextFileError(path, _("this is a binary file, not text"))
    return encoding, text


def _detect(data: bytes, path: Path | None) -> tuple[str, str]:
    """Guess the encoding with charset-normalizer among the ones Spanish and English use."""
    # charset-normalizer and ftfy load only for text that needs them.
    from charset_normalizer import from_bytes  # noqa: PLC0415

    candidates = _WIDE_ENCODINGS if b"\x00" in data else _WESTERN_ENCODINGS
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        raise TextFileError(path, _("this is a binary file, not text"))
    return best.encoding, str(best)


def _strict(data: bytes, encoding: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise TextFileError(
            path, _("the file says it is {encoding} but is not").format(encoding=encoding)
        ) from None


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\n\r\f")
    return controls > 8


def repair_summary(decoded: DecodedText) -> str | None:
    """What repair did to the file, in one sentence for the status bar, or None."""
    if not decoded.repaired:
        return None
    return ngettext(
        "Repaired {count} mis-encoded character",
        "Repaired {count} mis-encoded characters",
        decoded.repaired,
    ).format(count=decoded.repaired)


# Where mojibake can start: two non-ASCII characters in a row (checked further below), a C1
# control or replacement character, or a UTF-8 lead byte whose no-break space became a space.
# One leading character class lets the regex engine skip plain text at C speed; the branches
# after it only look around the character found (the same matches as the plain alternation).
_CANDIDATE = re.compile(
    "[^\x00-\x19\x1b-\x7f](?:(?=[^\x00-\x7f])|(?<=[\x80-\x9f\x1a\ufffd])|(?<=[ÂÃÅÎÐÙâãð]) )"
)


def may_hold_mojibake(text: str) -> bool:
    """Whether `text` has what mojibake cannot do without: a UTF-8 lead byte followed by a
    continuation byte as one single-byte encoding reads them, a C1 control, a lost no-break
    space or a replacement character. Text without any is left alone, and ftfy (~25 ms to
    import) is not loaded before the first paint."""
    continuations = _continuations_after()
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        if len(match.group()) == 2 or start + 1 >= len(text):
            return True
        lead = match.group()
        if lead in "\x1a\ufffd" or "\x80" <= lead <= "\x9f":
            return True
        if text[start + 1] in continuations.get(lead, ""):
            return True
    return False


@cache
def _continuations_after() -> dict[str, str]:
    """Each character that reads as a UTF-8 lead byte in some encoding of `_MISREAD_AS`, with
    the characters that read as continuation bytes in the same encoding (bytes an encoding
    leaves undefined read as Latin-1, as ftfy's "sloppy" codecs do)."""
    found: dict[str, set[str]] = {}
    for name in _MISREAD_AS:
        continuations = {_sloppy(value, name) for value in range(0x80, 0xC0)}
        for value in range(0xC2, 0xF5):
            found.setdefault(_sloppy(value, name), set()).update(continuations)
    return {lead: "".join(sorted(chars)) for lead, chars in found.items()}


def _sloppy(value: int, encoding: str) -> str:
    byte = bytes([value])
    return byte.decode(encoding, errors="ignore") or byte.decode("latin-1")


def _repair_mojibake(text: str) -> tuple[str, int]:
    """Fix text that was decoded with the wrong encoding; count the characters repaired."""
    if text.isascii() or not may_hold_mojibake(text):
        return text, 0
    # charset-normalizer and ftfy load only for text that needs them.
    import ftfy  # noqa: PLC0415

    fixed_lines = []
    count = 0
    for line in text.split("\n"):
        fixed = ftfy.fix_encoding(line) if may_hold_mojibake(line) else line
        if fixed != line:
            count += _changed_characters(line, fixed)
        fixed_lines.append(fixed)
    return "\n".join(fixed_lines), count


def _changed_characters(before: str, after: str) -> int:
    """How many characters of `after` a repair changed, in one pass over both texts.

    Repair only ever replaces a short run of characters by a shorter one ("Ã±" → "ñ"), so
    the texts are walked together: at a difference, the repaired character is counted and
    `before` skips ahead to where the two agree again. A deletion ("Â¡" → "¡") still
    repaired the character next to it: it counts as one.
    """
    count = i = j = 0
    while i < len(before) and j < len(after):
        if before[i] == after[j]:
            i += 1
            j += 1
            continue
        count += 1
        j += 1
        i = _resync(before, i + 1, after[j] if j < len(after) else "")
    return count + max(len(after) - j, 0) + (1 if i < len(before) and not count else 0)


def _resync(text: str, start: int, wanted: str) -> int:
    """Where `text` has `wanted` again, looking a few characters from `start` (a repaired run
    is short); `start` itself when it is not that near."""
    if not wanted:
        return len(text)
    found = text.find(wanted, start, start + _LONGEST_MISREAD)
    return start if found < 0 else found
