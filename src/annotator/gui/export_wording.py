"""The headings and labels of exports in the window's language (`exporters/wording.py`).

Exporters are Qt-free and cannot translate; the window translates their wording here,
with literal strings pyside6-lupdate extracts, and hands it to the export and to
printing. With no translation loaded every string is its English source, so an English
window writes exactly what the CLI writes.
"""

from __future__ import annotations

from annotator.core.annotation import READER_COLORS
from annotator.core.summary import CUSTOM_COLOUR
from annotator.exporters.wording import Wording
from annotator.gui.i18n import translate


def export_wording() -> Wording:
    """The exporters' wording, translated into the language the window speaks."""
    pairs = [(english, translate("Colors", english))
             for color in READER_COLORS for english in (color.label, color.meaning)]
    pairs.append((CUSTOM_COLOUR, translate("ExportWording", "Custom colour")))
    colour_words = tuple((english, words) for english, words in pairs if words != english)
    return Wording(
        # The BCP 47 tag of this translation's language, for <html lang>.
        language=translate("ExportWording", "en"),
        untitled=translate("ExportWording", "Untitled document"),
        legend=translate("ExportWording", "Legend"),
        policy_areas=translate("ExportWording", "Policy areas"),
        readers_colours=translate("ExportWording", "Reader’s colours"),
        bars_key=translate("ExportWording", "Solid bars mark the reader’s highlights and "
                                            "accepted policy areas; dashed bars, suggested "
                                            "policy areas."),
        overview=translate("ExportWording", "Overview"),
        chart_title=translate("ExportWording", "Share of the text per policy area"),
        chart_caption=translate("ExportWording", "Share of the text each policy area covers, "
                                                 "with the number of passages."),
        all_notes=translate("ExportWording", "All notes"),
        # The heading of the notes a printout could not fit in the margin.
        end_notes=translate("ExportWording", "Notes"),
        full_text=translate("ExportWording", "Full text"),
        bold_key=translate("ExportWording", "Highlighted passages are in **bold**."),
        highlight=translate("ExportWording", "Highlight"),
        accepted=translate("ExportWording", "Policy area (accepted)"),
        suggested=translate("ExportWording", "Policy area (suggested)"),
        terms=translate("ExportWording", "terms: {terms}"),
        not_found=translate("ExportWording", "not found in the current text"),
        generated=translate("ExportWording",
                            "Annotated summary generated {time} · {passages} · {notes}"),
        one_passage=translate("ExportWording", "{n} passage"),
        passages=translate("ExportWording", "{n} passages"),
        one_note=translate("ExportWording", "{n} note"),
        notes=translate("ExportWording", "{n} notes"),
        page=translate("ExportWording", "Page {page} of {pages}"),
        # A date as strftime writes it (glibc: %-d is the day without a leading zero).
        date_format=translate("ExportWording", "%-d %B %Y"),
        area_column=translate("ExportWording", "Policy area"),
        covers_column=translate("ExportWording", "Covers"),
        colour_column=translate("ExportWording", "Reader colour"),
        meaning_column=translate("ExportWording", "Meaning"),
        passages_column=translate("ExportWording", "Passages"),
        share_column=translate("ExportWording", "Share of text"),
        tags=translate("ExportWording", "Tags:"),
        group_title=translate("ExportWording", "Group summary: {title}"),
        members_heading=translate("ExportWording", "Members"),
        member_column=translate("ExportWording", "Member"),
        # How many passages a member marked (a column of the group summary).
        marks_column=translate("ExportWording", "Marks"),
        # How many notes a member wrote (a column of the group summary).
        notes_column=translate("ExportWording", "Notes"),
        hot_spots=translate("ExportWording", "Hot spots"),
        no_hot_spots=translate("ExportWording",
                               "No passage was marked by more than one member."),
        one_member=translate("ExportWording", "{n} member"),
        members=translate("ExportWording", "{n} members"),
        no_note=translate("ExportWording", "highlight, no note"),
        other_highlights=translate("ExportWording", "Other highlights"),
        no_area=translate("ExportWording", "Highlights with no policy area."),
        # The heading of an area the reader's taxonomy lacks; {area} is the area's id.
        unknown_area=translate("ExportWording", "Unknown area '{area}'"),
        unknown_area_description=translate(
            "ExportWording", "Notes classified under an area the current taxonomy does not "
                             "have."),
        colour_words=colour_words,
    )
