"""Every date nextsteps accepts is one it can compute with: events at the ends of
what the field rules allow are planned, and the feed, the digest and the agenda are
made from them (issue 12: one far-future date once broke the feed for good)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.urls import reverse

from nextsteps.fields import EARLIEST_DAY, latest_day
from nextsteps.playbook import Event, EventKind
from nextsteps.reminders import digests
from nextsteps.reminders.services import feed
from nextsteps.tracker import services
from tests.base import LONDON
from tests.web.base import MONDAY, WebTestCase

LAST = latest_day(MONDAY)


class DatesAtTheBoundsTestCase(WebTestCase):
    def test_the_plan_feed_digest_and_agenda_hold_the_last_day_allowed(self) -> None:
        applied = self.add("Acme", applied_on=EARLIEST_DAY)
        services.record_event(
            applied,
            Event(EventKind.EMPLOYER_REPLIED, self.local(MONDAY, 9), decision_by=LAST,
                  wait_until=LAST),
        )  # fmt: skip
        booked = self.add("Globex", applied_on=MONDAY)
        services.record_event(
            booked,
            Event(EventKind.INTERVIEW_SCHEDULED, datetime.combine(LAST, time(23, 30), LONDON)),
        )  # fmt: skip
        material = self.add("Initech", applied_on=MONDAY)
        services.record_event(
            material,
            Event(EventKind.MATERIALS_REQUESTED, self.local(MONDAY, 9),
                  due=datetime.combine(LAST, time(23, 59), LONDON)),
            note="Two references",
        )  # fmt: skip
        self.assertTrue(services.open_steps(applied))
        self.assertIn(b"BEGIN:VEVENT", feed(self.profile, self.now))
        for day in (EARLIEST_DAY, MONDAY, LAST):
            with self.subTest(day=day):
                services.agenda(self.alice, day, ahead_days=14)
                moment = self.local(day, 8)
                digests.compose(self.alice, self.profile, day, moment)
        self.assertEqual(self.client.get(reverse("today")).status_code, 200)
        self.assertEqual(
            self.client.get(reverse("application", args=[applied.id])).status_code, 200
        )

    def test_a_day_past_the_bounds_is_refused_before_anything_is_computed(self) -> None:
        for day in (date(1969, 12, 31), date.fromordinal(LAST.toordinal() + 1)):
            with self.subTest(day=day), self.assertRaisesRegex(ValueError, "The day"):
                services.agenda(self.alice, day)
