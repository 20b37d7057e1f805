"""Folding for search: accents and case ignored, positions kept."""

from __future__ import annotations

import time

from misma_luna.core.base.folding import find_all, fold_in_place


def test_folding_ignores_accents_and_case_and_keeps_every_position() -> None:
    text = "México, ÑANDÚ y Ångström: straße ﬁn İ"
    folded = fold_in_place(text)
    assert len(folded) == len(text)
    assert folded.startswith("mexico, nandu y angstrom")
    assert find_all(folded, fold_in_place("mexico")) == [0]
    assert find_all(folded, "nandu") == [text.index("ÑANDÚ")]


def test_matches_do_not_overlap() -> None:
    assert find_all("aaaa", "aa") == [0, 2]
    assert find_all("abc", "") == []


def test_a_large_review_folds_in_a_blink() -> None:
    text = "Rosario cruzó la frontera de México; Carlitos la sigue. " * 45_000  # 2.5 MB
    began = time.perf_counter()
    hits = find_all(fold_in_place(text), fold_in_place("MEXICO"))
    assert len(hits) == 45_000
    assert time.perf_counter() - began < 1.0
