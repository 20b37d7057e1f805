"""File → Worksheet…: one dialog to make a class worksheet for a scene, then print it,
preview it, or save it as a PDF or an editable Word file."""
