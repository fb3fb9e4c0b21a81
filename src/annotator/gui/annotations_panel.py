"""The Annotations tab: the reader's highlights as cards, in document order.

Each card shows the colour, the quoted passage, the note rendered from Markdown, tags,
author and policy area; annotations whose text could not be placed after a revision are
listed last with an "unplaced" badge and their quote, never hidden. Filters (colour,
area, tag, author, words) sit on top; which annotations pass them is decided by
`core.filters` (the rule exports use too). Cards are painted by one delegate from HTML
rather than built from widgets, so a document with thousands of notes stays light.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import (
    COLOR_BY_KEY,
    Annotation,
    Motivation,
    Origin,
    Placement,
    color_hex,
)
from annotator.core.filters import AnnotationFilter, filter_annotations
from annotator.gui.i18n import translate
from annotator.gui.note_editor import NoteEditor

if TYPE_CHECKING:
    from annotator.core.threads import Entry

ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2
QUOTE_LIMIT = 220
CHIP = 5  # width of the colour bar on a card's left edge
PAD = 8

Index = QModelIndex | QPersistentModelIndex


def _note_html(note: str) -> str:
    # Imported on first use: markdown-it is not needed for the first paint.
    from annotator.exporters.notes import note_html

    return note_html(note)


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (HTML_ROLE) with a colour bar (COLOR_ROLE) on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, int], QTextDocument] = {}

    def _document(self, text: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        key = (text, width)
        document = self._cache.get(key)
        if document is None:
            if len(self._cache) > 2000:
                self._cache.clear()
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setHtml(text)
            document.setTextWidth(max(40, width))
            self._cache[key] = document
        return document

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return int(option.rect.width()) - CHIP - 3 * PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(2, 3, -2, -3)
        chip = index.data(COLOR_ROLE)
        background = palette.color(QPalette.ColorRole.Highlight if selected
                                   else QPalette.ColorRole.Base)
        if selected:
            background.setAlphaF(0.22)
        if chip:  # a card: framed, with its colour bar
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(background)
            painter.drawRoundedRect(QRectF(card), 6, 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(str(chip)))
            painter.drawRoundedRect(QRectF(card.left() + 3, card.top() + 4, CHIP,
                                           card.height() - 8), 2, 2)
        elif selected:  # a plain row
            painter.fillRect(rect, background)
        document = self._document(str(index.data(HTML_ROLE)), self._text_width(option), option)
        painter.translate(card.left() + (CHIP + 2 * PAD - 4 if chip else 2),
                          card.top() + (PAD if chip else 2))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._text_width(option)
        if width <= 40:
            width = 240
        document = self._document(str(index.data(HTML_ROLE)), width, option)
        return QSize(width, int(document.size().height()) + 2 * PAD + 6)


def card_html(a: Annotation, area_labels: dict[str, str], muted: str, reply: bool = False
              ) -> str:
    """One annotation as the HTML of its card; a reply is marked as one (under its question)."""
    quote = " ".join(a.exact.split())
    if len(quote) > QUOTE_LIMIT:
        quote = quote[: QUOTE_LIMIT - 1] + "…"
    parts = []
    if reply:
        parts.append(f"<p style='margin:0 0 4px 0; color:{muted}'>↳ "
                     + html.escape(translate("AnnotationsPanel", "answer")) + "</p>")
    if a.placement is Placement.UNPLACED:
        parts.append("<p style='margin:0 0 4px 0'><span style='background:#c01c28;"
                     "color:white'>&nbsp;" + html.escape(_tr("unplaced")) + "&nbsp;</span> "
                     f"<span style='color:{muted}'>"
                     + html.escape(_tr("its text is not in this version")) + "</span></p>")
    if not reply:
        parts.append(f"<p style='margin:0; font-style:italic'>“{html.escape(quote)}”</p>")
    if a.note.strip():
        parts.append(f"<div style='margin-top:4px'>{_note_html(a.note)}</div>")
    if a.tags:
        tags = " ".join(f"<span style='color:{muted}'>#</span>{html.escape(t)}" for t in a.tags)
        parts.append(f"<p style='margin:4px 0 0 0'>{tags}</p>")
    facts = [html.escape(a.author_name or _tr("you"))]
    if a.area:
        facts.append(html.escape(area_labels.get(a.area, a.area)))
    if a.origin is Origin.MACHINE:
        facts.append(html.escape(_tr("accepted suggestion")))
    if a.motivation is Motivation.QUESTIONING:
        facts.append(html.escape(translate("AnnotationsPanel", "question to the class")))
    parts.append(f"<p style='margin:4px 0 0 0; color:{muted}; font-size:small'>"
                 + " · ".join(facts) + "</p>")
    return "".join(parts)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("AnnotationsPanel", text)


class _List(QListWidget):
    """The card list; Delete removes the selected cards (undoable)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class AnnotationsPanel(QWidget):
    """Filters, the card list and the note editor."""

    activated = Signal(str)  # jump to this annotation
    edit_requested = Signal(str)  # open the note editor on it
    delete_requested = Signal(list)  # delete these ids (one undo step)

    def __init__(self, editor: NoteEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotations-panel")
        self.annotations: list[Annotation] = []
        self.area_labels: dict[str, str] = {}
        self.reader_id: str | None = None
        self.color_filter = self._combo("filter-color")
        self.area_filter = self._combo("filter-area")
        self.tag_filter = self._combo("filter-tag")
        self.author_filter = self._combo("filter-author")
        self.search = QLineEdit(self)
        self.search.setObjectName("filter-text")
        self.search.setPlaceholderText(self.tr("Filter by words in quotes, notes and tags"))
        self.search.setClearButtonEnabled(True)
        self.list = _List(self)
        self.list.setObjectName("annotations-list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.empty = QLabel(self)
        self.empty.setObjectName("annotations-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.count = QLabel(self)
        self.count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.editor = editor

        filters = QHBoxLayout()
        filters.setSpacing(4)
        for combo in (self.color_filter, self.area_filter):
            filters.addWidget(combo, 1)
        second = QHBoxLayout()
        second.setSpacing(4)
        for combo in (self.tag_filter, self.author_filter):
            second.addWidget(combo, 1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addLayout(filters)
        top_layout.addLayout(second)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.count)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.empty, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        for combo in (self.color_filter, self.area_filter, self.tag_filter, self.author_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._item_activated)
        self.list.delete_pressed.connect(self.delete_selected)
        self.list.customContextMenuRequested.connect(self._menu)
        self.last_menu: QMenu | None = None
        self._fill_choices()
        self.refresh()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    # -- content --------------------------------------------------------------------

    def _clicked(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.activated.emit(item.data(ID_ROLE))

    def _item_activated(self, item: QListWidgetItem) -> None:
        """Enter or a double-click edits the reader's own note; another's is read-only."""
        annotation_id = item.data(ID_ROLE)
        if not annotation_id:
            return
        if self.is_own(annotation_id):
            self.edit_requested.emit(annotation_id)
        else:
            self.activated.emit(annotation_id)

    def is_own(self, annotation_id: str) -> bool:
        found = next((a for a in self.annotations if a.id == annotation_id), None)
        return found is None or self.reader_id is None or found.author_id in (
            self.reader_id, "")

    def show_annotations(self, annotations: Sequence[Annotation],
                         area_labels: dict[str, str], reader_id: str | None = None) -> None:
        """Show `annotations`; with `reader_id`, other authors' are grouped apart."""
        self.annotations = list(annotations)
        self.area_labels = area_labels
        self.reader_id = reader_id
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        from annotator.gui.actions import color_icon

        present_colors = list(dict.fromkeys(a.color for a in self.annotations))
        colors = [c for c in COLOR_BY_KEY if c in present_colors] + sorted(
            c for c in present_colors if c not in COLOR_BY_KEY)
        areas = sorted({a.area for a in self.annotations if a.area},
                       key=lambda i: self.area_labels.get(i, i))
        tags = sorted({t for a in self.annotations for t in a.tags}, key=str.casefold)
        authors = sorted({a.author_name for a in self.annotations if a.author_name})
        self._set_choices(self.color_filter, self.tr("All colours"),
                          [(COLOR_BY_KEY[c].label if c in COLOR_BY_KEY else c, c,
                            color_icon(color_hex(c), 16)) for c in colors])
        self._set_choices(self.area_filter, self.tr("All areas"),
                          [(self.area_labels.get(a, a), a, None) for a in areas])
        self._set_choices(self.tag_filter, self.tr("All tags"), [(f"#{t}", t, None) for t in tags])
        self._set_choices(self.author_filter, self.tr("All authors"),
                          [(a, a, None) for a in authors])

    def _set_choices(self, combo: QComboBox, everything: str,
                     choices: list[tuple[str, str, object]]) -> None:
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for label, value, icon in choices:
            if icon is not None:
                combo.addItem(icon, label, value)  # type: ignore[call-overload]
            else:
                combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def current_filter(self) -> AnnotationFilter:
        return AnnotationFilter.choosing(
            color=self.color_filter.currentData() or "",
            area=self.area_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
            author=self.author_filter.currentData() or "",
            text=self.search.text().strip(),
        )

    def refresh(self) -> None:
        """Rebuild the cards that pass the filters, keeping the selection."""
        selected = set(self.selected_ids())
        self.list.clear()
        shown: list[Annotation] = []
        if self.annotations:
            shown = filter_annotations(self.annotations, self.current_filter())
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        entries = self._entries(shown)
        groups = len({e.author_id for e in entries})
        group: object = ()
        for entry in entries:
            a = entry.annotation
            if groups > 1 and entry.author_id != group:
                group = entry.author_id
                self._header(self._group_name(entry.author_id))
            item = QListWidgetItem()
            item.setData(ID_ROLE, a.id)
            item.setData(HTML_ROLE, card_html(a, self.area_labels, muted, entry.reply))
            item.setData(COLOR_ROLE, color_hex(a.color))
            tip = a.note if a.note else a.exact
            item.setToolTip(tip[:500])
            self.list.addItem(item)
            if a.id in selected:
                item.setSelected(True)
        total = len(self.annotations)
        self.count.setText(self.tr("{shown} of {total} annotations").format(
            shown=len(shown), total=total) if total else "")
        self.empty.setText(
            self.tr("No annotation matches these filters.") if total else
            self.tr("No annotations yet.\n\nSelect text in the article, then press 1–6 to "
                    "highlight it in a colour, or Ctrl+Shift+M to add a note."))
        self.list.setVisible(bool(shown))
        self.empty.setVisible(not shown)

    def _entries(self, shown: list[Annotation]) -> list[Entry]:
        from annotator.core.threads import threaded

        names = {a.author_id: self._group_name(a.author_id) for a in shown}
        return threaded(shown, self.reader_id, names)

    def _group_name(self, author_id: str | None) -> str:
        if author_id is None:
            return self.tr("Your notes")
        from annotator.exchange.merge import shown_author

        found = next((a for a in self.annotations if a.author_id == author_id), None)
        name = found.author_name if found is not None else ""
        return shown_author(name, author_id, self.reader_id or "")

    def _header(self, title: str) -> None:
        """A group's title: not selectable, no annotation behind it."""
        item = QListWidgetItem()
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(HTML_ROLE, f"<p style='margin:0'><b>{html.escape(title)}</b></p>")
        item.setData(COLOR_ROLE, "")
        self.list.addItem(item)

    def shown_ids(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [str(item.data(ID_ROLE)) for item in items if item.data(ID_ROLE)]

    def selected_ids(self) -> list[str]:
        return [str(item.data(ID_ROLE)) for item in self.list.selectedItems()]

    def item_for(self, annotation_id: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == annotation_id:
                return item
        return None

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        annotation_id = str(item.data(ID_ROLE) or "")
        if not annotation_id:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Go to Passage")).triggered.connect(
            lambda: self.activated.emit(annotation_id))
        if not self.is_own(annotation_id):
            self.last_menu = menu  # another author's: read-only
            menu.popup(self.list.viewport().mapToGlobal(point))
            return
        menu.addAction(self.tr("Edit Note and Tags…")).triggered.connect(
            lambda: self.edit_requested.emit(annotation_id))
        count = len(self.list.selectedItems())
        menu.addAction(self.tr("Delete ({n})").format(n=count) if count > 1
                       else self.tr("Delete")).triggered.connect(self.delete_selected)
        self.last_menu = menu
        menu.popup(self.list.viewport().mapToGlobal(point))


Refresh = Callable[[], None]
