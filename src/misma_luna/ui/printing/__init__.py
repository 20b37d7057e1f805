"""Printing: review sheets to the printer, to print preview and to PDF."""
