"""What the reader sees over a document, as plain values: layers and their marks.

A document is read through layers: the reader's own annotations, each imported author's,
and the machine's suggestions. A *mark* is one range of the text on one layer, as the
window draws it; the document session (`services/document_session.py`) decides which
marks there are, the GUI only how they look.
"""

from __future__ import annotations

Suggestion = tuple[str, int, int]  # a machine passage: (area id, start, end)
