from __future__ import annotations

from datetime import date

from django.db import connection

from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, NextStep
from tests.base import BaseTestCase

MONDAY = date(2026, 11, 16)


class AgendaTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(MONDAY, 8))

    def interview(self, application: Application, day: date) -> None:
        self.log(application, EventKind.INTERVIEW_HELD, self.local(day, 10))

    def test_today_shows_what_can_be_done_by_tonight_and_what_is_overdue(self) -> None:
        late = self.add("Late Ltd", applied_on=date(2026, 11, 2))  # check-in was due on the 9th
        fresh = self.add("Fresh plc", applied_on=date(2026, 11, 9))
        self.interview(fresh, MONDAY)
        agenda = services.agenda(self.alice, MONDAY)
        seen = {(s.application_id, s.kind) for s in agenda.steps}
        self.assertIn((late.id, StepKind.CHECK_IN), seen)
        self.assertIn((fresh.id, StepKind.THANK_YOU), seen)  # due tomorrow, doable today
        self.assertNotIn((fresh.id, StepKind.FOLLOW_UP), seen)  # not before the 23rd

    def test_the_follow_up_appears_on_its_day(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        self.interview(application, MONDAY)
        kinds = {s.kind for s in services.agenda(self.alice, date(2026, 11, 23)).steps}
        self.assertIn(StepKind.FOLLOW_UP, kinds)

    def test_other_users_steps_never_appear(self) -> None:
        theirs = services.add_application(
            self.outsider, "Acme", "Analyst", applied_on=date(2026, 11, 2)
        )
        self.assertTrue(NextStep.objects.filter(application=theirs).exists())
        self.assertEqual(services.agenda(self.alice, MONDAY).steps, [])

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        self.add(applied_on=date(2026, 11, 2))
        services.agenda(self.alice, MONDAY)  # warms the profile and playbook caches
        with self.assertNumQueries(5) as one:
            services.agenda(self.alice, MONDAY)
        for n in range(20):
            self.interview(self.add(f"Company {n}", applied_on=date(2026, 11, 2)), MONDAY)
        with self.assertNumQueries(len(one.captured_queries)):
            agenda = services.agenda(self.alice, MONDAY)
            [step.application.company.name for step in agenda.steps]

    def test_the_agenda_query_uses_the_open_steps_index(self) -> None:
        self.add(applied_on=date(2026, 11, 2))
        until = self.local(MONDAY)
        query = NextStep.objects.filter(owner=self.alice, state="open", not_before__lt=until)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # A tiny table is cheapest to scan; ask what the planner does at scale.
                cursor.execute("SET enable_seqscan = off")
            plan = query.explain()
        self.assertIn("nextstep_open_agenda", plan)


class KeepSearchingTestCase(BaseTestCase):
    def test_a_week_without_applying_brings_the_nudge(self) -> None:
        self.add(applied_on=date(2026, 11, 2))
        nudge = services.agenda(self.alice, MONDAY).keep_searching
        assert nudge is not None
        self.assertEqual(nudge.kind, StepKind.KEEP_SEARCHING)

    def test_a_recent_application_keeps_it_away(self) -> None:
        self.add(applied_on=date(2026, 11, 2))
        self.add("Other", applied_on=date(2026, 11, 13))
        self.assertIsNone(services.agenda(self.alice, MONDAY).keep_searching)

    def test_no_nudge_without_an_active_application(self) -> None:
        self.add()  # saved, never sent
        self.assertIsNone(services.agenda(self.alice, MONDAY).keep_searching)

    def test_the_search_ends_with_an_official_accepted_offer_only(self) -> None:
        application = self.add(applied_on=date(2026, 10, 1))
        self.log(application, EventKind.OFFER_RECEIVED, self.local(date(2026, 11, 2)))
        self.log(application, EventKind.OFFER_ACCEPTED, self.local(date(2026, 11, 3)))
        self.assertIsNotNone(services.agenda(self.alice, MONDAY).keep_searching)
        # The written offer arrives and is signed.
        self.log(
            application, EventKind.OFFER_ACCEPTED, self.local(date(2026, 11, 4)), official=True
        )
        self.assertIsNone(services.agenda(self.alice, MONDAY).keep_searching)
