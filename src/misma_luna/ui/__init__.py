"""The Qt half of the app: windows, panes, actions and printing over `core` objects.

Widgets read core objects and hand user actions back to core; they hold no SQL and parse
no files. One `AppContext` is passed explicitly to every pane.
"""
