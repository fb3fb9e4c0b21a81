"""Every heading and label an export writes, in one language: English unless told.

Exporters stay Qt-free, so they never look a translation up themselves: the window
fills a `Wording` from its translation (`gui/export_wording.py`, strings in
`src/annotator/resources/translations/`) and passes it in `ExportOptions`, so an export follows the
language of the window it was made in; the CLI writes English. The text a reader wrote
(title, quotes, notes) and the taxonomy's own labels are never translated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from annotator.core.annotation import COLOR_BY_KEY
from annotator.core.summary import (
    ENGLISH_UNKNOWN_AREA,
    Passage,
    PassageKind,
    Summary,
    UnknownAreaWords,
)


@dataclass(frozen=True, slots=True)
class Wording:
    """English by default; `{…}` fields are filled by the exporters."""

    language: str = "en"  # BCP 47, for <html lang>
    untitled: str = "Untitled document"
    legend: str = "Legend"
    policy_areas: str = "Policy areas"
    readers_colours: str = "Reader’s colours"
    bars_key: str = ("Solid bars mark the reader’s highlights and accepted policy areas; "
                     "dashed bars, suggested policy areas.")
    overview: str = "Overview"
    chart_title: str = "Share of the text per policy area"
    chart_caption: str = "Share of the text each policy area covers, with the number of passages."
    all_notes: str = "All notes"
    end_notes: str = "Notes"  # those without room in the margin, after the text
    full_text: str = "Full text"
    bold_key: str = "Highlighted passages are in **bold**."
    highlight: str = "Highlight"
    accepted: str = "Policy area (accepted)"
    suggested: str = "Policy area (suggested)"
    terms: str = "terms: {terms}"
    not_found: str = "not found in the current text"
    generated: str = "Annotated summary generated {time} · {passages} · {notes}"
    one_passage: str = "{n} passage"
    passages: str = "{n} passages"
    one_note: str = "{n} note"
    notes: str = "{n} notes"
    page: str = "Page {page} of {pages}"
    date_format: str = "%-d %B %Y"
    area_column: str = "Policy area"
    covers_column: str = "Covers"
    colour_column: str = "Reader colour"
    meaning_column: str = "Meaning"
    passages_column: str = "Passages"
    share_column: str = "Share of text"
    tags: str = "Tags:"
    # A study group's summary (`exporters/group.py`).
    group_title: str = "Group summary: {title}"
    members_heading: str = "Members"
    member_column: str = "Member"
    marks_column: str = "Marks"
    notes_column: str = "Notes"
    hot_spots: str = "Hot spots"
    no_hot_spots: str = "No passage was marked by more than one member."
    one_member: str = "{n} member"
    members: str = "{n} members"
    no_note: str = "highlight, no note"
    other_highlights: str = "Other highlights"  # the section of highlights with no area
    no_area: str = "Highlights with no policy area."
    # An area the taxonomy lacks (`core/summary.py`), with the area's id in `{area}`.
    unknown_area: str = ENGLISH_UNKNOWN_AREA.label
    unknown_area_description: str = ENGLISH_UNKNOWN_AREA.description
    # The reader colours' names and meanings (core/annotation.py), and CUSTOM_COLOUR
    # (core/summary.py), in this language.
    colour_words: tuple[tuple[str, str], ...] = ()

    def count_passages(self, number: int) -> str:
        return _count(number, self.one_passage, self.passages)

    def count_notes(self, number: int) -> str:
        return _count(number, self.one_note, self.notes)

    def count_members(self, number: int) -> str:
        return _count(number, self.one_member, self.members)

    @property
    def unknown_areas(self) -> UnknownAreaWords:
        """How the summary names an area the taxonomy lacks, in this language."""
        return UnknownAreaWords(self.unknown_area, self.unknown_area_description)

    def section_label(self, area: str | None, label: str) -> str:
        """A section's heading: an area's own label, or this language's for no area."""
        return self.other_highlights if area is None else label

    def section_description(self, area: str | None, description: str) -> str:
        return self.no_area if area is None else description

    def word(self, english: str) -> str:
        """A reader colour's name or meaning in this language (as is when unknown)."""
        return next((words for source, words in self.colour_words if source == english),
                    english)

    def colour_label(self, passage: Passage) -> str:
        """A reader colour's name and meaning ("Purple: To follow up"), else the area's."""
        named = COLOR_BY_KEY.get(passage.annotation.color)
        if passage.kind is PassageKind.READER and named is not None:
            return f"{self.word(named.label)}: {self.word(named.meaning)}"
        return passage.color_label

    def title(self, summary: Summary) -> str:
        return summary.metadata.title or self.untitled

    def date(self, day: date) -> str:
        return day.strftime(self.date_format)

    def kind(self, passage: Passage) -> str:
        """What kind of highlight a passage is."""
        return {PassageKind.READER: self.highlight, PassageKind.MACHINE: self.accepted,
                PassageKind.SUGGESTION: self.suggested}[passage.kind]


def _count(number: int, one: str, many: str) -> str:
    """`{n}` filled in the singular or the plural template (English's rule)."""
    return (one if number == 1 else many).format(n=number)


ENGLISH = Wording()
