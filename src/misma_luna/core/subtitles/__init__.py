"""Subtitle tracks: reading and checking files, cleaning cues, pairing two
tracks by time, and exporting the pair.
"""
