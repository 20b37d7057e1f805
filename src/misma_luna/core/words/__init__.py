"""Words: what a learner collects from a film's paired lines, and what they take to Anki.

Base forms and how common a word is, the counterpart in the paired line learned from the
film's own pairs, dictionaries on the machine, how much of a track a reader will follow,
the words store (SQLite) and the decks and tables exported from it. Nothing here goes online.
"""
