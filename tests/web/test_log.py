from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from nextsteps.outreach import services
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker.models import Application, Contact, Event, NextStep
from tests.web.base import MONDAY, WebTestCase


class LogTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.add(applied_on=date(2026, 11, 2))

    def record(self, form: str, **fields: Any) -> Any:
        url = reverse("log", args=[self.application.id, form])
        return self.post(url, {f"{form}-{k}": v for k, v in fields.items()})

    def assert_refused(self, response: Any, sentence: str) -> None:
        self.assertContains(response, sentence, status_code=400)
        self.assertEqual(self.application.events.count(), 1)  # only "applied"

    def open_kinds(self) -> set[str]:
        return set(
            self.application.steps.filter(state=NextStep.State.OPEN).values_list("kind", flat=True)
        )

    def test_get_opens_the_form_on_the_application_page(self) -> None:
        response = self.client.get(reverse("log", args=[self.application.id, "outcome"]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<details id="form-outcome" class="quick" open>')

    def test_an_unknown_form_is_not_found(self) -> None:
        response = self.record("party", day="2026-11-16")
        self.assertEqual(response.status_code, 404)

    def test_interview_held_with_the_people_and_their_dates(self) -> None:
        jane = Contact.objects.create(owner=self.alice, name="Jane")
        self.application.contacts.add(jane)
        response = self.record(
            "interview",
            day="2026-11-16",
            time="08:30",
            end="09:15",
            interviewers=[jane.id],
            new_name="Raj Patel",
            new_email="raj@acme.test",
            decision_by="2026-11-27",
            note="They will call the shortlist.",
        )
        self.assertRedirects(response, reverse("application", args=[self.application.id]))
        event = self.application.events.get(kind=EventKind.INTERVIEW_HELD)
        self.assertEqual(event.at, self.local(MONDAY, 8, 30))
        self.assertEqual(event.end, self.local(MONDAY, 9, 15))
        self.assertEqual(event.decision_by, date(2026, 11, 27))
        self.assertEqual(event.note, "They will call the shortlist.")
        self.assertEqual(sorted(c.name for c in event.contacts.all()), ["Jane", "Raj Patel"])
        self.assertEqual(self.application.contacts.count(), 2)
        self.assertEqual(
            self.open_kinds(), {StepKind.REFLECT, StepKind.THANK_YOU, StepKind.FOLLOW_UP}
        )

    def test_an_interview_in_the_future_is_refused(self) -> None:
        response = self.record("interview", day="2026-11-16", time="14:00")
        self.assert_refused(response, "record it as booked instead")

    def test_an_interview_ending_before_it_started_is_refused(self) -> None:
        response = self.record("interview", day="2026-11-16", time="09:00", end="08:00")
        self.assert_refused(response, "The end must be after the start.")
        self.assertFalse(Contact.objects.exists())

    def test_an_interviewer_who_is_no_row_at_all_is_refused_in_a_sentence(self) -> None:
        for pk in ("99999999999999999999", "-1", "jane"):
            with self.subTest(pk=pk):
                response = self.record(
                    "interview", day="2026-11-16", time="09:00", interviewers=[pk]
                )
                self.assert_refused(response, "is not one of the available choices")

    def test_a_new_interviewer_needs_a_name(self) -> None:
        response = self.record("interview", day="2026-11-16", time="09:00", new_email="x@y.test")
        self.assert_refused(response, "Give the new person")
        self.assertContains(response, "Give the new person's name.", status_code=400, html=True)

    def test_a_date_that_is_not_a_date_is_refused(self) -> None:
        response = self.record("reply", day="the 16th")
        self.assert_refused(response, "Enter a valid date.")

    def test_reply_with_a_decision_date_before_the_reply_is_refused(self) -> None:
        response = self.record("reply", day="2026-11-16", decision_by="2026-11-10")
        self.assert_refused(response, "is before the reply")

    def test_a_reply_without_a_time_is_now(self) -> None:
        self.record("reply", day="2026-11-16", wait_until="2026-11-30", note="Wait, please.")
        event = self.application.events.get(kind=EventKind.EMPLOYER_REPLIED)
        self.assertEqual(event.at, self.local(MONDAY, 10))
        self.assertEqual(event.wait_until, date(2026, 11, 30))
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.assertEqual(follow_up.due, self.local(date(2026, 11, 30)))

    def test_materials_requested_with_the_promised_time(self) -> None:
        self.record("materials", day="2026-11-16", note="Two references", due_day="2026-11-17")
        event = self.application.events.get(kind=EventKind.MATERIALS_REQUESTED)
        self.assertEqual(event.due, self.local(date(2026, 11, 17)))
        self.assertEqual(event.note, "Two references")
        self.assertIn(StepKind.SEND_MATERIALS, self.open_kinds())

    def test_materials_need_to_say_what(self) -> None:
        response = self.record("materials", day="2026-11-16")
        self.assert_refused(response, "Say what they asked for.")

    def test_an_official_offer(self) -> None:
        self.record("outcome", outcome="offer", official="on", day="2026-11-16")
        event = self.application.events.get(kind=EventKind.OFFER_RECEIVED)
        self.assertTrue(event.official)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "offer")

    def test_a_rejection_asks_for_a_gracious_reply(self) -> None:
        self.record("outcome", outcome="rejected", day="2026-11-16")
        self.assertEqual(self.open_kinds(), {StepKind.REPLY_TO_REJECTION})

    def test_an_outcome_must_be_chosen(self) -> None:
        response = self.record("outcome", day="2026-11-16")
        self.assert_refused(response, "This field is required.")

    def test_the_reflection_keeps_the_three_notes_and_fills_the_thank_you(self) -> None:
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(MONDAY, 8))
        self.record(
            "reflection",
            day="2026-11-16",
            strong_points="The SQL test",
            topics="- dashboards\n- their data warehouse",
        )
        event = self.application.events.get(kind=EventKind.REFLECTED)
        self.assertEqual(
            event.note,
            "Strong points: The SQL test\nTopics to mention: dashboards; their data warehouse",
        )
        self.assertNotIn(StepKind.REFLECT, self.open_kinds())
        thanks = self.open_step(self.application, StepKind.THANK_YOU)
        draft = services.draft(self.alice, thanks, MessageKind.THANK_YOU, self.now)
        self.assertIn("about dashboards and their data warehouse.", draft.body)
        self.assertIn("I believe The SQL test would", draft.body)

    def test_an_interview_can_be_booked_ahead(self) -> None:
        self.record("booked", day="2026-11-20", time="14:00")
        self.assertIn(StepKind.PREPARE_INTERVIEW, self.open_kinds())
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "interviewing")

    def test_something_else_in_the_past(self) -> None:
        self.record("event", what="follow-up", day="2026-11-09", channel="phone")
        event = self.application.events.get(kind=EventKind.FOLLOW_UP_SENT)
        self.assertEqual(event.channel, "phone")

    def test_something_else_in_the_future_is_refused_unless_booked(self) -> None:
        response = self.record("event", what="follow-up", day="2026-11-20")
        self.assert_refused(response, "record it once it has happened")
        self.record("event", what="interview-scheduled", day="2026-11-20", time="10:00")
        self.assertTrue(self.application.events.filter(kind="interview-scheduled").exists())

    def test_an_early_follow_up_is_recorded_with_a_warning(self) -> None:
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 11, 13), 9))
        response = self.record("event", what="follow-up", day="2026-11-16")
        self.assertEqual(self.application.events.filter(kind="follow-up").count(), 1)
        messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
        self.assertTrue(any("is early" in m for m in messages))

    def test_the_outsider_cannot_log_on_the_owners_application(self) -> None:
        bob = self.client_for(self.outsider)
        url = reverse("log", args=[self.application.id, "reply"])
        response = self.post_as(bob, url, {"reply-day": "2026-11-16"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Event.objects.filter(application=self.application).count(), 1)
        self.assertEqual(Application.objects.get().events.count(), 1)


class ContactOnTestCase(LogTestCase):
    def test_they_asked_you_to_call_on_a_day(self) -> None:
        """001: don't call the next day "unless they specifically asked you to"."""
        self.record(
            "interview", day="2026-11-16", time="09:00", end="09:45", contact_on="2026-11-18"
        )
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.assertEqual(follow_up.due, self.local(date(2026, 11, 18)))
        self.assertTrue(follow_up.why.startswith("They asked you to get in touch on Wed 18 Nov"))

    def test_a_reply_can_ask_for_a_call_too(self) -> None:
        self.record("interview", day="2026-11-09", time="09:00")
        self.record("reply", day="2026-11-16", time="08:00", contact_on="2026-11-17")
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.assertEqual(follow_up.due, self.local(date(2026, 11, 17)))

    def test_a_day_before_the_reply_is_refused(self) -> None:
        response = self.record("reply", day="2026-11-16", time="08:00", contact_on="2026-11-13")
        self.assert_refused(response, "They cannot ask you to get in touch on 2026-11-13")

    def test_an_official_offer_is_answered_by_their_deadline(self) -> None:
        self.record("interview", day="2026-11-09", time="09:00")
        self.record(
            "outcome", outcome="offer", official="on", decision_by="2026-11-20", day="2026-11-16"
        )
        step = self.application.steps.get(kind=StepKind.ANSWER_OFFER, state="open")
        self.assertEqual(step.due, self.local(date(2026, 11, 20)))
