from __future__ import annotations

from django.urls import reverse

from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import Application, Company, Contact, Event
from tests.web.base import WebTestCase

URL = reverse("add-application")


class AddApplicationTestCase(WebTestCase):
    def test_the_form_offers_the_users_companies(self) -> None:
        self.add("Acme")
        self.theirs()
        response = self.client.get(URL)
        self.assertContains(response, '<option value="Acme">', html=True)
        self.assertNotContains(response, "Globex")

    def test_an_application_sent_today_plans_its_check_in(self) -> None:
        response = self.post(
            URL,
            {
                "company": "  Acme   Corp ",
                "role": "Data Analyst",
                "posting_url": "https://acme.test/jobs/1",
                "applied_on": "2026-11-16",
                "culture": "traditional",
                "name": "Jane Doe",
                "email": "jane@acme.test",
                "title": "Recruiter",
            },
        )
        application = Application.objects.get(owner=self.alice)
        self.assertRedirects(response, reverse("application", args=[application.id]))
        self.assertEqual(application.company.name, "Acme Corp")
        self.assertEqual(application.company.culture, "traditional")
        self.assertEqual(application.stage, "applied")
        self.assertEqual(application.events.get().kind, EventKind.APPLIED)
        self.assertEqual(self.open_step(application, StepKind.CHECK_IN).attempt, 1)
        jane = application.contacts.get()
        self.assertEqual(
            (jane.name, jane.title, jane.company), ("Jane Doe", "Recruiter", application.company)
        )

    def test_typing_a_known_company_reuses_it(self) -> None:
        known = self.add("Acme").company
        self.post(URL, {"company": "Acme", "role": "Engineer"})
        self.assertEqual(Company.objects.filter(owner=self.alice).count(), 1)
        self.assertEqual(Application.objects.filter(company=known).count(), 2)

    def test_a_saved_job_has_no_event_yet(self) -> None:
        self.post(URL, {"company": "Acme", "role": "Engineer"})
        application = Application.objects.get(owner=self.alice)
        self.assertEqual(application.stage, "saved")
        self.assertFalse(application.events.exists())

    def assert_refused(self, data: dict[str, str], sentence: str) -> None:
        response = self.post(URL, {"company": "Acme", "role": "Analyst", **data})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, sentence, status_code=400)
        self.assertFalse(Application.objects.exists())
        self.assertFalse(Event.objects.exists())
        self.assertFalse(Contact.objects.exists())

    def test_a_date_in_the_future_is_refused(self) -> None:
        self.assert_refused({"applied_on": "2026-11-17"}, "cannot be in the future")

    def test_a_contact_without_a_name_is_refused(self) -> None:
        self.assert_refused({"email": "jane@acme.test"}, "Give the person")
        response = self.post(URL, {"company": "Acme", "role": "Analyst", "email": "jane@acme.test"})
        self.assertContains(response, "Give the person's name.", status_code=400, html=True)

    def test_a_posting_that_is_not_a_web_address_is_refused(self) -> None:
        self.assert_refused(
            {"posting_url": "javascript:alert(1)"}, "must be a web address such as https:"
        )

    def test_the_role_is_required(self) -> None:
        self.assert_refused({"role": ""}, "The role cannot be empty.")

    def test_without_the_csrf_token_nothing_is_written(self) -> None:
        response = self.client.post(URL, {"company": "Acme", "role": "Analyst"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Application.objects.exists())


class TemporaryWorkTestCase(WebTestCase):
    def test_temporary_work_is_ticked_when_it_is_added(self) -> None:
        """003: "taking temporary assignments in the meantime" keeps the search going."""
        self.post(
            URL,
            {
                "company": "Temps Ltd",
                "role": "Cover",
                "applied_on": "2026-11-16",
                "temporary": "on",
            },
        )
        self.assertEqual(Application.objects.get(owner=self.alice).kind, Application.Kind.TEMPORARY)
