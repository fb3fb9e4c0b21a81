"""The Annotations panel's order: the reader's own first, then each author's layer, with
every answer under its question.

A student sees the teacher's layer as a group of its own, apart from their notes, and
their answer right under the question it answers (wherever that question sits); a
teacher who collected hand-ins sees each question followed by the class's answers. An
answer whose question is not shown (filtered out, or not in this library) stands in
its author's group. Pure Python: the panel only draws the entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.annotation import Annotation, Motivation


@dataclass(frozen=True, slots=True)
class Entry:
    annotation: Annotation
    author_id: str | None  # the group it is listed in; None: the local reader's own
    reply: bool  # listed under the annotation it answers


def threaded(annotations: Sequence[Annotation], reader_id: str | None,
             names: dict[str, str] | None = None) -> list[Entry]:
    """`annotations` (in the order given) grouped by author, replies under their targets.

    Groups: the reader's own first, then other authors by `names` (shown name), else id.
    """
    shown = {a.id for a in annotations}
    replies: dict[str, list[Annotation]] = {}
    tops: dict[str | None, list[Annotation]] = {}
    for a in annotations:
        if a.motivation is Motivation.REPLYING and a.reply_to in shown and a.reply_to != a.id:
            replies.setdefault(a.reply_to or "", []).append(a)
            continue
        own = reader_id is None or a.author_id == reader_id or not a.author_id
        tops.setdefault(None if own else a.author_id, []).append(a)
    shown_names: dict[str, str] = names or {}
    others: list[str] = [k for k in tops if k is not None]
    others.sort(key=lambda k: (shown_names.get(k) or k).casefold())
    order: list[str | None] = [None] if None in tops else []
    order += others
    entries: list[Entry] = []
    placed: set[str] = set()
    for group in order:
        for top in tops[group]:
            entries.append(Entry(top, group, False))
            placed.add(top.id)
            for answer in replies.get(top.id, ()):
                entries.append(Entry(answer, group, True))
                placed.add(answer.id)
    # Replies to replies (or to each other): listed after, never lost.
    entries += [Entry(a, a.author_id, True) for a in annotations if a.id not in placed]
    return entries
