from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import NextStep
from tests.web.base import MONDAY, WebTestCase


class SkipTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.follow_up = self.open_step(self.application, StepKind.FOLLOW_UP)
        self.url = reverse("step-skip", args=[self.follow_up.id])

    def test_get_shows_the_step_and_asks_why(self) -> None:
        response = self.client.get(self.url)
        self.assertContains(response, "Why skip it?")
        self.assertContains(response, "Follow up with Acme about Data Analyst")

    def test_skipping_keeps_the_reason_and_leaves_today(self) -> None:
        response = self.post(self.url, {"reason": "  They  asked me not to "})
        self.assertRedirects(response, reverse("today"))
        self.follow_up.refresh_from_db()
        self.assertEqual(self.follow_up.state, NextStep.State.SKIPPED)
        self.assertEqual(self.follow_up.skip_reason, "They asked me not to")
        self.assertFalse(self.application.events.filter(kind=EventKind.FOLLOW_UP_SENT).exists())

    def test_a_skipped_step_does_not_come_back_when_the_plan_is_redone(self) -> None:
        self.post(self.url, {"reason": "Called them instead"})
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(MONDAY, 10))
        follow_ups = self.application.steps.filter(kind=StepKind.FOLLOW_UP)
        self.assertEqual([s.state for s in follow_ups], [NextStep.State.SKIPPED])

    def test_a_new_plan_brings_a_new_step(self) -> None:
        self.post(self.url, {"reason": "Called them instead"})
        self.log(
            self.application,
            EventKind.EMPLOYER_REPLIED,
            self.local(MONDAY, 10),
            decision_by=date(2026, 11, 27),
        )
        open_follow_up = self.open_step(self.application, StepKind.FOLLOW_UP)
        self.assertEqual(open_follow_up.due, self.local(date(2026, 11, 30)))
        self.assertNotEqual(open_follow_up.id, self.follow_up.id)

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        bob = self.client_for(self.outsider)
        self.assertEqual(bob.get(self.url).status_code, 404)
        self.assertEqual(self.post_as(bob, self.url, {"reason": "Not mine"}).status_code, 404)
        self.follow_up.refresh_from_db()
        self.assertEqual(self.follow_up.state, NextStep.State.OPEN)

    def test_a_reason_is_required(self) -> None:
        response = self.post(self.url, {"reason": "   "})
        self.assertContains(response, "Say in a few words why you skip it.", status_code=400)
        self.follow_up.refresh_from_db()
        self.assertEqual(self.follow_up.state, NextStep.State.OPEN)

    def test_skipping_twice_says_so(self) -> None:
        self.post(self.url, {"reason": "No"})
        response = self.post(self.url, {"reason": "No"}, follow=True)
        self.assertContains(response, "That step is already skipped.")
