"""Help: the Getting Started page, bundled in each language and shown offline."""
