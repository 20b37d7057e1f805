"""The reader's own dictionaries, read offline: dictd / FreeDict (`dictd`) and StarDict
(`stardict`) files, plain or dictzip-compressed (`dictzip`), found on the system or in a
folder the reader chose, and looked up together (`shelf`)."""
