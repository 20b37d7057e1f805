"""Qt's own dialogs in the reader's words: what qtbase leaves in English or words otherwise.

Qt's Spanish (`qtbase_es`) is Spain's ("fichero") and misses a few labels of the file dialog
("Look in:", "Files of type:", "Folder"). This translator loads qtbase, answers for those
strings in Latin American Spanish and lets qtbase answer for the rest: one translator to
install, so one LanguageChange per switch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# (Qt's context, Qt's English) -> our words, for each language that needs any.
WORDING: dict[str, dict[tuple[str, str], str]] = {
    "es": {
        ("QFileDialog", "&Look in:"): "&Buscar en:",
        ("QFileDialog", "Look in:"): "Buscar en:",
        ("QFileDialog", "Files of &type:"): "&Tipo de archivo:",
        ("QFileDialog", "Files of type:"): "Tipo de archivo:",
        ("QFileDialog", "File &name:"): "&Nombre del archivo:",
        ("QFileDialog", "File name:"): "Nombre del archivo:",
        ("QFileDialog", "All Files (*)"): "Todos los archivos (*)",
        ("QFileDialog", "Show &hidden files"): "Mostrar archivos &ocultos",
        ("QFileDialog", "Go to the parent directory"): "Ir a la carpeta superior",
        ("QFileDialog", "Parent Directory"): "Carpeta superior",
        ("QFileDialog", "Directories"): "Carpetas",
        ("QFileDialog", "Directory:"): "Carpeta:",
        ("QFileDialog", "Find Directory"): "Buscar carpeta",
        ("QFileDialog", "Forward"): "Adelante",
        ("QFileDialog", "Go forward"): "Ir hacia adelante",
        ("QFileDialog", "Change to list view mode"): "Cambiar a vista de lista",
        ("QFileDialog", "&Rename"): "Cambia&r el nombre",
        ("QFileDialog", "&Delete"): "&Eliminar",
        ("QFileDialog", "New Folder"): "Nueva carpeta",
        ("QFileDialog", "Recent Places"): "Lugares recientes",
        ("QFileDialog", "Save As"): "Guardar como",
        ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): (
            "%1 ya existe.\n¿Quieres reemplazarlo?"
        ),
        ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."): (
            "%1\nNo se encontró el archivo.\nRevisa que el nombre sea correcto."
        ),
        (
            "QFileDialog",
            "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
        ): "%1\nNo se encontró la carpeta.\nRevisa que el nombre sea correcto.",
        ("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"): (
            "“%1” está protegido contra escritura.\n¿Quieres eliminarlo de todos modos?"
        ),
        ("QFileDialog", "Are you sure you want to delete '%1'?"): (
            "¿Seguro que quieres eliminar “%1”?"
        ),
        ("QFileDialog", "Could not delete directory."): "No se pudo eliminar la carpeta.",
        ("QAbstractFileIconProvider", "Folder"): "Carpeta",
        ("QAbstractFileIconProvider", "Drive"): "Unidad",
        ("QAbstractFileIconProvider", "File"): "Archivo",
        ("QAbstractFileIconProvider", "%1 File"): "Archivo %1",
        ("QAbstractFileIconProvider", "Shortcut"): "Acceso directo",
        ("QAbstractFileIconProvider", "Unknown"): "Desconocido",
        ("QFileSystemModel", "Invalid filename"): "Nombre de archivo no válido",
        (
            "QFileSystemModel",
            '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer '
            "characters or no punctuation marks.",
        ): (
            "<b>No se puede usar el nombre “%1”.</b><p>Prueba con otro nombre, más corto "
            "o sin signos de puntuación."
        ),
    },
}


class QtWording(QTranslator):
    """Qt's own translation of one language (`qtbase_<lang>`), with our words over it."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = WORDING.get(language, {})

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._words and super().isEmpty()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        """Our words for `source` in `context`, else qtbase's."""
        ours = self._words.get((context, source))
        if ours is not None:
            return ours
        return super().translate(context, source, disambiguation, n) or ""
