"""The run-sheet: one sheet for the people running a workshop, in their own language.

At the top: the workshop, when and where, everyone running it (so each
co-facilitator gets the same sheet), how many are taking part and what they
need. Then each agenda item as a row: when it starts and how long it takes,
its title, who leads it, what to bring or prepare, and the facilitator's notes.
It is for facilitators, not the room, so it is denser than easy read, but
never smaller than 12 pt, with the layout's font, colours and page. A break
stands out in the layout's band colour; a long row goes on over the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from babel.lists import format_list
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from facilitator.core.model import ItemKind, Workshop
from facilitator.core.needs import needs_at_a_glance
from facilitator.i18n import (
    _,
    format_clock,
    format_long_date,
    format_minutes,
    in_language,
    known_language,
    language_now,
    ngettext,
)
from facilitator.printing.bidi import is_right_to_left
from facilitator.printing.documents import _build, _Printer
from facilitator.printing.fonts import drawable
from facilitator.printing.layout import Layout

SMALLEST = 12.0  # points: the run-sheet's words are never smaller
SCALE = 0.75  # of the layout's body size: 13.5 pt with the standard layout, 16.5 pt with large print
TIME_COLUMN = 34 * mm


@dataclass(frozen=True)
class Row:
    """One agenda item on the run-sheet, as words."""

    time: str  # "10:15", or "" when the workshop has no start time
    minutes: str  # "15 minutes"
    title: str
    lines: tuple[tuple[str, str], ...]  # ("Leads:", "Ann"), ("Bring or prepare:", "pens"), ("Notes:", ...)
    marked: bool = False  # a break


def sheet_heading(workshop: Workshop, language: str) -> list[str]:
    """The lines under the title: when and where, who runs it, who is taking part and what they need."""
    lines = []
    when = [format_long_date(workshop.date, language)] if workshop.date else [_("No date yet")]
    if workshop.start_time is not None:
        when.append(_("{start} to {end}").format(start=format_clock(workshop.start_time, language),
                                                 end=format_clock(workshop.planned_end(), language)))
    if workshop.place.strip():
        when.append(workshop.place.strip())
    lines.append(" · ".join(when))
    if workshop.room_booked_until is not None:
        lines.append(_("Room booked until {time}").format(time=format_clock(workshop.room_booked_until, language)))
    running = [_person(facilitator.name, facilitator.role) for facilitator in workshop.facilitators if facilitator.name.strip()]
    if running:
        lines.append(_("Run by: {names}").format(names=format_list(running, locale=known_language(language))))
    there = len(workshop.people_there())
    if there:
        lines.append(ngettext("{n} person taking part", "{n} people taking part", there).format(n=there))
    needs = needs_at_a_glance(workshop)
    if needs:
        lines.append(_("What people need: {needs}").format(needs=needs))
    return lines


def sheet_rows(workshop: Workshop, language: str) -> list[Row]:
    """Each agenda item as a row, then the planned end."""
    rows = []
    for item, start in zip(workshop.agenda, workshop.start_times()):
        lines = []
        for label, text in ((_("Leads:"), item.led_by), (_("Bring or prepare:"), item.to_bring), (_("Notes:"), item.notes)):
            if text.strip():
                lines.append((label, text.strip()))
        rows.append(Row(format_clock(start, language) if start is not None else "", format_minutes(item.minutes),
                        item.title.strip(), tuple(lines), item.kind is ItemKind.BREAK))
    end = workshop.planned_end()
    if end is not None:
        rows.append(Row(format_clock(end, language), "", _("End"), ()))
    return rows


def run_sheet_pdf(workshop: Workshop, out: Path | BinaryIO, layout: Layout, language: str | None = None) -> int:
    """The run-sheet of ``workshop`` in ``language`` (the app's own when None); the number of pages written."""
    language = language or language_now()
    with in_language(language):
        return _RunSheet(layout, language).sheet(workshop, out)


def _person(name: str, role: str) -> str:
    return _("{name} ({role})").format(name=name.strip(), role=role.strip()) if role.strip() else name.strip()


class _RunSheet(_Printer):
    def __init__(self, layout: Layout, language: str):
        super().__init__(layout, None, language)
        self.text_size = max(SMALLEST, layout.body_size * SCALE)

    def _style(self, size: float, bold: bool = False, colour: str | None = None, centred: bool = False):
        style = super()._style(size, bold, colour, centred)
        style.splitLongWords = 1  # a web address longer than the column goes on to the next line, still 12 pt
        return style

    def _fitted(self, size: float, word_width: float, width: float) -> float:
        return max(SMALLEST, super()._fitted(size, word_width, width))

    def sheet(self, workshop: Workshop, out) -> int:
        language = self.language
        title = _("Run-sheet: {title}").format(title=workshop.title.strip())
        heading = sheet_heading(workshop, language)
        rows = sheet_rows(workshop, language)
        self._check([title, *heading] + [text for row in rows for text in (row.time, row.minutes, row.title)]
                    + [text for row in rows for line in row.lines for text in line])
        size, layout = self.text_size, self.layout
        story = [self._para(title, self._style(size * 1.75, True, layout.heading_colour), self.width),
                 Spacer(1, 2 * mm)]
        story += [self._para(line, self._style(size), self.width) for line in heading]
        story.append(Spacer(1, 5 * mm))
        if rows:
            story.append(self._table(rows))
        else:
            story.append(self._para(_("The agenda has no items yet."), self._style(size), self.width))
        return _build(self._document(out, title), story)

    def _table(self, rows: list[Row]) -> Table:
        size, layout = self.text_size, self.layout
        words_width = self.width - TIME_COLUMN
        padding = 2 * mm
        inside = (TIME_COLUMN - 2 * padding, words_width - 2 * padding)
        header = [self._para(_("Time"), self._style(size, True), inside[0]),
                  self._para(_("What happens"), self._style(size, True), inside[1])]
        data = [header]
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(layout.band_colour)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.75, colors.HexColor("#8A8A8A")),
        ]
        for number, row in enumerate(rows, start=1):
            when = [self._para(row.time, self._style(size * 1.15, True), inside[0])] if row.time else []
            if row.minutes:
                when.append(self._para(row.minutes, self._style(size), inside[0]))
            what = [self._para(row.title, self._style(size * 1.15, True), inside[1])]
            what += [self._labelled(label, text, inside[1]) for label, text in row.lines]
            data.append([when, what])
            if row.marked:
                style.append(("BACKGROUND", (0, number), (-1, number), colors.HexColor(layout.band_colour)))
        widths = [TIME_COLUMN, words_width]
        if self.rtl:  # mirrored: the time on the right
            data = [cells[::-1] for cells in data]
            widths = widths[::-1]
        # Right-to-left words are drawn line by line and cannot be split: such a row goes to the next page whole.
        return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=1, splitInRow=0 if self.rtl else 1)

    def _labelled(self, label: str, text: str, width: float):
        """"Notes: ..." with the label in bold, the words as written (their own lines kept), never split."""
        style = self._style(self.text_size)
        if self.rtl or is_right_to_left(label + text):
            return self._para(f"{label} {text}", style, width)  # drawn run by run, all in one weight
        lines = [line.strip() for line in drawable(self.fonts, text).splitlines() if line.strip()]

        def fitted(word: str) -> str:
            size = self._fitted(style.fontSize, stringWidth(word, style.fontName, style.fontSize), width)
            return escape(word) if size == style.fontSize else f'<font size="{size}">{escape(word)}</font>'

        words = "<br/>".join(" ".join(fitted(word) for word in line.split()) for line in lines)
        return Paragraph(f'<font name="{self.fonts.bold}">{escape(drawable(self.fonts, label))}</font> {words}', style)
