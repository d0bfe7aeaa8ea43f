from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent, StepKind
from nextsteps.playbook.timeline import Channel, Stage
from nextsteps.tracker import services
from nextsteps.tracker.models import Event, NextStep
from tests.base import INTERVIEW_DAY, BaseTestCase


class RecordEventTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(INTERVIEW_DAY, 12))
        self.application = self.application_interviewed()

    def open_kinds(self) -> set[str]:
        return {s.kind for s in services.open_steps(self.application)}

    def test_an_interview_plans_reflection_thank_you_and_the_follow_up_on_the_13th(self) -> None:
        self.assertEqual(
            self.open_kinds(), {StepKind.REFLECT, StepKind.THANK_YOU, StepKind.FOLLOW_UP}
        )
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.assertEqual(follow_up.due, self.local(date(2026, 11, 13)))
        self.assertTrue(follow_up.sources)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.INTERVIEWING)
        self.assertEqual(self.application.applied_on, date(2026, 10, 26))

    def test_the_check_in_was_cancelled_by_the_interview(self) -> None:
        check_in = self.application.steps.get(kind=StepKind.CHECK_IN)
        self.assertEqual(check_in.state, NextStep.State.CANCELLED)

    def test_sending_the_thank_you_marks_it_done_and_keeps_the_other_rows(self) -> None:
        before = {s.kind: s.id for s in services.open_steps(self.application)}
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 15))
        thank_you = NextStep.objects.get(pk=before[StepKind.THANK_YOU])
        self.assertEqual(thank_you.state, NextStep.State.DONE)
        self.assertIsNotNone(thank_you.closed_at)
        after = {s.kind: s.id for s in services.open_steps(self.application)}
        self.assertEqual(after[StepKind.FOLLOW_UP], before[StepKind.FOLLOW_UP])
        self.assertNotIn(StepKind.THANK_YOU, after)

    def test_a_moved_step_keeps_its_row_and_raises_its_sequence(self) -> None:
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.log(
            self.application,
            EventKind.EMPLOYER_REPLIED,
            self.local(date(2026, 11, 10)),
            decision_by=date(2026, 11, 20),
        )
        moved = self.application.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        self.assertEqual(moved.id, follow_up.id)
        self.assertEqual(moved.due, self.local(date(2026, 11, 23)))
        self.assertEqual(moved.sequence, follow_up.sequence + 1)

    def test_a_card_counts_as_the_thank_you(self) -> None:
        """002: "Send a Thank You Email/Card"."""
        thank_you = self.application.steps.get(kind=StepKind.THANK_YOU, state="open")
        self.log(
            self.application,
            EventKind.THANK_YOU_SENT,
            self.local(INTERVIEW_DAY, 15),
            channel=Channel.CARD,
        )
        self.assertNotIn(StepKind.THANK_YOU, self.open_kinds())
        thank_you.refresh_from_db()
        self.assertEqual(thank_you.state, NextStep.State.DONE)

    def test_a_rejection_ends_the_follow_ups_and_asks_for_a_gracious_reply(self) -> None:
        self.log(self.application, EventKind.REJECTED, self.local(date(2026, 11, 10)))
        self.assertEqual(self.open_kinds(), {StepKind.REPLY_TO_REJECTION})
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.CLOSED)

    def test_an_early_follow_up_is_recorded_with_a_warning(self) -> None:
        recorded = self.log(
            self.application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 9))
        )
        self.assertEqual(len(recorded.warnings), 1)
        self.assertIn("early", recorded.warnings[0])
        self.assertIn("2026-11-13", recorded.warnings[0])
        self.assertTrue(Event.objects.filter(kind=EventKind.FOLLOW_UP_SENT).exists())

    def test_a_follow_up_on_its_day_has_no_warning(self) -> None:
        recorded = self.log(
            self.application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 13), 10)
        )
        self.assertEqual(recorded.warnings, [])
        self.assertEqual(
            self.application.steps.get(kind=StepKind.FOLLOW_UP, attempt=1).state,
            NextStep.State.DONE,
        )

    def test_an_impossible_event_is_refused_before_anything_is_written(self) -> None:
        events = Event.objects.count()
        with pytest.raises(InvalidEvent):
            self.log(
                self.application,
                EventKind.INTERVIEW_HELD,
                self.local(date(2026, 11, 20), 10),
                end=self.local(date(2026, 11, 20), 9),
            )
        self.assertEqual(Event.objects.count(), events)

    def test_a_failing_replan_leaves_no_event_behind(self) -> None:
        # A playbook that no longer exists (say, removed in an upgrade) fails the plan.
        self.profile.playbook = "retired"
        self.profile.save()
        events, steps = Event.objects.count(), list(NextStep.objects.values_list("id", "state"))
        with pytest.raises(ValueError, match="retired"):
            self.log(self.application, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 9)))
        self.assertEqual(Event.objects.count(), events)
        self.assertEqual(list(NextStep.objects.values_list("id", "state")), steps)

    def test_an_outsider_cannot_reach_the_application(self) -> None:
        with pytest.raises(services.NotFound):
            services.application_of(self.outsider, self.application.id)
        self.assertEqual(services.application_of(self.alice, self.application.id), self.application)


class AddApplicationTestCase(BaseTestCase):
    def test_a_saved_job_has_no_check_in(self) -> None:
        application = self.add()
        self.assertEqual(application.stage, Stage.SAVED)
        self.assertEqual(services.open_steps(application), [])

    def test_an_application_plans_one_check_in_a_week_later(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        (check_in,) = services.open_steps(application)
        self.assertEqual(check_in.kind, StepKind.CHECK_IN)
        self.assertEqual(check_in.due.date(), date(2026, 11, 2) + timedelta(days=7))

    def test_the_company_is_shared_between_applications(self) -> None:
        first = self.add("Acme", "Analyst")
        second = self.add(
            "Acme", "Engineer", contact=services.ContactDetails("Jane", "j@acme.test")
        )
        self.assertEqual(first.company_id, second.company_id)
        self.assertEqual(second.contacts.get().email, "j@acme.test")


class TimezoneChangeTestCase(BaseTestCase):
    def test_moving_timezone_keeps_earlier_events_valid(self) -> None:
        self.profile.timezone = "America/Los_Angeles"
        self.profile.save()
        application = self.add(applied_on=date(2026, 11, 2))
        los_angeles = self.profile.zone
        late_interview = datetime(2026, 11, 6, 23, 30, tzinfo=los_angeles)  # the 7th in London
        self.log(
            application, EventKind.INTERVIEW_HELD, late_interview, decision_by=date(2026, 11, 6)
        )

        self.profile.timezone = "Europe/London"
        self.profile.save()
        self.log(application, EventKind.THANK_YOU_SENT, self.local(date(2026, 11, 7), 10))
        self.assertNotIn(StepKind.THANK_YOU, {s.kind for s in services.open_steps(application)})


class InterviewJustHeldTestCase(BaseTestCase):
    """`nextsteps log 1 interview` right after it: the interview ended then."""

    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(INTERVIEW_DAY, 11, 30))
        self.application = self.add(applied_on=date(2026, 10, 26))

    def record(self, at: datetime) -> Event:
        planned = PlannedEvent(EventKind.INTERVIEW_HELD, at)
        return services.record_event(self.application, planned).event

    def thank_you_due(self) -> datetime:
        return self.application.steps.get(kind=StepKind.THANK_YOU, state="open").due

    def test_recorded_at_this_minute_it_ended_now_and_began_an_hour_before(self) -> None:
        event = self.record(self.local(INTERVIEW_DAY, 11, 30))
        self.assertEqual(
            (event.at, event.end),
            (self.local(INTERVIEW_DAY, 10, 30), self.local(INTERVIEW_DAY, 11, 30)),
        )
        self.assertEqual(
            self.thank_you_due(), self.local(INTERVIEW_DAY + timedelta(days=1), 11, 30)
        )

    def test_a_start_the_user_gave_keeps_the_usual_length(self) -> None:
        event = self.record(self.local(INTERVIEW_DAY, 11))
        self.assertEqual((event.at, event.end), (self.local(INTERVIEW_DAY, 11), None))
        self.assertEqual(self.thank_you_due(), self.local(INTERVIEW_DAY + timedelta(days=1), 12))
