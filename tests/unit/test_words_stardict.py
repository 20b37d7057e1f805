"""StarDict dictionaries written here (index, synonyms, dictzip, markup), read back, and the
shelf that finds them beside dictd ones; damaged files give one message naming them."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest
from tests.unit.test_words_dictd_export import dictzip, write_dictionary

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.words.dictionaries import stardict
from misma_luna.core.words.dictionaries.dictzip import DictionaryError, TextFile
from misma_luna.core.words.dictionaries.shelf import Shelf, find, languages, system_folders

# Headword -> entry text; written in our own words for these tests.
ENTRIES = {
    "agua": "water; also rain in some regions",
    "Árbol": "tree",
    "casa": "house, home",
    "luna": "moon",
    "perro": "dog",
}
SYNONYMS = {"hogar": "casa", "satélite": "luna"}


def stardict_files(entries: dict[str, bytes], offset_bits: int = 32) -> tuple[bytes, bytes]:
    """The `.dict` and `.idx` bytes for already-encoded entries, in StarDict's order."""
    body, index = b"", b""
    layout = ">QI" if offset_bits == 64 else ">II"
    for word in sorted(entries, key=lambda w: (w.lower(), w)):
        data = entries[word]
        index += word.encode("utf-8") + b"\0" + struct.pack(layout, len(body), len(data))
        body += data
    return body, index


def write_stardict(folder: Path, name: str, *, types: str = "m", compressed: bool = False,
                   synonyms: dict[str, str] | None = None, offset_bits: int = 32,
                   idx_gz: bool = False, entries: dict[str, bytes] | None = None,
                   book: str = "Test Spanish-English") -> Path:  # fmt: skip
    """A StarDict dictionary in `folder`; its `.ifo`."""
    folder.mkdir(parents=True, exist_ok=True)
    raw = entries or {word: text.encode("utf-8") for word, text in ENTRIES.items()}
    body, index = stardict_files(raw, offset_bits)
    order = sorted(raw, key=lambda w: (w.lower(), w))
    lines = [stardict.MAGIC, "version=3.0.0" if offset_bits == 64 else "version=2.4.2",
             f"bookname={book}", f"wordcount={len(raw)}", f"idxfilesize={len(index)}"]  # fmt: skip
    if offset_bits == 64:
        lines.append("idxoffsetbits=64")
    if types:
        lines.append(f"sametypesequence={types}")
    if synonyms:
        syn = b"".join(
            word.encode() + b"\0" + struct.pack(">I", order.index(target))
            for word, target in sorted(synonyms.items())
        )
        (folder / f"{name}.syn").write_bytes(syn)
        lines.append(f"synwordcount={len(synonyms)}")
    (folder / f"{name}.ifo").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / (f"{name}.idx.gz" if idx_gz else f"{name}.idx")).write_bytes(
        gzip.compress(index) if idx_gz else index
    )
    if compressed:
        (folder / f"{name}.dict.dz").write_bytes(dictzip(body))
    else:
        (folder / f"{name}.dict").write_bytes(body)
    return folder / f"{name}.ifo"


@pytest.mark.parametrize("compressed", [False, True])
@pytest.mark.parametrize("offset_bits", [32, 64])
def test_lookup_in_every_layout(tmp_path: Path, compressed: bool, offset_bits: int) -> None:
    ifo = write_stardict(tmp_path / "spa-eng", "test", compressed=compressed,
                         offset_bits=offset_bits, idx_gz=offset_bits == 64)  # fmt: skip
    dictionary = stardict.dictionary_at(ifo)
    assert dictionary is not None
    assert dictionary.name == "Test Spanish-English"
    assert dictionary.lookup("arbol") == ["tree"]
    assert dictionary.lookup(" LUNA ") == ["moon"]
    assert dictionary.lookup("agua") == [ENTRIES["agua"]]
    assert dictionary.lookup("gato") == []


def test_synonyms_lead_to_their_headword(tmp_path: Path) -> None:
    ifo = write_stardict(tmp_path, "test", synonyms=SYNONYMS)
    dictionary = stardict.dictionary_at(ifo)
    assert dictionary is not None
    assert dictionary.lookup("hogar") == ["house, home"]
    assert dictionary.lookup("satelite") == ["moon"]


def test_fields_with_type_marks_become_plain_text(tmp_path: Path) -> None:
    markup = "<b>perro</b> &amp; perra<br>dog, <i>bitch</i><div>sentence</div>"
    picture = b"P" + struct.pack(">I", 3) + b"\x89PN"
    entry = b"tpe.rro\0" + b"h" + markup.encode() + b"\0" + picture + b"mlast line\0"
    ifo = write_stardict(tmp_path, "test", types="", entries={"perro": entry})
    dictionary = stardict.dictionary_at(ifo)
    assert dictionary is not None
    assert dictionary.lookup("perro") == [
        "pe.rro\n\nperro & perra\ndog, bitch\nsentence\n\nlast line"
    ]


def test_same_type_sequence_with_two_fields() -> None:
    data = b"ka.sa\0<k>house</k>"
    assert stardict.entry_text(data, "tg") == "ka.sa\n\nhouse"
    assert stardict.markup_to_text("a<p>b</p>&lt;c&gt;") == "a\nb\n<c>"


def test_shelf_finds_both_kinds_and_their_languages(tmp_path: Path) -> None:
    write_stardict(tmp_path / "stardict-test-spa-eng-2.4.2", "test")
    write_stardict(tmp_path / "deep" / "en", "inglés-español", book="Plain")
    write_dictionary(tmp_path, "freedict-spa-eng", True)
    shelf = Shelf(str(tmp_path), folders=[])
    found = {(d.name, d.source, d.target) for d in shelf.dictionaries()}
    assert found == {
        ("Test Spanish-English", "es", "en"),
        ("Plain", "en", "es"),
        ("freedict-spa-eng", "es", "en"),
    }
    entries = shelf.look_up(["árbol"], "es")
    assert sorted(entries) == [
        ("Test Spanish-English", "tree"),
        ("freedict-spa-eng", "árbol\n tree"),
    ]
    assert shelf.look_up(["árbol"], "en") == [("Plain", "tree")]
    assert shelf.look_up(["árbol"], "fr") == []
    assert ("Test Spanish-English", "dog") in shelf.look_up(["perros", "perro"], "es")
    assert languages(Path("x/Spanish-English.ifo")) == ("es", "en")
    assert languages(Path("x/words.ifo"), "My book") == ("", "")


def test_system_folders_are_where_stardict_and_dictd_keep_them() -> None:
    folders = [str(folder) for folder in system_folders()]
    assert "/usr/share/dictd" in folders and "/usr/share/stardict/dic" in folders
    assert str(Path.home() / ".stardict" / "dic") in folders


def test_damaged_dictionary_answers_once_naming_its_file(tmp_path: Path) -> None:
    write_stardict(tmp_path / "good", "good", book="Good")
    write_stardict(tmp_path / "bad", "bad", book="Bad")
    dict_file = tmp_path / "bad" / "bad.dict"
    dict_file.write_bytes(dict_file.read_bytes()[:10])
    shelf = Shelf(str(tmp_path), folders=[])
    first = shelf.look_up(["perro"], "es")
    assert ("Good", "dog") in first
    problem = [text for name, text in first if name == "bad.dict"]
    assert len(problem) == 1 and str(dict_file) in problem[0] and "truncated" in problem[0]
    assert shelf.look_up(["perro"], "es") == [("Good", "dog")]


@pytest.mark.parametrize(
    ("file", "spoil", "problem"),
    [
        ("test.ifo", lambda b: b"Not a dictionary\n", "not a StarDict"),
        ("test.ifo", lambda b: b.replace(b"version", b"idxoffsetbits=48\nversion"), "damaged"),
        ("test.idx", lambda b: b[:-3], "truncated"),
        ("test.idx", lambda b: b + b"no end", "truncated"),
        ("test.syn", lambda b: b[:-2], "truncated"),
        ("test.dict.dz", lambda b: b"\x1f\x8b\x08\x04\0\0\0\0\0\x03\xff\xff", "damaged"),
        ("test.dict.dz", lambda b: b"plain text", "damaged"),
    ],
)
def test_hostile_files_give_one_message_naming_them(
    tmp_path: Path, file: str, spoil: object, problem: str
) -> None:
    ifo = write_stardict(tmp_path, "test", compressed=True, synonyms=SYNONYMS)
    target = tmp_path / file
    target.write_bytes(spoil(target.read_bytes()))  # type: ignore[operator]
    dictionary = stardict.dictionary_at(ifo)
    assert dictionary is not None
    with pytest.raises(DictionaryError, match=problem) as raised:
        dictionary.lookup("perro")
    assert file in raised.value.message


def test_an_index_pointing_past_the_text_or_too_far(tmp_path: Path) -> None:
    ifo = write_stardict(tmp_path, "test")
    index = tmp_path / "test.idx"
    data = bytearray(index.read_bytes())
    start = data.index(b"perro\0") + len(b"perro\0")
    data[start : start + 8] = struct.pack(">II", 10_000, 4)
    start = data.index(b"luna\0") + len(b"luna\0")
    data[start : start + 8] = struct.pack(">II", 0, 10_000_000)
    index.write_bytes(bytes(data))
    dictionary = stardict.dictionary_at(ifo)
    assert dictionary is not None
    with pytest.raises(DictionaryError, match="truncated"):
        dictionary.lookup("perro")
    with pytest.raises(DictionaryError, match="too large"):
        dictionary.lookup("luna")


def test_a_fifo_in_place_of_the_text_is_refused(tmp_path: Path) -> None:
    ifo = write_stardict(tmp_path, "test")
    (tmp_path / "test.dict").unlink()
    import os

    os.mkfifo(tmp_path / "test.dict")
    assert stardict.dictionary_at(ifo) is None
    with pytest.raises(MismaLunaError, match=r"test\.dict"):
        TextFile(tmp_path / "test.dict").read(0, 4)


def test_a_dictzip_bomb_stops_at_the_chunk_length(tmp_path: Path) -> None:
    path = tmp_path / "bomb.dict.dz"
    path.write_bytes(dictzip(b"\0" * 4096, chunk=64))
    assert TextFile(path).read(60, 8) == b"\0" * 8
    with pytest.raises(DictionaryError, match="truncated"):
        TextFile(path).read(4090, 100)


def test_incomplete_dictionaries_are_not_listed(tmp_path: Path) -> None:
    write_stardict(tmp_path, "test")
    (tmp_path / "test.idx").unlink()
    (tmp_path / "lonely.index").write_text("a\tA\tB\n", encoding="utf-8")
    assert find([tmp_path, tmp_path / "missing"]) == []
