"""What the AppContext carries to every pane: settings, language, actions,
paths, fonts, the start-up queue and the single-instance socket.
"""
