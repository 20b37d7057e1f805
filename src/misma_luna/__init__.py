"""Misma Luna: a bilingual Spanish/English reader for film reviews and subtitles."""

__version__ = "0.1.0"
APP_NAME = "Misma Luna"
ORGANIZATION = "Misma Luna"
DESKTOP_FILE_NAME = "org.mismaluna.MismaLuna"
