"""The Library window and the New Film dialog."""
