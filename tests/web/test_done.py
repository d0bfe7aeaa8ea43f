from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import Event, NextStep
from tests.web.base import MONDAY, WebTestCase


class DoneTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.thank_you = self.open_step(self.application, StepKind.THANK_YOU)

    def done(self, step: NextStep, **data: str) -> object:
        return self.post(reverse("step-done", args=[step.id]), data)

    def test_done_records_the_event_that_does_the_step(self) -> None:
        response = self.done(self.thank_you)
        self.assertRedirects(response, reverse("today"), fetch_redirect_response=False)
        event = self.application.events.get(kind=EventKind.THANK_YOU_SENT)
        self.assertEqual((event.at, event.channel), (self.local(MONDAY, 10), "email"))
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.DONE)
        today = self.client.get(reverse("today"))
        self.assertNotIn(StepKind.THANK_YOU, [c.step.kind for c in today.context["day"].today])
        self.assertContains(today, "Thank-you sent: recorded for Data Analyst at Acme.")

    def test_the_handwritten_note_is_recorded_as_a_card(self) -> None:
        application = self.interviewed("Old Firm", day=date(2026, 11, 13), culture="traditional")
        note = self.open_step(application, StepKind.HANDWRITTEN_NOTE)
        self.done(note)
        self.assertEqual(application.events.get(kind="thank-you").channel, "card")
        # 002: "Send a Thank You Email/Card": the card is the thank-you too.
        done = {s.kind for s in application.steps.filter(state="done")}
        self.assertEqual(done, {StepKind.HANDWRITTEN_NOTE, StepKind.THANK_YOU})

    def test_a_second_click_records_nothing_more(self) -> None:
        self.done(self.thank_you)
        response = self.done(self.thank_you)
        self.assertRedirects(response, reverse("today"))
        self.assertEqual(Event.objects.filter(kind=EventKind.THANK_YOU_SENT).count(), 1)

    def test_a_step_that_cannot_start_yet_is_refused(self) -> None:
        follow_up = self.open_step(self.application, StepKind.FOLLOW_UP)  # on the 23rd
        response = self.done(follow_up)
        self.assertContains(response, "cannot be done yet", status_code=409)
        self.assertFalse(Event.objects.filter(kind=EventKind.FOLLOW_UP_SENT).exists())

    def test_preparing_an_interview_needs_its_form(self) -> None:
        tuesday = date(2026, 11, 17)
        self.log(self.application, EventKind.INTERVIEW_SCHEDULED, self.local(tuesday, 15))
        prepare = self.open_step(self.application, StepKind.PREPARE_INTERVIEW)
        response = self.done(prepare)
        self.assertContains(response, "filling in its form", status_code=409)
        self.assertEqual(self.application.events.filter(kind="interview").count(), 1)

    def test_it_goes_back_to_the_page_it_came_from(self) -> None:
        page = reverse("application", args=[self.application.id])
        response = self.done(self.thank_you, next=page)
        self.assertRedirects(response, page)

    def test_it_never_sends_the_user_to_another_site(self) -> None:
        response = self.done(self.thank_you, next="https://evil.test/")
        self.assertRedirects(response, reverse("today"))

    def test_with_htmx_the_redirect_leads_to_the_fresh_page(self) -> None:
        response = self.post(
            reverse("step-done", args=[self.thank_you.id]), {}, HTTP_HX_REQUEST="true", follow=True
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, f'id="step-{self.thank_you.id}"')

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        response = self.post_as(
            self.client_for(self.outsider), reverse("step-done", args=[self.thank_you.id])
        )
        self.assertEqual(response.status_code, 404)
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.OPEN)

    def test_get_is_not_allowed(self) -> None:
        response = self.client.get(reverse("step-done", args=[self.thank_you.id]))
        self.assertEqual(response.status_code, 405)
