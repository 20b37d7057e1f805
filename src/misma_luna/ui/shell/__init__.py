"""The application and its main window: builds the panes, wires them together,
opens films, and checks itself (self-test).
"""
