"""The import page: upload, the dry run's report, then confirm. Only a signed-in
user imports, only into their own account, with CSRF, a size limit and one
sentence for a file it cannot read; the report's cost does not grow with the file."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextsteps.imports.views import GONE, LISTED, WAITING
from nextsteps.tracker.models import Application
from tests.base import csrf_client
from tests.fuzz.hostile import snapshot
from tests.imports.base import file
from tests.imports.test_import import refuse_a_note
from tests.web.base import WebTestCase

URL = reverse("import")
CONFIRM = reverse("import-confirm")


def kept() -> dict[str, tuple[int, str]]:
    """What nextsteps keeps, less the sessions (where the file waits)."""
    return {k: v for k, v in snapshot().items() if k != "sessions.Session"}


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


class ImportPageTestCase(WebTestCase):
    def check(self, content: bytes, name: str = "export.csv", **fields: str) -> object:
        return self.post(URL, {"file": upload(name, content), "format": "auto", **fields})

    def test_the_owner_sees_the_form_linked_from_the_add_page(self) -> None:
        response = self.client.get(URL)
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, "Check the file")
        self.assertContains(self.client.get(reverse("add-application")), f'href="{URL}"')

    def test_signed_out_it_asks_to_sign_in(self) -> None:
        anonymous = csrf_client(None)
        for response in (anonymous.get(URL), self.post_as(anonymous, CONFIRM, {"digest": "x"})):
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("login"), response["Location"])

    def test_the_report_first_then_the_import(self) -> None:
        before = kept()
        response = self.check(file("teal.csv"), name="teal.csv")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(kept(), before)  # the dry run wrote nothing but the session
        self.assertContains(
            response,
            "A Teal export, 7 rows: 6 applications to create, 0 already in nextsteps, "
            "1 row refused.",
        )
        self.assertContains(response, "What importing teal.csv would do")
        self.assertContains(
            response,
            '<td data-label="What happened">Applied Tue 6 Oct, Interview held Tue 6 Oct</td>',
            html=True,
        )
        self.assertContains(response, "The company&#x27;s name cannot be empty.")
        self.assertContains(response, "Import 6 applications")
        digest = self.client.session[WAITING]["digest"]
        done = self.post(CONFIRM, {"digest": digest})
        self.assertRedirects(done, reverse("table"), fetch_redirect_response=False)
        self.assertEqual(Application.objects.filter(owner=self.alice).count(), 6)
        page = self.client.get(reverse("table"))
        self.assertContains(page, "Imported 6 applications from a Teal export")
        # The file waits no more: confirming again imports nothing.
        again = self.post(CONFIRM, {"digest": digest})
        self.assertContains(again, GONE, status_code=400)
        self.assertEqual(Application.objects.count(), 6)

    def test_the_same_file_again_shows_what_is_already_there(self) -> None:
        self.check(file("jobsync.csv"))
        self.post(CONFIRM, {"digest": self.client.session[WAITING]["digest"]})
        response = self.check(file("jobsync.csv"))
        self.assertContains(response, "0 applications to create, 6 already in nextsteps")
        acme = Application.objects.get(role="Full Stack Developer")
        self.assertContains(response, f'href="{reverse("application", args=[acme.id])}"')
        self.assertNotContains(response, "Import 0")

    def test_an_outsider_cannot_confirm_the_owners_file(self) -> None:
        self.check(file("teal.csv"))
        digest = self.client.session[WAITING]["digest"]
        outsider = self.client_for(self.outsider)
        response = self.post_as(outsider, CONFIRM, {"digest": digest})
        self.assertContains(response, GONE, status_code=400)
        self.assertFalse(Application.objects.exists())

    def test_a_stale_page_does_not_import_another_file(self) -> None:
        self.check(file("teal.csv"))
        stale = self.client.session[WAITING]["digest"]
        self.check(file("huntr.csv"))
        self.assertContains(self.post(CONFIRM, {"digest": stale}), GONE, status_code=400)
        self.assertFalse(Application.objects.exists())

    def test_a_failure_while_writing_is_one_sentence_and_nothing_is_kept(self) -> None:
        refuse_a_note("Remote")  # the first row's note names its location
        self.check(file("teal.csv"))
        response = self.post(CONFIRM, {"digest": self.client.session[WAITING]["digest"]})
        self.assertContains(response, "Line 2 could not be written", status_code=400)
        self.assertFalse(Application.objects.exists())

    def test_without_its_csrf_token_the_upload_is_refused(self) -> None:
        response = self.client.post(URL, {"file": upload("a.csv", file("teal.csv"))})
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(WAITING, self.client.session)

    @override_settings(IMPORT_LARGEST_UPLOAD=100)
    def test_a_file_too_large_is_one_sentence(self) -> None:
        response = self.check(file("teal.csv"))
        self.assertContains(
            response, "more than the 0 MB this page takes: split it", status_code=400
        )
        self.assertNotIn(WAITING, self.client.session)

    def test_an_unreadable_file_or_a_wrong_format_is_one_sentence(self) -> None:
        for content, fields, said in (
            (b"PK\x03\x04", {}, "This is a spreadsheet workbook, not a CSV file"),
            (b"", {}, "The file is empty."),
            (file("teal.csv"), {"format": "jobsync"}, "This file is not a JobSync export"),
        ):
            response = self.check(content, **fields)
            self.assertContains(response, said, status_code=400)
            self.assertContains(response, 'class="errorlist', status_code=400)
        self.assertNotIn(WAITING, self.client.session)

    def test_what_the_file_says_is_shown_as_text(self) -> None:
        response = self.check(b"Company,Role\n<script>alert(1)</script>,<b>Boss</b>\n")
        self.assertContains(response, "&lt;b&gt;Boss&lt;/b&gt; at &lt;script&gt;")
        self.assertNotContains(response, "<script>alert")

    def test_the_reports_queries_do_not_grow_with_the_file(self) -> None:
        def queries(rows: int) -> int:
            lines = "".join(f"Co {n},Analyst,applied,2026-10-01\n" for n in range(rows))
            with CaptureQueriesContext(connection) as captured:
                self.check(b"Company,Role,Status,Date applied\n" + lines.encode())
            return len(captured)

        self.assertEqual(queries(3), queries(60))

    def test_a_long_file_lists_its_first_rows_and_counts_the_rest(self) -> None:
        lines = "".join(f"Co {n},Analyst,applied,2026-10-01\n" for n in range(LISTED + 5))
        response = self.check(b"Company,Role,Status,Date applied\n" + lines.encode())
        self.assertContains(response, f"Import {LISTED + 5} applications")
        self.assertContains(response, "Analyst at Co 199")
        self.assertNotContains(response, "Analyst at Co 200")
        self.assertContains(response, "And 5 more.")
