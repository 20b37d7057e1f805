"""Plain-Python heart of the app: files on disk become film, review and catalog objects.

Nothing here imports Qt (an import-linter contract in pyproject.toml enforces it).
"""
