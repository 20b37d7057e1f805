# Overrides PyInstaller's hook, which adds the SAX reader to every bundle that imports `xml`:
# SAX drags in urllib.request, http.client, ftplib and ssl, and nothing here imports it
# (pysubs2 reads TTML with ElementTree). A module that does import it is still found.
hiddenimports = []
