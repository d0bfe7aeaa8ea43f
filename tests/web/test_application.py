from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker import services
from tests.web.base import MONDAY, WebTestCase


class ApplicationPageTestCase(WebTestCase):
    def test_the_page_shows_the_plan_with_reasons_and_the_timeline(self) -> None:
        application = self.interviewed()
        response = self.client.get(reverse("application", args=[application.id]))
        self.assertEqual(response.status_code, 200)
        kinds = [c.step.kind for c in response.context["cards"]]
        self.assertEqual(kinds, [StepKind.REFLECT, StepKind.THANK_YOU, StepKind.FOLLOW_UP])
        self.assertContains(response, "within 24 hours")
        self.assertContains(response, "Best Practices for Job Seekers")
        whats = [line.what for line in response.context["timeline"]]
        self.assertEqual(whats, ["Interview held", "Applied"])
        self.assertContains(response, "until 09:45")

    def test_a_booked_interview_can_be_added_to_the_users_calendar(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        booked = self.log(
            application, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 19), 14)
        ).event
        response = self.client.get(reverse("application", args=[application.id]))
        link = reverse("interview-ics", args=[booked.id])
        self.assertContains(response, f'<a href="{link}" download>Add to my calendar (.ics)</a>')
        download = self.client.get(link)
        self.assertEqual(download["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn(b"SUMMARY:Interview: Data Analyst at Acme", download.content)

    def test_right_after_an_interview_the_reflection_form_comes_first_and_open(self) -> None:
        application = self.interviewed()
        response = self.client.get(reverse("application", args=[application.id]))
        names = [name for name, _ in response.context["forms"]]
        self.assertEqual(names[0], "reflection")
        self.assertEqual(response.context["open_form"], "reflection")
        self.assertContains(response, '<details id="form-reflection" class="quick" open>')

    def test_without_a_pending_reflection_no_reflection_form(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        response = self.client.get(reverse("application", args=[application.id]))
        names = [name for name, _ in response.context["forms"]]
        self.assertNotIn("reflection", names)
        self.assertEqual(names[:2], ["interview", "reply"])

    def test_people_and_notes_are_escaped(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        services.record_event(
            application,
            PlannedEvent(EventKind.EMPLOYER_REPLIED, self.local(MONDAY, 9)),
            note="<img src=x onerror=alert(1)>\nsecond line",
            people=[services.ContactDetails("<b>Bold</b>")],
        )
        response = self.client.get(reverse("application", args=[application.id]))
        self.assertNotContains(response, "<img src=x")
        self.assertContains(response, "&lt;img src=x onerror=alert(1)&gt;<br>second line")
        self.assertContains(response, "&lt;b&gt;Bold&lt;/b&gt;")

    def test_skipped_steps_are_listed_with_their_reason(self) -> None:
        application = self.interviewed()
        step = self.open_step(application, StepKind.THANK_YOU)
        services.skip_step(step, "Thanked them in person", self.local(MONDAY, 10))
        response = self.client.get(reverse("application", args=[application.id]))
        self.assertContains(response, "<q>Thanked them in person</q>")


class ApplicationPageQueriesTestCase(WebTestCase):
    def test_the_number_of_queries_does_not_grow_with_applications_events_or_people(
        self,
    ) -> None:
        application = self.interviewed("First")
        first = services.ContactDetails("Someone", "someone@first.test")
        services.add_contact(self.alice, first, application=application)
        url = reverse("application", args=[application.id])
        self.client.get(url)  # warms the playbook cache
        with self.assertNumQueries(15) as one:
            self.client.get(url)
        for n in range(19):
            self.interviewed(f"Company {n}")
        for n in range(5):
            details = services.ContactDetails(f"Person {n}", f"person{n}@first.test")
            services.add_contact(self.alice, details, application=application)
        self.log(application, EventKind.EMPLOYER_REPLIED, self.local(MONDAY, 9, 50))
        with self.assertNumQueries(len(one.captured_queries)):
            response = self.client.get(url)
        self.assertContains(response, "Person 4")
        # One round trip a query: on PostgreSQL a choice of contacts would otherwise
        # read them through a server-side cursor (DECLARE, FETCH, CLOSE).
        declared = [q["sql"] for q in one.captured_queries if q["sql"].startswith("DECLARE")]
        self.assertEqual(declared, [])


class AddPersonTestCase(WebTestCase):
    def test_a_new_person_joins_the_application_and_its_company(self) -> None:
        application = self.add()
        url = reverse("application-people", args=[application.id])
        response = self.post(url, {"person-name": "Jane Doe", "person-email": "jane@acme.test"})
        self.assertRedirects(response, reverse("application", args=[application.id]))
        jane = application.contacts.get()
        self.assertEqual((jane.email, jane.company), ("jane@acme.test", application.company))

    def test_someone_already_known_can_be_picked(self) -> None:
        first = self.add("Acme", contact=services.ContactDetails("Jane"))
        second = self.add("Acme", "Engineer")
        jane = first.contacts.get()
        self.post(reverse("application-people", args=[second.id]), {"person-known": jane.id})
        self.assertEqual(list(second.contacts.all()), [jane])

    def test_nobody_named_nobody_picked_is_refused(self) -> None:
        application = self.add()
        response = self.post(reverse("application-people", args=[application.id]), {})
        self.assertContains(response, "Pick someone you know", status_code=400)
        self.assertFalse(application.contacts.exists())

    def test_the_outsiders_contact_cannot_be_picked(self) -> None:
        hank = self.theirs().contacts.get()
        application = self.add()
        url = reverse("application-people", args=[application.id])
        response = self.post(url, {"person-known": hank.id})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(application.contacts.exists())

    def test_a_known_person_who_is_no_row_at_all_is_refused(self) -> None:
        application = self.add()
        url = reverse("application-people", args=[application.id])
        response = self.post(url, {"person-known": "99999999999999999999"})
        self.assertContains(response, "not one of the available choices", status_code=400)
        self.assertFalse(application.contacts.exists())


class MissedStepsTestCase(WebTestCase):
    now = WebTestCase.now.replace(day=20)

    def test_a_lapsed_step_shows_in_the_timeline_as_missed_and_not_in_the_plan(self) -> None:
        """001: a thank-you within 24 hours; three days on, it no longer helps."""
        application = self.interviewed()
        response = self.client.get(reverse("application", args=[application.id]))
        kinds = [c.step.kind for c in response.context["cards"]]
        self.assertNotIn(StepKind.THANK_YOU, kinds)
        self.assertNotIn(StepKind.REFLECT, kinds)
        whats = [line.what for line in response.context["timeline"]]
        self.assertEqual(
            whats, ["Missed: Thank-you", "Missed: Reflect", "Interview held", "Applied"]
        )
