"""The subtitles pane: a subtitle pair model (two tracks, offset, alignment) and the widgets
that render it: the table model and view, the track bars and the timing controls.
"""
