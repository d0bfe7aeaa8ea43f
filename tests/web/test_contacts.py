from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Contact
from tests.web.base import MONDAY, WebTestCase

URL = reverse("contacts")


class ContactsTestCase(WebTestCase):
    def test_people_with_company_applications_and_when_last_contacted(self) -> None:
        jane = services.ContactDetails("Jane Doe", "jane@acme.test", "+44 1", "Recruiter")
        application = self.add("Acme", "Analyst", applied_on=date(2026, 11, 2), contact=jane)
        self.log(application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 9), 9))
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<strong>Jane Doe</strong>", html=True)
        self.assertContains(response, "Recruiter")
        self.assertContains(response, "at Acme")
        self.assertContains(response, "+44 1")
        self.assertContains(response, "Analyst at Acme")
        self.assertContains(response, "last contacted Mon 9 Nov 09:00")

    def test_an_interview_with_someone_counts_as_contact(self) -> None:
        application = self.add("Acme", applied_on=date(2026, 11, 2))
        services.record_event(
            application,
            PlannedEvent(EventKind.INTERVIEW_HELD, self.local(MONDAY, 8)),
            people=[services.ContactDetails("Raj")],
        )
        response = self.client.get(URL)
        self.assertContains(response, "last contacted today 08:00")

    def test_someone_never_contacted(self) -> None:
        self.add("Acme", contact=services.ContactDetails("Jane"))
        self.assertContains(self.client.get(URL), "not contacted yet")

    def test_adding_a_person_with_a_new_company(self) -> None:
        response = self.post(URL, {"name": "Raj", "company": "Initech", "email": "raj@i.test"})
        self.assertRedirects(response, URL)
        raj = Contact.objects.get(owner=self.alice)
        self.assertEqual((raj.name, raj.company.name if raj.company else None), ("Raj", "Initech"))

    def test_a_bad_email_is_refused(self) -> None:
        response = self.post(URL, {"name": "Raj", "email": "raj at initech"})
        self.assertContains(
            response, "The e-mail address must look like jane@example.com", status_code=400
        )
        self.assertFalse(Contact.objects.exists())

    def test_a_name_is_required(self) -> None:
        response = self.post(URL, {"email": "raj@i.test"})
        self.assertContains(response, "Give the person's name.", status_code=400, html=True)

    def test_only_the_users_own_contacts(self) -> None:
        self.theirs()
        self.assertNotContains(self.client.get(URL), "Hank")

    def test_the_number_of_queries_does_not_grow_with_contacts(self) -> None:
        self.add("Acme", applied_on=date(2026, 11, 2), contact=services.ContactDetails("Jane"))
        with self.assertNumQueries(7):
            self.client.get(URL)
        for n in range(10):
            self.add(
                f"Co {n}", applied_on=date(2026, 11, 2), contact=services.ContactDetails(f"P{n}")
            )
        with self.assertNumQueries(7):
            self.client.get(URL)
