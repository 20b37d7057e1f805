"""The film pane: the film's facts in the active language."""
