"""W3C Web Annotation JSON-LD: one AnnotationCollection of the summary's passages."""

from __future__ import annotations

import json
from typing import BinaryIO

from annotator.core.summary import Summary
from annotator.core.w3c import annotation_to_w3c, collection_of
from annotator.exporters.base import ExportOptions, Ticker


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    ticker.start(len(summary.passages))
    labels = summary.area_labels
    items = []
    for passage in summary.passages:
        items.append(annotation_to_w3c(
            passage.annotation, summary.document_iri, area_labels=labels, context=False
        ))
        ticker.step()
    document = collection_of(items, summary.metadata.title, summary.document_iri)
    stream.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
