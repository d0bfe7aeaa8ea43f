"""Steps nobody did lapse: hidden as soon as their window passes, written lapsed at
the next replan, shown in the timeline as missed."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from django.utils import timezone

from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, NextStep
from tests.base import INTERVIEW_DAY, BaseTestCase


class LapseTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(INTERVIEW_DAY, 12))
        self.application = self.application_interviewed()
        self.thank_you = self.application.steps.get(kind=StepKind.THANK_YOU)

    def kinds_on(self, day: date) -> set[str]:
        return {s.kind for s in services.agenda(self.alice, day, ahead_days=10).steps}

    def test_every_step_stores_when_it_lapses(self) -> None:
        """001: within 24 hours; a late thank-you is still worth it for three days more."""
        self.assertEqual(self.thank_you.lapses_at, self.local(date(2026, 11, 10), 11))
        follow_up = self.application.steps.get(kind=StepKind.FOLLOW_UP)
        self.assertIsNone(follow_up.lapses_at)

    def test_a_passed_window_hides_the_step_with_nothing_written(self) -> None:
        with time_machine.travel(self.local(date(2026, 11, 10), 10, 59), tick=False):
            self.assertIn(StepKind.THANK_YOU, self.kinds_on(date(2026, 11, 10)))
        with time_machine.travel(self.local(date(2026, 11, 10), 11), tick=False):
            self.assertNotIn(StepKind.THANK_YOU, self.kinds_on(date(2026, 11, 10)))
            self.assertNotIn(
                StepKind.THANK_YOU, {s.kind for s in services.open_steps(self.application)}
            )
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.OPEN)

    def test_the_next_replan_writes_it_lapsed_and_keeps_it_so(self) -> None:
        with time_machine.travel(self.local(date(2026, 11, 13), 10), tick=False):
            self.log(self.application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 13), 10))
            self.log(
                self.application, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 13), 12)
            )
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.LAPSED)
        self.assertEqual(self.thank_you.closed_at, self.thank_you.lapses_at)
        thank_yous = self.application.steps.filter(kind=StepKind.THANK_YOU)
        self.assertEqual(thank_yous.count(), 1)  # not planned again as a new row

    def test_a_stale_reflection_no_longer_hides_the_follow_up(self) -> None:
        """002: analyse "immediately after the interview"; a week on, the follow-up is next."""
        with time_machine.travel(self.local(date(2026, 11, 13), 10), tick=False):
            (first, *_) = services.open_steps(self.application)
            self.assertEqual(first.kind, StepKind.FOLLOW_UP)
            missed = self.application.steps.missed(self.local(date(2026, 11, 13), 10))
            self.assertEqual({s.kind for s in missed}, {StepKind.REFLECT, StepKind.THANK_YOU})

    def test_sending_the_thank_you_ends_the_reflection(self) -> None:
        """002: the reflection is for before the thank-you; once it has gone, it lapses."""
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 12))
        reflect = self.application.steps.get(kind=StepKind.REFLECT)
        self.assertEqual(reflect.state, NextStep.State.LAPSED)
        self.assertEqual(reflect.lapses_at, self.local(INTERVIEW_DAY, 12))

    def test_a_thank_you_recorded_late_but_sent_in_time_is_done_not_missed(self) -> None:
        """An interview and its thank-you recorded a week after both happened: the
        interview's replan wrote the thank-you lapsed, the thank-you's undoes it."""
        with time_machine.travel(self.local(date(2026, 11, 16), 10), tick=False):
            late = self.application_interviewed()
            thank_you = late.steps.get(kind=StepKind.THANK_YOU)
            self.assertEqual(thank_you.state, NextStep.State.LAPSED)
            sent = self.local(INTERVIEW_DAY, 17)
            self.log(late, EventKind.THANK_YOU_SENT, sent)
        thank_you.refresh_from_db()
        self.assertEqual(thank_you.state, NextStep.State.DONE)
        missed = late.steps.missed(self.local(date(2026, 11, 16), 10))
        self.assertNotIn(StepKind.THANK_YOU, {s.kind for s in missed})

    def interviews_recorded_late(
        self, *days: date, then: tuple[EventKind, datetime]
    ) -> Application:
        """An application whose interviews on `days` (10:00 to 11:00) and then event
        were all recorded on Friday 20 November."""
        late = self.add(applied_on=date(2026, 10, 26))
        with time_machine.travel(self.local(date(2026, 11, 20), 10), tick=False):
            for day in days:
                end = self.local(day, 11)
                self.log(late, EventKind.INTERVIEW_HELD, self.local(day, 10), end=end)
            self.log(late, *then)
        return late

    def test_of_two_interviews_recorded_late_the_second_ones_thank_you_is_done(self) -> None:
        sent = (EventKind.THANK_YOU_SENT, self.local(date(2026, 11, 16), 17))
        late = self.interviews_recorded_late(date(2026, 11, 9), date(2026, 11, 16), then=sent)
        states = late.steps.filter(kind=StepKind.THANK_YOU).order_by("due")
        self.assertEqual([s.state for s in states], [NextStep.State.LAPSED, NextStep.State.DONE])

    def test_one_reflection_recorded_late_does_one_reflection(self) -> None:
        reflected = (EventKind.REFLECTED, self.local(date(2026, 11, 10), 12))
        late = self.interviews_recorded_late(date(2026, 11, 9), date(2026, 11, 10), then=reflected)
        done = late.steps.filter(kind=StepKind.REFLECT, state=NextStep.State.DONE)
        self.assertEqual([s.not_before.date() for s in done], [date(2026, 11, 10)])

    def test_an_interview_recorded_after_it_began_does_its_preparation(self) -> None:
        """However late "interview held" is recorded, the preparation was for it."""
        booked = self.add(applied_on=date(2026, 10, 26))
        self.log(booked, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 20), 10))
        with time_machine.travel(self.local(date(2026, 11, 20), 11, 5), tick=False):
            self.log(booked, EventKind.INTERVIEW_HELD, self.local(date(2026, 11, 20), 10, 5))
        prepare = booked.steps.get(kind=StepKind.PREPARE_INTERVIEW)
        self.assertEqual(prepare.state, NextStep.State.DONE)


class OfferTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(date(2026, 11, 9), 16))

    def accept(self, application: Application) -> None:
        self.log(
            application, EventKind.OFFER_RECEIVED, self.local(date(2026, 11, 9), 15), official=True
        )
        self.log(application, EventKind.OFFER_ACCEPTED, self.local(date(2026, 11, 9), 16))
        application.refresh_from_db()

    def test_accepting_an_official_offer_ends_the_search(self) -> None:
        """000: "You can give up the search once an offer of employment is official." """
        job = self.add(applied_on=date(2026, 10, 26))
        self.accept(job)
        self.assertTrue(job.ends_search)
        self.assertIsNone(services.search_nudge(self.alice, self.profile, date(2026, 11, 20)))

    def test_accepting_temporary_work_keeps_the_search_going(self) -> None:
        """003: "keep working and earning by taking temporary assignments in the meantime"."""
        job = self.add(applied_on=date(2026, 10, 26), temporary=True)
        self.accept(job)
        self.assertFalse(job.ends_search)
        self.assertIsNotNone(services.search_nudge(self.alice, self.profile, date(2026, 11, 20)))

    def test_a_spoken_offer_plans_asking_for_it_in_writing(self) -> None:
        job = self.add(applied_on=date(2026, 10, 26))
        self.log(job, EventKind.OFFER_RECEIVED, self.local(date(2026, 11, 9), 15))
        (step,) = services.open_steps(job)
        self.assertEqual(step.kind, StepKind.ASK_FOR_WRITTEN_OFFER)
        self.assertIsNotNone(services.search_nudge(self.alice, self.profile, date(2026, 11, 20)))
        self.log(job, EventKind.OFFER_RECEIVED, self.local(date(2026, 11, 10), 9), official=True)
        step.refresh_from_db()
        self.assertEqual(step.state, NextStep.State.DONE)
        (answer,) = services.open_steps(job)
        self.assertEqual(answer.kind, StepKind.ANSWER_OFFER)


class PlanTestCase(BaseTestCase):
    """The application page reads its steps to do, missed and skipped in one query,
    the same as asking for each."""

    def test_one_query_gives_what_three_would(self) -> None:
        self.pin_clock(self.local(INTERVIEW_DAY, 12))
        application = self.application_interviewed()
        reflection = application.steps.get(kind=StepKind.REFLECT)
        services.skip_step(reflection, "Already done outside nextsteps", timezone.now())
        # The thank-you's window has passed by the 10th at 11:00: open but missed.
        with time_machine.travel(self.local(date(2026, 11, 12), 10), tick=False):
            now = timezone.now()
            with self.assertNumQueries(1):
                plan = services.plan_of(application, now)
            self.assertEqual(plan.to_do, services.open_steps(application, now))
            self.assertEqual(plan.missed, services.missed_steps(application, now))
            self.assertEqual([s.kind for s in plan.missed], [StepKind.THANK_YOU])
            self.assertEqual(plan.skipped, [reflection])
            self.assertTrue(plan.to_do)
