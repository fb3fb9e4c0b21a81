"""W3C Web Annotation JSON-LD: one AnnotationCollection of the summary's passages.

Streamed: the collection's shell is dumped once with a stand-in item, and the real
items are converted and written one at a time where the stand-in was, so memory stays
that of one annotation however many there are. The bytes are exactly those of
`json.dumps(collection_of(items, ...), ensure_ascii=False, indent=2)` plus a newline.
"""

from __future__ import annotations

import json
from typing import BinaryIO

from annotator.core.summary import Summary
from annotator.core.w3c import annotation_to_w3c, collection_of
from annotator.exporters.base import ExportOptions, Ticker

_INDENT = 2
_ITEM_DEPTH = 3  # collection > first > items > item
# An item's place in the dumped shell. JSON strings cannot hold a raw newline, so this
# line can only be the stand-in item itself, whatever the title says.
_ITEM_PREFIX = "\n" + " " * (_INDENT * _ITEM_DEPTH)
_STAND_IN = _ITEM_PREFIX + "{}\n"
_BATCH = 64  # items per write: fewer calls on a file, still a few kB in memory


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    passages = summary.passages
    ticker.start(len(passages))
    label, source = summary.metadata.title, summary.document_iri
    if not passages:
        shell = json.dumps(collection_of([], label, source), ensure_ascii=False, indent=_INDENT)
        stream.write(shell.encode("utf-8") + b"\n")
        return
    document = collection_of([{}], label, source)
    document["total"] = len(passages)
    head, tail = json.dumps(document, ensure_ascii=False, indent=_INDENT).split(_STAND_IN)
    labels = summary.area_labels
    chunks = [head]
    for index, passage in enumerate(passages):
        item = annotation_to_w3c(passage.annotation, source, area_labels=labels, context=False)
        text = json.dumps(item, ensure_ascii=False, indent=_INDENT)
        chunks.append(("," if index else "") + _ITEM_PREFIX + text.replace("\n", _ITEM_PREFIX))
        if len(chunks) >= _BATCH:
            stream.write("".join(chunks).encode("utf-8"))
            chunks.clear()
        ticker.step()
    chunks.append("\n" + tail + "\n")
    stream.write("".join(chunks).encode("utf-8"))
