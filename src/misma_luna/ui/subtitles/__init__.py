"""The subtitles pane: two tracks side by side, their table model and view,
the track bars and the timing controls.
"""
