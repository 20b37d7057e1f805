"""A film package: its facts, review, content translations and subtitle tracks,
read from a folder, a zip or a bare review, and kept parsed in a cache.
"""
