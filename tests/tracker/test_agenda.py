from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

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


class GlanceTestCase(BaseTestCase):
    """Today's page reads the agenda cut to what it shows, grouped in SQL as
    `by_urgency` groups it in Python."""

    def setUp(self) -> None:
        super().setUp()
        # Stopped: steps a second either side of now stay there on a busy machine.
        self.pin_clock(self.local(MONDAY, 10), tick=False)
        for n, day in enumerate((2, 5, 9, 10, 12, 13)):
            self.add(f"Applied {n}", applied_on=date(2026, 11, day))
        for n in range(4):
            self.log(self.add(f"Met {n}"), EventKind.INTERVIEW_HELD, self.local(MONDAY, 8 + n))
        steps = NextStep.objects.filter(owner=self.alice).order_by("id")
        # Steps on the edges: a day's step on yesterday's last moment and today's first,
        # a timed one a second before and after now.
        now = timezone.now()
        midnight = self.local(MONDAY, 0)
        for step, (due, all_day) in zip(
            steps,
            [
                (midnight - timedelta(seconds=1), True),
                (midnight, True),
                (now - timedelta(seconds=1), False),
                (now + timedelta(seconds=1), False),
            ],
            strict=False,
        ):
            NextStep.objects.filter(pk=step.pk).update(
                due=due, all_day=all_day, not_before=min(due, step.not_before)
            )

    def glance(self, shown: tuple[int, int, int]) -> services.Glance:
        now = timezone.now().astimezone(self.profile.zone)
        return services.agenda_at_a_glance(self.alice, self.profile, now, 10, shown)

    def test_the_groups_are_those_of_the_whole_agenda(self) -> None:
        now = timezone.now().astimezone(self.profile.zone)
        whole = services.by_urgency(services.agenda(self.alice, MONDAY, ahead_days=10).steps, now)
        glance = self.glance((100, 100, 100))
        for group in ("overdue", "today", "later"):
            with self.subTest(group):
                expected = [s.id for s in getattr(whole, group)]
                self.assertTrue(expected)
                self.assertEqual([s.id for s in getattr(glance, group).steps], expected)
                self.assertEqual(getattr(glance, group).count, len(expected))

    def test_each_group_is_cut_to_its_first_steps_and_counted_whole(self) -> None:
        whole = self.glance((100, 100, 100))
        cut = self.glance((1, 2, 1))
        for group, shown in (("overdue", 1), ("today", 2), ("later", 1)):
            with self.subTest(group):
                ids = [s.id for s in getattr(whole, group).steps]
                self.assertEqual([s.id for s in getattr(cut, group).steps], ids[:shown])
                self.assertEqual(getattr(cut, group).count, len(ids))

    def test_the_number_of_queries_does_not_grow_with_steps(self) -> None:
        self.glance((1, 1, 1))  # warms the playbook cache
        with self.assertNumQueries(7) as before:
            self.glance((1, 1, 1))
        for n in range(10):
            self.log(self.add(f"More {n}"), EventKind.INTERVIEW_HELD, self.local(MONDAY, 9))
        with self.assertNumQueries(len(before.captured_queries)):
            glance = self.glance((5, 5, 5))
            [step.application.company.name for step in glance.today.steps]


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
