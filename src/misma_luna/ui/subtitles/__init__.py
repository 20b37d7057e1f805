"""The subtitles pane: a subtitle pair model (two tracks, their timing, their pairing) and the
widgets that render it: the table model and view, the track bars, the timing controls and the
picking of lines by hand.
"""
