"""Shared ground of every core room: the active language, errors, formatting,
whole-file writing, text decoding, file kinds and bundled resources.
"""
