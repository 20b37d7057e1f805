"""How the app looks: the theme's palettes, the bundled fonts, the shared zoom and
window sizes that fit the screen.
"""
