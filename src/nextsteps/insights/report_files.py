"""The record of a job search as a file: CSV for a spreadsheet or an office's upload,
PDF to print or attach. Both have the same columns; the PDF groups the lines by week,
as weekly work-search logs do, and says which weeks had nothing recorded."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

from nextsteps.backups.exports import CSV_ENCODING, as_text
from nextsteps.fields import FieldRefused, shown
from nextsteps.insights.report import Record
from nextsteps.playbook.worksearch import COLUMNS, FORMATS, Entry, result_text

CONTENT_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}


def format_of(text: str) -> str:
    """`pdf` or `csv`, as asked; FieldRefused in one sentence for anything else."""
    kind = text.strip().lower()
    if kind not in FORMATS:
        raise FieldRefused(f"The report is made as pdf or csv, not {shown(text)}.")
    return kind


def file_name(record: Record, kind: str) -> str:
    """`work-search-2026-11-02-to-2026-11-15.pdf`."""
    return f"work-search-{record.first}-to-{record.last}.{kind}"


def as_file(record: Record, kind: str) -> bytes:
    if kind == "pdf":
        from nextsteps.insights.report_pdf import as_pdf  # its library loads only for a PDF

        return as_pdf(record)
    return as_csv(record)


def as_csv(record: Record) -> bytes:
    """UTF-8 with a byte-order mark, so that a spreadsheet reads accents right; days as
    2026-11-13, which every spreadsheet sorts as dates."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for entry in record.entries:
        # A cell a spreadsheet would run as a formula (a name typed as =HYPERLINK(...)) is text.
        writer.writerow(as_text(cell) for cell in cells(entry, date.isoformat))
    return out.getvalue().encode(CSV_ENCODING)


def cells(entry: Entry, write_day: Callable[[date], str]) -> list[str]:
    """The entry's line, in the order of COLUMNS, its days as `write_day` writes them."""
    return [
        write_day(entry.day),
        entry.activity,
        entry.employer,
        entry.position,
        entry.contact,
        entry.method,
        result_text(entry, write_day),
    ]
