"""The report's PDF laid out as it prints: whatever the length of the record, the
sentence to sign and the line to sign on are on the same page."""

from __future__ import annotations

from datetime import date, timedelta

from nextsteps.insights.report import Record
from nextsteps.insights.report_pdf import SIGN_HERE, as_pdf
from nextsteps.playbook.worksearch import activity_entry
from tests.pdfs import pdf_text

MONDAY = date(2026, 11, 2)


def record_of(lines: int) -> Record:
    entries = [
        activity_entry(MONDAY + timedelta(days=n % 7), "Learning", "SQL") for n in range(lines)
    ]
    return Record("Sam Seeker", MONDAY, MONDAY + timedelta(days=6), MONDAY, entries, False)


def test_the_signature_stays_with_the_sentence_it_signs() -> None:
    # With 46 lines of a day each, the table ends 22 to 26 mm above the second A4
    # page's foot: room for the sentence, not for the line to sign too. The lines
    # around it try the other ways the table can end near a page's foot.
    for lines in range(44, 49):
        pages = pdf_text(as_pdf(record_of(lines))).split("\f")
        [signed] = [page for page in pages if "Signature:" in page]
        assert SIGN_HERE in signed, f"{lines} lines: the signature is alone on its page"
