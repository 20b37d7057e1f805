"""Worksheets for a class: a scene of a film turned into a glossary, a gap-fill with a word
bank and answer key, the teacher's questions and a parallel script, as HTML and as .docx."""
