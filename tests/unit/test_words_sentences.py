"""The sentence around a word collected from the review, and its paired sentence."""

from __future__ import annotations

from misma_luna.core.words.sentences import sentence_pair, split

SPANISH = "Rosario cruza la frontera. ¿Verá a su hijo el domingo? «Sí», dice Carlitos…"
ENGLISH = "Rosario crosses the border. Will she see her son on Sunday? “Yes,” says Carlitos…"


def test_split_keeps_closing_quotes_and_drops_blank_pieces() -> None:
    assert split(SPANISH) == [
        "Rosario cruza la frontera.",
        "¿Verá a su hijo el domingo?",
        "«Sí», dice Carlitos…",
    ]
    assert split('Dijo "adiós." Y se fue') == ['Dijo "adiós."', "Y se fue"]
    assert split("   ") == []


def test_the_sentence_holding_the_word_and_the_one_in_the_same_place() -> None:
    assert sentence_pair(SPANISH, "DOMINGO", ENGLISH) == (
        "¿Verá a su hijo el domingo?",
        "Will she see her son on Sunday?",
    )
    assert sentence_pair(SPANISH, "Carlitos", ENGLISH)[1] == "“Yes,” says Carlitos…"


def test_counts_that_differ_give_the_whole_paired_paragraph() -> None:
    english = "Rosario crosses the border and wonders whether she will see her son."
    assert sentence_pair(SPANISH, "hijo", english) == ("¿Verá a su hijo el domingo?", english)


def test_a_word_found_nowhere_gives_the_first_sentence_and_no_pair_stays_empty() -> None:
    assert sentence_pair(SPANISH, "luna", "") == ("Rosario cruza la frontera.", "")
    assert sentence_pair("sin punto final", "punto", "") == ("sin punto final", "")
