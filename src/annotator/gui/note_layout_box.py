"""The choice of where a printout or a PDF puts the notes: one box for the export dialog,
the print dialog and the print preview, so the three offer the same words."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from annotator.exporters import NoteLayout


class NoteLayoutBox(QComboBox):
    """At the end, as cards in the margin, or none (`exporters/pdf.typeset`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-layout")
        self.addItem(self.tr("At the end"), NoteLayout.END.value)
        self.addItem(self.tr("As cards in the margin"), NoteLayout.MARGIN.value)
        self.addItem(self.tr("Left out"), NoteLayout.NONE.value)
        self.setToolTip(self.tr("Margin cards sit beside the full text; a note with no "
                                "room beside its passage is printed at the end."))
        self.setAccessibleName(self.tr("Notes"))

    def choice(self) -> NoteLayout:
        return NoteLayout(str(self.currentData()))

    def set_choice(self, layout: NoteLayout) -> None:
        self.setCurrentIndex(max(self.findData(layout.value), 0))
