"""Pairing two synced tracks line by line: one-to-one, merged split lines, unpaired
lines, each row with its confidence, and the sentence that says what was found.
"""
