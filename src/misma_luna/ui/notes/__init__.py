"""The notes pane: the list and editor of the reader's notes, autosave, export."""
