"""Easy-read PDFs: the summary, the agenda handout and picture cards, laid out by a ``Layout``.

Every idea is a row: its picture on the left, its words on the right, the
second line (how people agreed, by when) under the words in a smaller size
that is still at least 16 pt. Fonts are embedded; words are never split
across lines; text is drawn in reading order so it can be selected and read
by a screen reader.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

import facilitator
from facilitator.core.handouts import agenda_sections, card_entries
from facilitator.core.model import Workshop
from facilitator.core.summary import Entry, HardWords, Names, Section, summary_sections
from facilitator.i18n import _, in_language, language_now, right_to_left
from facilitator.printing.bidi import BidiParagraph, draw_words, is_right_to_left, visual
from facilitator.printing.bidi import width as text_width
from facilitator.printing.fonts import FontProblem, Fonts, drawable, fonts_for, missing_letters
from facilitator.printing.layout import Layout
from facilitator.printing.pictures import LeftOut, PictureBox, PrintPictures, draw_picture
from facilitator.printing.rows import PictureRow

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
CREDIT = "Pictures: OpenMoji, openmoji.org, CC BY-SA 4.0"


class PrintProblem(ValueError):
    """A document that cannot be printed, said plainly; nothing was written."""


def summary_pdf(workshop: Workshop, out: Path | BinaryIO, layout: Layout, pictures: PrintPictures, *,
                names: Names = Names.COUNT, contact: str = "", hard_words: HardWords | None = None) -> int:
    """The easy-read summary of ``workshop``, in its language; the number of pages written."""
    with in_language(workshop.language):
        return _summary_pdf(workshop, out, layout, pictures, names, contact, hard_words)


def _summary_pdf(workshop, out, layout, pictures, names, contact, hard_words) -> int:
    sections = summary_sections(workshop, hard_words=hard_words, names=names, contact=contact)
    title = _("Notes from our meeting") + (f": {workshop.title.strip()}" if workshop.title.strip() else "")
    return _Printer(layout, pictures, workshop.language).sections(sections, out, title)


def agenda_pdf(workshop: Workshop, out: Path | BinaryIO, layout: Layout, pictures: PrintPictures) -> int:
    """The agenda handout of ``workshop``, in its language; the number of pages written."""
    with in_language(workshop.language):
        return _agenda_pdf(workshop, out, layout, pictures)


def _agenda_pdf(workshop, out, layout, pictures) -> int:
    title = _("Agenda") + (f": {workshop.title.strip()}" if workshop.title.strip() else "")
    return _Printer(layout, pictures, workshop.language).sections(agenda_sections(workshop), out, title)


def cards_pdf(workshop: Workshop | None, out: Path | BinaryIO, layout: Layout, pictures: PrintPictures) -> int:
    """Picture cards to cut out and hold up; the number of pages written."""
    language = workshop.language if workshop is not None else language_now()
    with in_language(language):
        return _Printer(layout, pictures, language).cards(card_entries(workshop), out, _("Picture cards"))


def _build(document: BaseDocTemplate, story: list) -> int:
    try:
        document.build(story)
    except LayoutError as error:  # something bigger than a page that cannot be split
        raise PrintProblem(_("Part of this printout is too big for the page, even alone on one page. Make its "
                             "words shorter or choose a smaller layout. Nothing was saved.")) from error
    return document.page


class _Printer:
    """Lays out a document with ``layout``; ``pictures`` is None for one without pictures (the run-sheet)."""

    def __init__(self, layout: Layout, pictures: PrintPictures | None, language: str):
        self.layout = layout
        self.pictures = pictures
        if pictures is not None:
            pictures.left_out.clear()  # filled again with the words of each picture this document leaves out
        self.language = language
        try:
            self.fonts: Fonts = fonts_for(layout.font)
        except FontProblem as error:
            raise PrintProblem(str(error)) from error
        self.page_width, self.page_height = PAGE_SIZES[layout.page_size]
        self.margin = layout.margin * mm
        self.picture = layout.picture_size * mm
        self.gap = 5 * mm
        self.width = self.page_width - 2 * self.margin
        self.words_width = self.width - self.picture - self.gap
        self.used_openmoji = False
        self._styles: dict[tuple, ParagraphStyle] = {}
        self._widest_letter: dict[str, float] = {}
        # A right-to-left language mirrors the page: pictures on the right, words on the left of them.
        self.rtl = right_to_left(language)

    # -- checks ---------------------------------------------------------------------

    def _check(self, texts: list[str]) -> None:
        missing = missing_letters(self.fonts, texts)
        if missing:
            raise PrintProblem(
                _("The font {font} has no letters for: {letters}. Choose a font that has them in the layout. "
                  "Nothing was saved.").format(font=self.layout.font, letters=" ".join(missing))
            )

    # -- styles ---------------------------------------------------------------------

    def _style(self, size: float, bold: bool = False, colour: str | None = None, centred: bool = False) -> ParagraphStyle:
        """The paragraph style for words of ``size``; made once a document, shared by every row that uses it."""
        key = (size, bold, colour, centred)
        if key not in self._styles:
            self._styles[key] = self._new_style(size, bold, colour, centred)
        return self._styles[key]

    def _new_style(self, size: float, bold: bool, colour: str | None, centred: bool) -> ParagraphStyle:
        return ParagraphStyle(
            f"s{size}{bold}{colour}{centred}",
            fontName=self.fonts.bold if bold else self.fonts.regular,
            fontSize=size,
            leading=size * self.layout.line_spacing,
            textColor=colors.HexColor(colour or self.layout.text_colour),
            alignment=TA_CENTER if centred else TA_LEFT,
            splitLongWords=0,  # a long word goes whole onto the next line, never split
            allowWidows=0,
            allowOrphans=0,
            wordWrap=None,
        )

    def _para(self, text: str, style: ParagraphStyle, width: float | None = None):
        """``text`` in ``style``. Words are never split: a word wider than ``width`` (the words column), such
        as a long place name or an email address, is made smaller, just enough to fit."""
        width = self.words_width if width is None else width
        lines = [line.strip() for line in drawable(self.fonts, text).splitlines() if line.strip()]
        bold = style.fontName == self.fonts.bold
        if self.rtl or is_right_to_left(text):
            first = next((c for c in text if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
            rtl = self.rtl if not first else unicodedata.bidirectional(first) != "L"
            align = "centre" if style.alignment == TA_CENTER else ("right" if self.rtl else "left")
            widest = max((text_width(self.fonts, visual(word, rtl), style.fontSize, bold)
                          for line in lines for word in line.split()), default=0.0)
            size = self._fitted(style.fontSize, widest, width)  # drawn run by run: the whole paragraph
            return BidiParagraph("\n".join(lines), self.fonts, size, style.leading * size / style.fontSize,
                                 "#" + style.textColor.hexval()[2:], bold=bold, align=align, rtl=rtl)

        # A word with no more letters than this fits whatever its letters: it need not be measured.
        sure = int(width / (self._widest(style.fontName) * style.fontSize))

        def fitted(word: str) -> str:
            if len(word) <= sure:
                return escape(word)
            size = self._fitted(style.fontSize, stringWidth(word, style.fontName, style.fontSize), width)
            return escape(word) if size == style.fontSize else f'<font size="{size}">{escape(word)}</font>'

        return Paragraph("<br/>".join(" ".join(fitted(word) for word in line.split()) for line in lines), style)

    def _widest(self, font: str) -> float:
        """The widest letter of ``font``, as a part of its size."""
        if font not in self._widest_letter:
            face = getFont(font).face
            self._widest_letter[font] = max([face.defaultWidth, *face.charWidths.values()]) / 1000
        return self._widest_letter[font]

    @staticmethod
    def _fitted(size: float, word_width: float, width: float) -> float:
        """The size at which a word ``word_width`` wide at ``size`` fits in ``width``, to the half point down."""
        if word_width <= width:
            return size
        return max(1.0, int(size * width / word_width * 2) / 2)

    def _picture(self, ref: str, size: float) -> PictureBox:
        found = self.pictures.get(ref) if ref else None
        if isinstance(found, LeftOut):
            if found.words not in self.pictures.left_out:
                self.pictures.left_out.append(found.words)
        elif found is not None and not ref.startswith("own:"):
            self.used_openmoji = True
        return PictureBox(found, size)

    # -- documents ------------------------------------------------------------------

    def _document(self, out, title: str, footer: str = "") -> BaseDocTemplate:
        layout = self.layout
        frame = Frame(self.margin, self.margin + layout.detail_size * 2, self.width,
                      self.page_height - 2 * self.margin - layout.detail_size * 2, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        def page(canvas, document):
            canvas.saveState()
            canvas.setFillColor(colors.HexColor(layout.paper_colour))
            canvas.rect(0, 0, self.page_width, self.page_height, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(layout.text_colour))
            # The page number at the outer corner: right for left to right, left for right to left.
            number = _("Page {n}").format(n=document.page)
            left, right = self.margin, self.page_width - self.margin
            draw_words(canvas, self.fonts, number, layout.detail_size, left if self.rtl else right, self.margin,
                       ends_at=not self.rtl)
            if footer:
                draw_words(canvas, self.fonts, footer, layout.detail_size, right if self.rtl else left, self.margin,
                           ends_at=self.rtl)
            canvas.restoreState()

        def first_page(canvas, document):
            page(canvas, document)
            logo = layout.logo_path()
            if logo is not None:
                from facilitator.pictures.kinds import PictureRefused
                from facilitator.pictures.safe import MAX_BYTES, safe_picture
                from facilitator.printing.pictures import printable

                try:  # the organisation's logo passes the same gate as every picture
                    with logo.open("rb") as file:
                        drawn = printable(safe_picture(file.read(MAX_BYTES + 1)))
                except (OSError, PictureRefused):
                    drawn = None
                size = 25 * mm
                draw_picture(canvas, drawn, self.page_width - self.margin - size, self.page_height - self.margin - size + 8 * mm, size)

        document = BaseDocTemplate(
            str(out) if isinstance(out, Path) else out, pagesize=(self.page_width, self.page_height), title=title, author=layout.organisation or "facilitator",
            subject=title, creator=f"facilitator {facilitator.__version__}", lang=self.language,
            leftMargin=self.margin, rightMargin=self.margin, topMargin=self.margin, bottomMargin=self.margin,
            initialFontName=self.fonts.regular, initialFontSize=layout.body_size,
        )
        document.addPageTemplates([
            PageTemplate("first", [frame], onPage=first_page, autoNextPageTemplate="rest"),
            PageTemplate("rest", [frame], onPage=page),
        ])
        return document

    def sections(self, sections: list[Section], out, title: str) -> int:
        texts = [title] + [text for section in sections for entry in section.entries
                           for text in (section.heading, entry.text, entry.detail, entry.time)]
        self._check(texts + list(self.layout.section_titles.values()))
        story = []
        for section in sections:
            story += self._section(section)
        if self.used_openmoji:
            story += [Spacer(1, 6 * mm), self._para(CREDIT, self._style(self.layout.detail_size), self.width)]
        return _build(self._document(out, title), story)

    def _section(self, section: Section) -> list:
        layout = self.layout
        heading = layout.section_titles.get(section.key, section.heading)
        flow = []
        if section.key == "cover":
            # The cover: the title biggest, beside the meeting's picture; then when and where.
            entries = list(section.entries)
            title = entries.pop(0).text if entries and not entries[0].picture else ""
            big = self.picture * 1.6
            beside = self.width - big - self.gap
            words = [self._para(heading, self._style(layout.heading_size, True, layout.heading_colour), beside)]
            if title:
                words.append(self._para(title, self._style(layout.title_size, True, layout.heading_colour), beside))
            flow.append(self._row(self._picture(section.picture, big), words, big))
            flow.append(Spacer(1, 4 * mm))
            flow += [self._entry(entry, section) for entry in entries]
            flow.append(Spacer(1, 8 * mm))
            return flow
        cells = [self._picture(section.picture, self.picture * 0.8),
                 self._para(heading, self._style(layout.heading_size, True, layout.heading_colour),
                            self.words_width - 6 * mm)]
        widths = [self.picture + self.gap, self.width - self.picture - self.gap]
        band = Table(
            [cells[::-1] if self.rtl else cells],
            colWidths=widths[::-1] if self.rtl else widths,
            style=TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(layout.band_colour)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]),
        )
        shown = list(section.entries)
        if section.key == "who":
            # Names (or "8 people came.") are one idea: one picture, one name a line.
            shown = [Entry("\n".join(entry.text for entry in shown))] if shown else []
        entries = [self._entry(entry, section) for entry in shown]
        # A heading never sits alone at the foot of a page: it keeps its first entry with it.
        flow.append(KeepTogether([Spacer(1, 4 * mm), band, Spacer(1, 3 * mm), *entries[:1]]))
        flow += entries[1:]
        flow.append(Spacer(1, 4 * mm))
        return flow

    def _entry(self, entry: Entry, section: Section):
        layout = self.layout
        words = []
        text = entry.text if not entry.time else f"{entry.time}   {entry.text}"
        words.append(self._para(text, self._style(layout.body_size, bool(entry.time) or section.key == "words")))
        if entry.detail.strip():
            words.append(self._para(entry.detail, self._style(layout.detail_size)))
        picture = self._picture(entry.picture or section.picture, self.picture)
        return self._row(picture, words, self.picture, marked=entry.marked)

    def _row(self, picture, words: list, size: float, marked: bool = False) -> PictureRow:
        """The picture, then its words; mirrored (words, then the picture on the right) for right to left."""
        if marked:
            return PictureRow(picture, words, size, self.gap, rtl=self.rtl, padding=2 * mm,
                              band=self.layout.band_colour, inset=2 * mm)
        return PictureRow(picture, words, size, self.gap, rtl=self.rtl, padding=2 * mm)

    # -- cards ------------------------------------------------------------------------

    def cards(self, entries: list[Entry], out, title: str) -> int:
        self._check([title] + [entry.text for entry in entries])
        layout = self.layout
        columns, rows = layout.card_columns, layout.card_rows
        height_left = self.page_height - 2 * self.margin - layout.detail_size * 2
        cell_width, cell_height = self.width / columns, height_left / rows
        words_height = layout.heading_size * layout.line_spacing * 2 + 4 * mm
        side = max(20 * mm, min(cell_width, cell_height - words_height) - 12 * mm)
        style = self._style(layout.heading_size, True, layout.text_colour, centred=True)
        cells, seen = [], set()
        for entry in entries:
            found = self.pictures.get(entry.picture)
            if found is not None and id(found) in seen:
                continue  # two words for one picture ("agree", "thumbs up"): one card
            seen.add(id(found))
            picture = self._picture(entry.picture, side)
            picture.hAlign = "CENTER"
            cells.append([picture, Spacer(1, 3 * mm), self._para(entry.text, style, cell_width - 12)])
        grid = [cells[n:n + columns] for n in range(0, len(cells), columns)]
        grid[-1] += [""] * (columns - len(grid[-1]))
        story = []
        for start in range(0, len(grid), rows):
            page_rows = grid[start:start + rows]
            story.append(Table(
                page_rows, colWidths=[cell_width] * columns, rowHeights=[cell_height] * len(page_rows),
                style=TableStyle([
                    ("GRID", (0, 0), (-1, -1), 1, colors.HexColor("#8A8A8A"), None, (4, 3)),  # dashed: cut here
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ]),
            ))
        # Every page is full of cards, so the pictures' credit goes at the foot of each page.
        return _build(self._document(out, title, footer=CREDIT if self.used_openmoji else ""), story)
