"""Renderers of the one summary model: Markdown, HTML, PDF, JSON-LD, CSV."""
