"""The sentence around a word collected from the review, and the same sentence in the
review's other language: what a card shows instead of a whole paragraph.

Sentences end at . ! ? or … (with any closing quote or bracket after them); the paired
sentence is the one in the same place when both paragraphs have as many sentences, else
the whole paired paragraph, so a card never pairs a sentence with the wrong one.
"""

from __future__ import annotations

import re

# A sentence keeps its opening ¿ or ¡ (they never end one).
_SENTENCE = re.compile(r"[^.!?…]*[.!?…]+[\"'”»)]*\s*|[^.!?…]+$")


def split(paragraph: str) -> list[str]:
    """The sentences of `paragraph`, stripped, empty ones left out."""
    return [s.strip() for s in _SENTENCE.findall(paragraph) if s.strip()]


def sentence_pair(paragraph: str, text: str, paired: str) -> tuple[str, str]:
    """The sentence of `paragraph` holding `text` (case ignored; the first when none does),
    and the sentence in the same place of `paired` (all of `paired` when the counts differ)."""
    mine = split(paragraph) or [paragraph]
    theirs = split(paired)
    place = next((n for n, s in enumerate(mine) if text.lower() in s.lower()), 0)
    if len(theirs) == len(mine):
        return mine[place], theirs[place]
    return mine[place], paired
