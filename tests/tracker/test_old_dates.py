"""Dates stored before the field rules, as an older nextsteps wrote them (here behind
the services' back): the upgrade brings each within the days nextsteps plans with,
the event's note keeps what was typed, and every plan, calendar, digest and page can
be made from them again (issue 12: one far-future date broke the feed for good)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse

from nextsteps.fields import EARLIEST_DAY, latest_day
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.reminders import digests
from nextsteps.reminders.services import feed
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, Event, NextStep
from tests.outreach.base import INTERVIEW_DAY, OutreachTestCase
from tests.tracker.upgrade import UPGRADED_ON, upgraded
from tests.web.base import WebTestCase

LAST = latest_day(UPGRADED_ON)
END_OF_TIME = datetime(9999, 12, 31, 20, 0, tzinfo=UTC)
START_OF_TIME = datetime(1, 1, 1, 9, 0, tzinfo=UTC)
# Fourteen hours ahead of UTC: 9999-12-31 20:00 UTC is a day the calendar has not got.
KIRITIMATI = "Pacific/Kiritimati"


class OldDatesTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.replied = self.interviewed("Acme")
        self.log(self.replied, EventKind.EMPLOYER_REPLIED, self.local(UPGRADED_ON, 9, 30))
        self.reply = self.replied.events.get(kind=EventKind.EMPLOYER_REPLIED)
        Event.objects.filter(pk=self.reply.pk).update(
            decision_by=date(9999, 12, 31), wait_until=date(9999, 12, 31), note="Call back."
        )
        self.booked = self.add("Globex", applied_on=date(2026, 11, 2))
        self.log(self.booked, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 20), 9))
        self.interview = self.booked.events.get(kind=EventKind.INTERVIEW_SCHEDULED)
        Event.objects.filter(pk=self.interview.pk).update(
            at=END_OF_TIME, end=END_OF_TIME.replace(minute=45), timezone=KIRITIMATI
        )
        self.ancient = self.add("Initech", applied_on=date(2026, 11, 2))
        self.ancient.events.filter(kind=EventKind.APPLIED).update(at=START_OF_TIME)
        Application.objects.filter(pk=self.ancient.pk).update(applied_on=date(1, 1, 1))
        NextStep.objects.filter(application=self.booked, state=NextStep.State.OPEN).update(
            due=END_OF_TIME, lapses_at=END_OF_TIME
        )

    def test_a_day_past_the_bounds_becomes_the_last_day_and_the_note_says_what_was_typed(
        self,
    ) -> None:
        upgraded()
        reply = Event.objects.get(pk=self.reply.pk)
        self.assertEqual((reply.decision_by, reply.wait_until), (LAST, LAST))
        self.assertEqual(
            reply.note.splitlines(),
            [
                "Call back.",
                f"The decision date was 9999-12-31: nextsteps moved it to {LAST}, "
                "the furthest day it plans with.",
                f"The day they asked you to wait until was 9999-12-31: nextsteps moved it to "
                f"{LAST}, the furthest day it plans with.",
            ],
        )

    def test_a_moment_past_the_bounds_becomes_the_last_minute_of_the_last_day_in_its_zone(
        self,
    ) -> None:
        upgraded()
        interview = Event.objects.get(pk=self.interview.pk)
        local = interview.at.astimezone(ZoneInfo(KIRITIMATI))
        self.assertEqual((local.date(), local.time()), (LAST, time(23, 59)))
        self.assertIsNone(interview.end)  # it would end before it starts: an hour, as usual
        self.assertIn("The day it happened was 9999-12-31", interview.note)

    def test_a_day_before_1970_becomes_the_first_of_january_1970(self) -> None:
        upgraded()
        applied = self.ancient.events.get(kind=EventKind.APPLIED)
        self.assertEqual(applied.at.astimezone(self.profile.zone).date(), EARLIEST_DAY)
        self.assertEqual(Application.objects.get(pk=self.ancient.pk).applied_on, EARLIEST_DAY)
        self.assertIn(
            "was 0001-01-01: nextsteps moved it to 1970-01-01, the earliest day", applied.note
        )

    def test_steps_made_from_them_are_brought_within_the_bounds_too(self) -> None:
        upgraded()
        step = NextStep.objects.filter(application=self.booked, state=NextStep.State.OPEN).first()
        assert step is not None
        self.assertLessEqual(step.due.date(), LAST + timedelta(days=1))
        self.assertLessEqual(step.lapses_at.date(), LAST + timedelta(days=1))

    def test_dates_within_the_bounds_are_left_as_they_were(self) -> None:
        untouched = self.interviewed("Umbrella")
        before = list(Event.objects.filter(application=untouched).values())
        steps_before = list(NextStep.objects.filter(application=untouched).values())
        upgraded()
        self.assertEqual(list(Event.objects.filter(application=untouched).values()), before)
        self.assertEqual(
            list(NextStep.objects.filter(application=untouched).values()), steps_before
        )

    def test_every_plan_calendar_digest_and_page_is_made_from_them(self) -> None:
        upgraded()
        self.assertEqual(services.replan_all(self.alice), 3)
        self.assertIn(b"Interview: Data Analyst at Globex", feed(self.profile, self.now))
        download = self.client.get(reverse("interview-ics", args=[self.interview.pk]))
        self.assertContains(download, "BEGIN:VEVENT")
        for day in (EARLIEST_DAY, UPGRADED_ON, LAST):
            with self.subTest(day=day):
                services.agenda(self.alice, day, ahead_days=14)
                digests.compose(self.alice, self.profile, day, self.local(day, 8))
        for page in (
            reverse("today"),
            reverse("board"),
            *(reverse("application", args=[a.pk]) for a in (self.replied, self.booked)),
            reverse("application", args=[self.ancient.pk]),
        ):
            with self.subTest(page=page):
                self.assertEqual(self.client.get(page).status_code, 200)


class OldMessageDatesTestCase(OutreachTestCase):
    def test_a_message_to_send_past_the_bounds_is_brought_within_them(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        Message.objects.filter(pk=message.pk).update(send_by=END_OF_TIME, deadline=END_OF_TIME)
        upgraded()
        message.refresh_from_db()
        self.assertEqual(message.send_by.date(), message.deadline.date())
        self.assertLessEqual(message.deadline.date(), LAST + timedelta(days=1))
        self.assertEqual(message.send_at.date(), INTERVIEW_DAY)
        self.assertEqual(self.step(StepKind.THANK_YOU).state, NextStep.State.OPEN)
