"""Film > Translate…: the film's review blocks and fields beside their translations."""
