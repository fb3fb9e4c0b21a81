"""Which annotations a view or an export keeps: one rule for the Annotations panel's
filters and for `export --areas/--authors/--colors/--tags` (`core/summary.py`).

Each field is a set of accepted values; None accepts everything. A colour matches by
key or by #rrggbb, an author by id or display name, tags when any of them is present.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.annotation import Annotation, Placement, color_hex


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """The annotations wanted; every field that is set must match."""

    areas: frozenset[str] | None = None
    authors: frozenset[str] | None = None  # author ids or display names
    colors: frozenset[str] | None = None  # colour keys ("yellow") or "#rrggbb"
    tags: frozenset[str] | None = None  # an annotation is in when it has any of them
    text: str = ""  # words that must all occur in the quote, note, tags or author

    @classmethod
    def choosing(cls, *, color: str = "", area: str = "", tag: str = "", author: str = "",
                 text: str = "") -> AnnotationFilter:
        """One value per field, as the panel's boxes choose them; "" chooses all."""

        def one(value: str) -> frozenset[str] | None:
            return frozenset({value}) if value else None

        return cls(areas=one(area), authors=one(author), colors=one(color), tags=one(tag),
                   text=text)

    def matches(self, a: Annotation) -> bool:
        if self.areas is not None and a.area not in self.areas:
            return False
        if self.authors is not None and not (
            a.author_id in self.authors or a.author_name in self.authors
        ):
            return False
        if self.colors is not None and not (
            a.color in self.colors or color_hex(a.color) in self.colors
        ):
            return False
        if self.tags is not None and not self.tags.intersection(a.tags):
            return False
        if self.text:
            haystack = " ".join((a.exact, a.note, *a.tags, a.author_name)).casefold()
            if not all(word in haystack for word in self.text.casefold().split()):
                return False
        return True


def filter_annotations(
    annotations: Iterable[Annotation], wanted: AnnotationFilter
) -> list[Annotation]:
    """Annotations passing `wanted`, placed ones in document order, unplaced ones last."""
    kept = [a for a in annotations if wanted.matches(a)]
    kept.sort(key=lambda a: (a.placement is Placement.UNPLACED, a.start, a.end))
    return kept
