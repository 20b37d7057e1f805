"""Finding the timing of the second track against the first: a constant offset, a
frame-rate ratio and one offset per section of a different cut, with how sure it is.
"""
