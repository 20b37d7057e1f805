"""The Words pane: the words a reader collected, their counterparts, dictionaries and decks."""
