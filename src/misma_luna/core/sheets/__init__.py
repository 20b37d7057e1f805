"""Review sheets: what a printed sheet holds, composed as HTML from a film,
its notes and a transcript of its subtitles.
"""
