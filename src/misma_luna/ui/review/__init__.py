"""The review pane: the review as the reader reads it, with zoom and find."""
