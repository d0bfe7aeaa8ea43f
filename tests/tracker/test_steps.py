"""Doing and skipping steps through the services, and people on events."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, Contact, Event, NextStep
from tests.base import INTERVIEW_DAY, BaseTestCase


class StepTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        # The Monday after: the thank-you (due Saturday) is still worth doing.
        self.pin_clock(self.local(date(2026, 11, 9), 12))
        self.application = self.application_interviewed()

    def step(self, kind: StepKind) -> NextStep:
        return self.application.steps.get(kind=kind, state=NextStep.State.OPEN)

    def states(self, kind: StepKind) -> list[str]:
        return list(self.application.steps.filter(kind=kind).values_list("state", flat=True))


class CompleteStepTestCase(StepTestCase):
    def test_done_is_the_completing_event(self) -> None:
        thank_you = self.step(StepKind.THANK_YOU)
        recorded = services.complete_step(thank_you, self.local(INTERVIEW_DAY, 15))
        self.assertEqual((recorded.event.kind, recorded.event.channel), ("thank-you", "email"))
        thank_you.refresh_from_db()
        self.assertEqual(thank_you.state, NextStep.State.DONE)

    def test_a_closed_step_is_not_done_twice(self) -> None:
        thank_you = self.step(StepKind.THANK_YOU)
        services.complete_step(thank_you, self.local(INTERVIEW_DAY, 15))
        with pytest.raises(services.StepRefused, match="already done"):
            services.complete_step(thank_you, self.local(INTERVIEW_DAY, 16))
        self.assertEqual(Event.objects.filter(kind=EventKind.THANK_YOU_SENT).count(), 1)

    def test_a_timed_step_waits_for_its_moment(self) -> None:
        thank_you = self.step(StepKind.THANK_YOU)  # from 11:00
        with pytest.raises(services.StepRefused, match="cannot be done yet"):
            services.complete_step(thank_you, self.local(INTERVIEW_DAY, 10, 30))

    def test_a_step_for_a_day_can_be_done_all_that_day(self) -> None:
        follow_up = self.step(StepKind.FOLLOW_UP)  # Fri 13 Nov, 09:00
        early_morning = self.local(date(2026, 11, 13), 7)
        self.assertTrue(services.can_start(follow_up, early_morning))
        self.assertFalse(services.can_start(follow_up, self.local(date(2026, 11, 12), 23)))
        with time_machine.travel(early_morning, tick=False):
            services.complete_step(follow_up, early_morning)
        self.assertEqual(self.states(StepKind.FOLLOW_UP), ["done", "open"])  # the second one

    def test_preparing_an_interview_takes_the_form(self) -> None:
        self.log(self.application, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 20), 9))
        prepare = self.step(StepKind.PREPARE_INTERVIEW)
        with pytest.raises(services.StepRefused, match="form"):
            services.complete_step(prepare, self.local(date(2026, 11, 20), 9))


class SkipStepTestCase(StepTestCase):
    def test_a_skipped_step_survives_replans_while_the_plan_proposes_it_unchanged(self) -> None:
        follow_up = self.step(StepKind.FOLLOW_UP)
        services.skip_step(follow_up, "Called them", self.local(INTERVIEW_DAY, 12))
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 15))
        self.log(self.application, EventKind.REFLECTED, self.local(INTERVIEW_DAY, 16))
        self.assertEqual(self.states(StepKind.FOLLOW_UP), ["skipped"])
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.skip_reason, "Called them")

    def test_a_moved_step_is_a_new_one(self) -> None:
        services.skip_step(self.step(StepKind.FOLLOW_UP), "Later", self.local(INTERVIEW_DAY, 12))
        self.log(
            self.application,
            EventKind.EMPLOYER_REPLIED,
            self.local(date(2026, 11, 9), 10),
            decision_by=date(2026, 11, 20),
        )
        self.assertEqual(sorted(self.states(StepKind.FOLLOW_UP)), ["open", "skipped"])
        self.assertEqual(self.step(StepKind.FOLLOW_UP).due, self.local(date(2026, 11, 23)))

    def test_a_reason_is_required(self) -> None:
        with pytest.raises(services.StepRefused, match="why"):
            services.skip_step(self.step(StepKind.THANK_YOU), "  ", self.local(INTERVIEW_DAY, 12))
        self.assertEqual(self.states(StepKind.THANK_YOU), ["open"])

    def test_a_closed_step_cannot_be_skipped(self) -> None:
        thank_you = self.step(StepKind.THANK_YOU)
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 15))
        with pytest.raises(services.StepRefused, match="already done"):
            services.skip_step(thank_you, "No", self.local(INTERVIEW_DAY, 16))


class PeopleTestCase(StepTestCase):
    def test_people_on_an_event_join_the_application(self) -> None:
        jane = services.add_contact(self.alice, services.ContactDetails("Jane"), "Acme")
        recorded = services.record_event(
            self.application,
            PlannedEvent(EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 9))),
            people=[jane, services.ContactDetails("Raj", "raj@acme.test")],
        )
        self.assertEqual({c.name for c in recorded.event.contacts.all()}, {"Jane", "Raj"})
        self.assertEqual({c.name for c in self.application.contacts.all()}, {"Jane", "Raj"})
        self.assertEqual(Contact.objects.get(name="Raj").company, self.application.company)

    def test_someone_elses_contact_is_refused_and_nothing_is_written(self) -> None:
        theirs = services.add_contact(self.outsider, services.ContactDetails("Hank"))
        events = Event.objects.count()
        with pytest.raises(services.NotFound):
            services.record_event(
                self.application,
                PlannedEvent(EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 9))),
                people=[theirs],
            )
        self.assertEqual(Event.objects.count(), events)

    def test_linking_an_outsiders_contact_is_refused(self) -> None:
        theirs = services.add_contact(self.outsider, services.ContactDetails("Hank"))
        with pytest.raises(services.NotFound):
            services.link_contact(self.application, theirs)


class ReplanAllTestCase(BaseTestCase):
    def test_a_new_calendar_moves_every_plan(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))  # check in on Mon 9 Nov
        self.add("Saved only")
        self.profile.working_days = "tue,wed,thu,fri"
        self.profile.save()
        self.assertEqual(services.replan_all(self.alice), 1)
        check_in = application.steps.get(state="open")
        self.assertEqual(check_in.due, self.local(date(2026, 11, 10)))
        self.assertEqual(Application.objects.filter(owner=self.alice).count(), 2)
