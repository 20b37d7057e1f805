"""The reader's notes: what a note is pinned to, the SQLite store with its
schema, backups and recovery, and exports.
"""
