"""Small reusable widgets and dialogs: find bar, eliding label, link and problem
dialogs, the original-text viewer.
"""
