"""Preferences: the small dialog where the reader sets text size, theme and sheet defaults."""
