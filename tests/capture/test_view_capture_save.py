"""Saving a captured posting: an application like one added by hand, its location,
salary and posting day in the note of its first event; CSRF and the field rules
as on the Add page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from nextsteps.playbook import EventKind
from nextsteps.tracker.models import Application
from tests.base import csrf_client
from tests.web.base import WebTestCase

URL = reverse("capture-save")
FOUND = {
    "company": "Harrow & Finch",
    "role": "Senior R&D Chemist",
    "posting_url": "https://jobs.example-lever.test/harrowfinch/6f1c",
    "location": "Manchester, United Kingdom",
    "salary": "GBP 52,000 to 61,000 a year",
    "posted_on": "2026-11-13",
    "applied_on": "2026-11-16",
}


class SaveCapturedTestCase(WebTestCase):
    def save(self, **changed: Any) -> Any:
        return self.post(URL, {**FOUND, **changed})

    def test_the_posting_becomes_an_application_with_what_it_said_in_a_note(self) -> None:
        response = self.save()
        application = Application.objects.get(owner=self.alice)
        self.assertRedirects(response, reverse("application", args=[application.id]))
        self.assertEqual(str(application), "Senior R&D Chemist at Harrow & Finch")
        self.assertEqual(application.source, "jobs.example-lever.test")
        applied = application.events.get()
        self.assertEqual(applied.kind, EventKind.APPLIED)
        self.assertEqual(
            applied.note,
            "Captured from jobs.example-lever.test.\n"
            "Location: Manchester, United Kingdom\n"
            "Salary: GBP 52,000 to 61,000 a year\n"
            "Posted on Friday 13 November 2026.",
        )

    def test_a_job_not_applied_for_is_saved(self) -> None:
        self.save(applied_on="", location="", salary="", posted_on="")
        application = Application.objects.get(owner=self.alice)
        self.assertEqual(application.stage, "saved")
        self.assertFalse(application.events.exists())

    def test_a_field_that_breaks_its_rule_is_said_and_nothing_saved(self) -> None:
        response = self.save(role="", salary="x" * 201, applied_on="2026-12-01")
        self.assertContains(response, "The role cannot be empty.", status_code=400)
        self.assertContains(response, "The salary may be at most 200 characters", status_code=400)
        self.assertContains(response, 'value="Harrow &amp; Finch"', status_code=400)
        self.assertFalse(Application.objects.exists())

    def test_only_a_signed_in_user_saves_and_only_with_the_pages_token(self) -> None:
        response = self.post_as(csrf_client(None), URL, FOUND)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])
        forged = csrf_client(self.alice).post(URL, FOUND)
        self.assertEqual(forged.status_code, 403)
        self.assertEqual(self.client.get(URL).status_code, 405)
        self.assertFalse(Application.objects.exists())

    def test_it_is_saved_into_the_users_own_account(self) -> None:
        self.theirs()
        self.save(company="Globex")
        mine = Application.objects.get(owner=self.alice)
        self.assertNotEqual(mine.company.owner_id, self.outsider.id)
        self.assertEqual(Application.objects.filter(owner=self.outsider).count(), 1)
