"""The record of a job search as a PDF to print or attach: a heading with the seeker's
name, the range and the totals; then each week with its lines in the columns the
offices' forms have, and each run of weeks with nothing recorded said once; last, a
line to sign."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF

from nextsteps.insights.report import Record
from nextsteps.insights.report_files import cells
from nextsteps.playbook.worksearch import COLUMNS, by_week, quiet_stretches, record_day, tally

# A font with the letters of every language a name may be written in, where the
# system has one (Linux, Windows, macOS); else PDF's own Helvetica, which has only
# Western European letters (others print as "?"; the CSV keeps them all).
FONTS = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "arialbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "Arial Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "Arial Bold.ttf"),
)
# Relative widths of COLUMNS.
WIDTHS = (13, 16, 17, 16, 20, 9, 23)
INK, MUTED, RULE, WASH = (25, 25, 25), (90, 90, 90), (170, 170, 170), (236, 240, 244)
# Below this much room left on a page (mm), a week's heading goes to the next one.
ROOM_FOR_A_HEADING = 22
SIGN_HERE = "I confirm that this record of my search for work is true and complete."
# The sentence to sign and the line to sign on, with the space above each (mm): kept
# together on one page, so that the signature never stands alone on a page of its own.
SIGNATURE_BLOCK = 6 + 6 + 8 + 6


class RecordPDF(FPDF):
    def __init__(self, record: Record) -> None:
        super().__init__(orientation="landscape", format="letter" if record.letter_paper else "A4")
        self.record = record
        self.set_title(title(record))
        self.set_creator("nextsteps")
        self.set_margins(12, 12, 12)
        self.set_auto_page_break(True, margin=16)
        fonts = font_files()
        if fonts is None:
            self.core_fonts_encoding = "windows-1252"
            self.set_font("helvetica", size=9)
        else:
            self.add_font("body", "", str(fonts[0]))
            self.add_font("body", "B", str(fonts[1]))
            self.set_font("body", size=9)

    def printable(self, words: str) -> str:
        """`words` as the font can print them."""
        if self.is_ttf_font:
            return words
        return words.encode("windows-1252", "replace").decode("windows-1252")

    def line_of(self, words: str, height: float, size: float, bold: bool = False) -> None:
        self.set_font(style="B" if bold else "", size=size)
        self.multi_cell(0, height, self.printable(words), align="L", new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(style="", size=8)
        self.set_text_color(*MUTED)
        words = f"{title(self.record)} · page {self.page_no()} of {{nb}}"
        self.cell(0, 5, self.printable(words))
        self.set_text_color(*INK)


def font_files() -> tuple[Path, Path] | None:
    for regular, bold in FONTS:
        path = Path(regular)
        if path.is_file() and (path.parent / bold).is_file():
            return path, path.parent / bold
    return None


def as_pdf(record: Record) -> bytes:
    pdf = RecordPDF(record)
    pdf.add_page()
    pdf.set_text_color(*INK)
    pdf.line_of("Work-search record", 9, 16, bold=True)
    for line in heading_lines(record):
        pdf.line_of(line, 5.5, 10)
    pdf.ln(3)
    table = Table(pdf, WIDTHS)
    for shown in quiet_stretches(by_week(record.entries, record.first, record.last)):
        if isinstance(shown, tuple):
            week_heading(pdf, f"{span(*shown)}: nothing recorded.")
            continue
        week_heading(pdf, f"{span(shown.first_day, shown.last_day)}: {tally(shown.entries)}.")
        table.rows([cells(entry, record_day) for entry in shown.entries])
        pdf.ln(2)
    signature(pdf)
    return bytes(pdf.output())


class Table:
    """The record's columns, drawn line by line: each cell's words wrapped to its width
    (a word wider than its column cut where it must), a rule under each row, and the
    headings again at the top of every page the table runs onto. (fpdf's own tables
    lay each cell out twice; a year's record took half a minute with them.)"""

    SIZE, LINE, PAD = 8.5, 3.8, 1.2  # points; millimetres

    def __init__(self, pdf: RecordPDF, widths: tuple[int, ...]) -> None:
        self.pdf = pdf
        unit = pdf.epw / sum(widths)
        self.widths = [w * unit for w in widths]
        self.word_widths: dict[str, float] = {}

    def rows(self, rows: list[list[str]]) -> None:
        self.row(list(COLUMNS), heading=True)
        for line in rows:
            self.row(line)

    def row(self, texts: list[str], heading: bool = False) -> None:
        pdf = self.pdf
        pdf.set_font(style="B" if heading else "", size=self.SIZE)
        lines = [
            self.wrap(pdf.printable(text), w - 2 * self.PAD)
            for text, w in zip(texts, self.widths, strict=True)
        ]
        height = max(len(cell) for cell in lines) * self.LINE + 2 * self.PAD
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
            if not heading:
                self.row(list(COLUMNS), heading=True)
                pdf.set_font(style="", size=self.SIZE)
        top, x = pdf.get_y(), pdf.l_margin
        if heading:
            pdf.set_fill_color(*WASH)
            pdf.rect(x, top, pdf.epw, height, style="F")
        for cell, width in zip(lines, self.widths, strict=True):
            for n, line in enumerate(cell):
                pdf.text(x + self.PAD, top + self.PAD + (n + 0.8) * self.LINE, line)
            x += width
        pdf.set_draw_color(*RULE)
        pdf.line(pdf.l_margin, top + height, pdf.l_margin + pdf.epw, top + height)
        pdf.set_y(top + height)

    def width(self, word: str) -> float:
        found = self.word_widths.get(word)
        if found is None:
            found = self.word_widths[word] = self.pdf.get_string_width(word)
        return found

    def wrap(self, text: str, room: float) -> list[str]:
        """The text in lines no wider than `room`, broken between words."""
        lines: list[str] = []
        line, used, space = "", 0.0, self.width(" ")
        for word in text.split():
            wide = self.width(word)
            while wide > room:  # an address or a name longer than the column
                if line:
                    lines.append(line)
                    line, used = "", 0.0
                cut = max(1, int(len(word) * room / wide))
                while cut > 1 and self.pdf.get_string_width(word[:cut]) > room:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                wide = self.width(word)
            if line and used + space + wide > room:
                lines.append(line)
                line, used = "", 0.0
            line, used = (f"{line} {word}", used + space + wide) if line else (word, wide)
        return [*lines, line] if line or not lines else lines


def week_heading(pdf: RecordPDF, words: str) -> None:
    # A heading never ends a page: with too little room for it and a line or two, turn over.
    if pdf.get_y() > pdf.h - pdf.b_margin - ROOM_FOR_A_HEADING:
        pdf.add_page()
    pdf.line_of(words, 6, 10, bold=True)


def signature(pdf: RecordPDF) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - SIGNATURE_BLOCK:
        pdf.add_page()
    pdf.ln(6)
    pdf.line_of(SIGN_HERE, 6, 9)
    pdf.ln(8)
    pdf.line_of("Signature: ______________________________      Date: ______________", 6, 9)


def title(record: Record) -> str:
    who = f" of {record.name}" if record.name else ""
    return f"Work-search record{who}, {span(record.first, record.last)}"


def span(first: date, last: date) -> str:
    """`Mon 2 Nov 2026 to Sun 8 Nov 2026`, or the one day."""
    if first == last:
        return record_day(first)
    return f"{record_day(first)} to {record_day(last)}"


def heading_lines(record: Record) -> list[str]:
    lines = [f"Name: {record.name}"] if record.name else []
    return [
        *lines,
        f"From {span(record.first, record.last)}: {tally(record.entries)}.",
        f"Made with nextsteps on {record_day(record.made_on)}. Each result is what the "
        "employer did next, as known that day.",
    ]
