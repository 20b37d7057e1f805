"""A review's text: Markdown read into blocks, inline HTML, and the links it holds."""
