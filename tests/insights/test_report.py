"""The report's download on the insights page: every work-search activity of the days
asked, as CSV (formulas kept as text) and as a PDF whose pages show every row; the
outsider gets only his own; days that are no range get one sentence and a 400; in a
constant number of queries."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.urls import reverse

from nextsteps.activities.services import add_activity, complete_activity
from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Channel
from nextsteps.tracker import services
from nextsteps.tracker.models import Application
from tests.pdfs import inked, pdf_pages, pdf_text
from tests.web.base import WebTestCase

URL = reverse("insights-report")
FORTNIGHT = {"from": "2026-11-02", "to": "2026-11-15"}


def rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


class ReportTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.acme = self.searched()

    def searched(self) -> Application:
        """Applied to Acme on Monday 2 November through LinkedIn (Jane Doe the contact),
        interviewed on the 9th, thanked by e-mail that afternoon, followed up on the
        13th, answered on Monday the 16th; a course on the 10th."""
        acme = self.add(
            applied_on=date(2026, 11, 2),
            source="LinkedIn",
            contact=services.ContactDetails("Jane Doe", "jane@acme.example"),
        )
        self.log(acme, EventKind.INTERVIEW_HELD, self.local(date(2026, 11, 9), 10))
        self.log(
            acme,
            EventKind.THANK_YOU_SENT,
            self.local(date(2026, 11, 9), 15),
            channel=Channel.EMAIL,
        )
        self.log(acme, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 13), 9))
        self.log(acme, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 16), 8))
        complete_activity(add_activity(self.alice, "learning", "SQL course"), date(2026, 11, 10))
        return acme

    def test_the_csv_lists_every_work_search_activity_with_what_came_of_it(self) -> None:
        response = self.client.get(URL, {**FORTNIGHT, "format": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(
            response["Content-Disposition"],
            'attachment; filename="work-search-2026-11-02-to-2026-11-15.csv"',
        )
        jane = "Jane Doe, jane@acme.example"
        replied = "They replied, 2026-11-16"
        self.assertEqual(
            rows(response.content),
            [
                ["Date", "Activity", "Employer", "Position", "Contact", "Method", "Result"],
                ["2026-11-02", "Applied", "Acme", "Data Analyst", jane, "via LinkedIn",
                 "Interview held, 2026-11-09"],
                ["2026-11-09", "Interview held", "Acme", "Data Analyst", jane, "", replied],
                ["2026-11-09", "Thank-you sent", "Acme", "Data Analyst", jane, "E-mail", replied],
                ["2026-11-10", "Learning: SQL course", "", "", "", "", "Done"],
                ["2026-11-13", "Followed up", "Acme", "Data Analyst", jane, "", replied],
            ],
        )  # fmt: skip

    def test_only_the_days_asked_are_in_it(self) -> None:
        response = self.client.get(URL, {"from": "2026-11-10", "to": "2026-11-10", "format": "csv"})
        self.assertEqual([row[1] for row in rows(response.content)[1:]], ["Learning: SQL course"])

    def test_a_formula_typed_as_a_name_stays_text_in_a_spreadsheet(self) -> None:
        self.add(
            '=HYPERLINK("http://evil.example","Click")', "+1 Analyst", applied_on=date(2026, 11, 3)
        )
        complete_activity(add_activity(self.alice, "networking", "@boss -2"), date(2026, 11, 4))
        found = rows(self.client.get(URL, {**FORTNIGHT, "format": "csv"}).content)
        applied = next(row for row in found if row[3] == "'+1 Analyst")
        self.assertEqual(applied[2], '\'=HYPERLINK("http://evil.example","Click")')
        self.assertIn("Networking: @boss -2", [row[1] for row in found])  # not a formula's start
        self.assertFalse([cell for row in found for cell in row if cell and cell[0] in "=+-@"])

    def test_the_pdf_shows_every_row_on_its_pages(self) -> None:
        self.profile.name = "Sam Seeker"
        self.profile.save()
        response = self.client.get(URL, {**FORTNIGHT, "format": "pdf"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        pages = pdf_pages(response.content)
        self.assertEqual(len(pages), 1)
        self.assertIsNotNone(inked(pages[0]))
        self.assertGreater(pages[0].width, pages[0].height)  # landscape, for seven columns
        text = pdf_text(response.content)
        for line in [
            "Work-search record",
            "Name: Sam Seeker",
            "From Mon 2 Nov 2026 to Sun 15 Nov 2026: 1 application, 1 interview, 1 follow-up, "
            "1 thank-you note and 1 other activity.",
            "Mon 2 Nov 2026 to Sun 8 Nov 2026: 1 application.",
            "Mon 9 Nov 2026 to Sun 15 Nov 2026: 1 interview, 1 follow-up, 1 thank-you note and "
            "1 other activity.",
            "Signature:",
        ]:
            self.assertIn(line, " ".join(text.split("\n")) if "\n" in line else text)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        # Each row on its line (the contact's address may wrap below it).
        jane = "Acme Data Analyst Jane Doe,"
        for start, end in [
            (f"Mon 2 Nov 2026 Applied {jane}", "via LinkedIn Interview held, Mon 9 Nov 2026"),
            (f"Mon 9 Nov 2026 Thank-you sent {jane}", "E-mail They replied, Mon 16 Nov 2026"),
            (f"Fri 13 Nov 2026 Followed up {jane}", "They replied, Mon 16 Nov 2026"),
            ("Tue 10 Nov 2026 Learning: SQL course", "Done"),
        ]:
            self.assertTrue(any(ln.startswith(start) and ln.endswith(end) for ln in lines), start)
        self.assertIn("jane@acme.example", text)

    def test_a_long_record_turns_its_pages_with_the_columns_on_each(self) -> None:
        for n in range(60):
            self.add(f"Company {n}", "Analyst", applied_on=date(2026, 11, 3))
        body = self.client.get(URL, {**FORTNIGHT, "format": "pdf"}).content
        pages = pdf_pages(body)
        self.assertGreaterEqual(len(pages), 3)
        self.assertTrue(all(inked(page) for page in pages))
        text = pdf_text(body)
        self.assertEqual(text.count("Company "), 60)
        # The columns' headings on every page the week's table runs over.
        self.assertGreaterEqual(text.count("Date "), len(pages))
        self.assertIn(f"page {len(pages)} of {len(pages)}", text)

    def test_the_outsider_gets_only_his_own_record(self) -> None:
        self.theirs()
        response = self.client_for(self.outsider).get(URL, {**FORTNIGHT, "format": "csv"})
        self.assertEqual(response.status_code, 200)
        found = rows(response.content)
        self.assertEqual([row[2] for row in found[1:]], ["Globex"])
        self.assertNotIn(b"Acme", response.content)
        self.assertNotIn(b"SQL course", response.content)

    def test_signed_out_goes_to_log_in(self) -> None:
        response = self.client_for(None).get(URL, FORTNIGHT)
        self.assertRedirects(
            response, f"{reverse('login')}?next={URL}%3Ffrom%3D2026-11-02%26to%3D2026-11-15",
            fetch_redirect_response=False,
        )  # fmt: skip

    def test_days_that_are_no_range_are_said_in_one_sentence(self) -> None:
        for asked, sentence in [
            (
                {"from": "2026-11-15", "to": "2026-11-02"},
                "The report's last day (2026-11-02) comes before the report's first day "
                "(2026-11-15).",
            ),
            (
                {"from": "next week", "to": "2026-11-02"},
                "The report's first day must be a date like 2026-11-13, not 'next week'.",
            ),
            (
                {"from": "2026-11-02", "to": "10000-01-01"},
                "The report's last day must be a date like 2026-11-13, not '10000-01-01'.",
            ),
            (
                {"from": "1900-01-01", "to": "2026-11-02"},
                "The report's first day cannot be before 1970, and 1900-01-01 is.",
            ),
            ({"from": "", "to": ""}, "The report's first day is missing: give a date like"),
            ({**FORTNIGHT, "format": "xlsx"}, "The report is made as pdf or csv, not 'xlsx'."),
        ]:
            response = self.client.get(URL, asked)
            self.assertEqual(response.status_code, 400, asked)
            self.assertContains(response, "Proof of your job search", status_code=400)
            self.assertContains(response, sentence.replace("'", "&#x27;"), status_code=400)
            self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")

    def test_what_the_form_sends_back_is_shown_escaped(self) -> None:
        response = self.client.get(URL, {"from": '"><script>alert(1)</script>', "to": "x"})
        self.assertEqual(response.status_code, 400)
        self.assertNotContains(response, "<script>alert(1)", status_code=400)

    def test_without_days_it_is_the_pdf_of_last_week_and_this(self) -> None:
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Content-Disposition"],
            'attachment; filename="work-search-2026-11-09-to-2026-11-16.pdf"',
        )

    def test_the_number_of_queries_does_not_grow_with_the_record(self) -> None:
        """The session, the user, the profile, the steps, their results, the people on
        the steps and on their applications, the activities."""
        asked = {**FORTNIGHT, "format": "csv"}
        with self.assertNumQueries(8):
            self.client.get(URL, asked)
        for n in range(5):
            application = self.interviewed(f"More {n}", day=date(2026, 11, 12))
            self.log(application, EventKind.THANK_YOU_SENT, self.local(date(2026, 11, 12), 11))
            complete_activity(
                add_activity(self.alice, "networking", f"Person {n}"), date(2026, 11, 12)
            )
        with self.assertNumQueries(8):
            self.client.get(URL, asked)
