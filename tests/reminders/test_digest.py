"""The daily digest: one e-mail on each working day at the user's hour, with what is
overdue and what is for today, the Monday review, and through the outbox."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from nextsteps import worker
from nextsteps.accounts.services import change_profile, profile_of
from nextsteps.activities.services import add_activity, complete_activity
from nextsteps.outreach import services as outreach
from nextsteps.outreach.models import DIGEST, MailAccount, Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.reminders import digests
from nextsteps.reminders.digests import queue_due_digests
from nextsteps.tracker.models import Event, NextStep
from nextsteps.tracker.services import add_application
from tests.base import LONDON
from tests.outreach.base import OutreachTestCase

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TUESDAY = date(2026, 11, 24)
MONDAY = date(2026, 11, 23)


def take_turns() -> int:
    """One worker's digest pass, now; how many users' turns it took."""
    return queue_due_digests(timezone.now(), limit=100)


class DigestTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(port=2525)

    def at(self, moment: datetime) -> time_machine.travel:
        return time_machine.travel(moment, tick=False)

    def set_up_calendar(self, start: datetime, **texts: str) -> None:
        """The user's settings, typed at `start`: the digest is planned from then."""
        with self.at(start):
            for key, text in {"digest_time": "08:00", **texts}.items():
                change_profile(self.profile, key, text)

    def run_worker_through(self, start: datetime, days: int) -> list[datetime]:
        """The digest pass every 10 minutes for `days`; the local moment of each digest."""
        moment = start
        while moment < start + timedelta(days=days):
            with self.at(moment):
                take_turns()
            moment += timedelta(minutes=10)
        zone = self.profile.zone
        digests = Message.objects.filter(owner=self.alice, kind=DIGEST).order_by("send_at")
        return [m.send_at.astimezone(zone) for m in digests]

    def long_overdue(self, start: datetime) -> None:
        """An interview three weeks before `start` whose thank-you was never sent:
        every digest from `start` on has something to say."""
        application = self.add("Initech", "Analyst", applied_on=(start - timedelta(days=30)).date())
        self.log(application, EventKind.INTERVIEW_HELD, start - timedelta(days=21))

    def outsider_with_a_digest(self) -> User:
        """Bob, on London's clock with a mail account, and a check-in overdue at Globex."""
        profile = profile_of(self.outsider)
        with self.at(self.local(MONDAY, 0)):
            change_profile(profile, "timezone", "Europe/London")
        outreach.set_mail_account(
            self.outsider, outreach.AccountSettings("127.0.0.1", 2525, "none", "bob@example.com")
        )
        add_application(self.outsider, "Globex", "Engineer", applied_on=date(2026, 11, 2))
        return self.outsider

    def digests(self) -> list[Message]:
        return list(Message.objects.filter(kind=DIGEST).order_by("send_at"))


class ScheduleTestCase(DigestTestCase):
    def test_one_digest_each_working_day_at_eight_across_londons_clock_change(self) -> None:
        # London leaves summer time on Sunday 25 October 2026.
        start = datetime(2026, 10, 22, 0, 0, tzinfo=LONDON)  # Thursday
        self.long_overdue(start)
        self.set_up_calendar(start)
        sent = self.run_worker_through(start, days=8)
        self.assertEqual(
            [(m.date(), m.strftime("%H:%M")) for m in sent],
            [(date(2026, 10, d), "08:00") for d in (22, 23, 26, 27, 28, 29)],
        )
        utc_hours = {m.date().day: m.astimezone(ZoneInfo("UTC")).hour for m in sent}
        self.assertEqual((utc_hours[23], utc_hours[26]), (7, 8))

    def test_los_angeles_keeps_its_hour_across_its_clock_change(self) -> None:
        # Los Angeles leaves summer time on Sunday 1 November 2026.
        start = datetime(2026, 10, 29, 0, 0, tzinfo=LOS_ANGELES)  # Thursday
        self.long_overdue(start)
        self.set_up_calendar(
            start, subdivision="", timezone="America/Los_Angeles", country="US", digest_time="07:30"
        )
        sent = self.run_worker_through(start, days=8)
        days = (date(2026, 10, 29), date(2026, 10, 30), *(date(2026, 11, d) for d in range(2, 6)))
        self.assertEqual(
            [(m.date(), m.strftime("%H:%M")) for m in sent], [(d, "07:30") for d in days]
        )
        utc_hours = {m.date(): m.astimezone(ZoneInfo("UTC")).hour for m in sent}
        self.assertEqual((utc_hours[date(2026, 10, 30)], utc_hours[date(2026, 11, 2)]), (14, 15))

    def test_none_on_us_thanksgiving(self) -> None:
        start = datetime(2026, 11, 23, 0, 0, tzinfo=LOS_ANGELES)  # Monday
        self.set_up_calendar(start, subdivision="", timezone="America/Los_Angeles", country="US")
        sent = self.run_worker_through(start, days=7)
        self.assertEqual([m.date().day for m in sent], [23, 24, 25, 27])

    def test_a_worker_that_was_not_running_at_eight_sends_todays_digest_late_once(self) -> None:
        self.set_up_calendar(self.local(MONDAY, 0))
        with self.at(self.local(TUESDAY, 11, 30)):
            self.assertEqual(take_turns(), 1)
            self.assertEqual(take_turns(), 0)
        (digest,) = self.digests()
        self.assertEqual(digest.send_at, self.local(TUESDAY, 11, 30))
        self.assertIn("Tue 24 Nov", digest.subject)
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.next_digest_at, self.local(TUESDAY + timedelta(days=1), 8))

    def test_moving_the_hour_earlier_than_now_sends_todays_at_once(self) -> None:
        self.set_up_calendar(self.local(MONDAY, 0))
        self.set_up_calendar(self.local(TUESDAY, 7, 50), digest_time="07:45")
        with self.at(self.local(TUESDAY, 7, 51)):
            take_turns()
        (digest,) = self.digests()
        self.assertEqual(digest.digest_for, TUESDAY)

    def test_a_digest_that_cannot_be_composed_is_skipped_and_the_others_go(self) -> None:
        self.set_up_calendar(self.local(MONDAY, 0))
        bob = self.outsider_with_a_digest()
        # A step of a kind this version does not know: composing alice's digest fails.
        NextStep.objects.filter(owner=self.alice, state="open").update(kind="retired")
        with self.at(self.local(TUESDAY, 8)), self.assertLogs("nextsteps.digest", "ERROR") as log:
            take_turns()
        self.assertIn(f"user {self.alice.pk}: the digest for 2026-11-24 is skipped", log.output[0])
        self.assertEqual([m.owner for m in self.digests()], [bob])
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.next_digest_at, self.local(date(2026, 11, 25), 8))

    def test_each_digest_holds_its_owners_steps_alone(self) -> None:
        self.set_up_calendar(self.local(MONDAY, 0))
        bob = self.outsider_with_a_digest()
        with self.at(self.local(TUESDAY, 8)):
            take_turns()
        bodies = {m.owner: m.body for m in self.digests()}
        self.assertIn("Acme", bodies[self.alice])
        self.assertNotIn("Globex", bodies[self.alice])
        self.assertIn("Globex", bodies[bob])
        self.assertNotIn("Acme", bodies[bob])

    def test_the_database_refuses_a_second_digest_for_one_day(self) -> None:
        now = self.local(TUESDAY, 8)
        outreach.queue_digest(self.alice, TUESDAY, "Digest", "Steps\n", now, now)
        with self.assertRaises(IntegrityError), transaction.atomic():
            outreach.queue_digest(self.alice, TUESDAY, "Digest", "Steps\n", now, now)
        outreach.queue_digest(
            self.alice, TUESDAY + timedelta(days=1), "Digest", "Steps\n", now, now
        )

    def test_turned_off_there_is_none(self) -> None:
        self.set_up_calendar(self.local(MONDAY, 0), digest_time="off")
        self.profile.refresh_from_db()
        self.assertIsNone(self.profile.next_digest_at)
        self.assertEqual(self.run_worker_through(self.local(MONDAY, 7), days=2), [])

    def test_without_a_mail_account_the_turn_passes_and_nothing_is_queued(self) -> None:
        MailAccount.objects.filter(owner=self.alice).delete()
        self.set_up_calendar(self.local(MONDAY, 0))
        with self.at(self.local(MONDAY, 8)):
            take_turns()
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.last_digest_on, MONDAY)
        self.assertEqual(self.digests(), [])


class ContentTestCase(DigestTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(TUESDAY, 7))

    def digest(self, day: date = TUESDAY) -> digests.Digest:
        moment = self.local(day, 8)
        with self.at(moment):
            return digests.compose(self.alice, self.profile, day, moment)

    def compose(self, day: date = TUESDAY) -> str:
        return self.digest(day).body

    def compose_subject(self) -> str:
        return self.digest().subject

    def test_overdue_and_todays_steps_with_their_reasons_and_a_link_to_today(self) -> None:
        other = self.add("Globex", "Engineer", applied_on=date(2026, 11, 2))
        self.log(
            other, EventKind.INTERVIEW_HELD, self.local(MONDAY, 14), end=self.local(MONDAY, 15)
        )
        body = self.compose()
        overdue, today = body.split("OVERDUE")[1].split("FOR TODAY")
        self.assertIn("Follow up with Acme about Data Analyst (was due", overdue)
        # The thank-you for the 5th lapsed days ago: no longer worth doing, not listed.
        self.assertNotIn("Thank Acme", body)
        self.assertIn("Thank Globex for the Engineer interview (due today 15:00)", today)
        self.assertIn("From: Best Practices for Job Seekers", today)
        thanks = other.steps.get(kind=StepKind.THANK_YOU)
        self.assertIn(f"http://127.0.0.1:8000/applications/{other.id}/#step-{thanks.id}", today)
        self.assertIn("Open Today: http://127.0.0.1:8000/", body)

    def test_a_step_whose_message_is_scheduled_says_nextsteps_sends_it(self) -> None:
        self.schedule(StepKind.FOLLOW_UP, now=self.local(TUESDAY, 7))
        body = self.compose()
        follow_up = body.split("- Follow up with Acme")[1].split("\n- ")[0]
        self.assertIn("nextsteps sends your message today 09:00.", follow_up)
        nudge = body.split("- Apply for another job")[1].split("\n- ")[0]
        self.assertNotIn("nextsteps sends", nudge)

    def test_the_keep_applying_nudge_leads_the_overdue_steps(self) -> None:
        overdue = self.compose().split("OVERDUE\n")[1]
        self.assertTrue(overdue.startswith("- Apply for another job (was due Mon 2 Nov)"))

    def test_a_long_list_of_missed_steps_is_cut_to_the_latest(self) -> None:
        for n in range(12):  # each with a check-in missed on Mon 9 Nov
            self.add(f"Firm {n:02}", "Analyst", applied_on=date(2026, 11, 2))
        overdue = self.compose().split("OVERDUE\n")[1].split("FOR TODAY")[0]
        titles = [line for line in overdue.splitlines() if line.startswith("- ")]
        self.assertEqual(len(titles), digests.OVERDUE_LISTED + 1)
        self.assertEqual(titles[1], "- Follow up with Acme about Data Analyst (was due Thu 12 Nov)")
        self.assertEqual(titles[-1], "- and 4 more, missed earlier: see Today.")
        self.assertIn("14 overdue", self.compose_subject())

    def test_nothing_to_do_means_no_digest(self) -> None:
        self.log(self.application, EventKind.WITHDRAWN, self.local(date(2026, 11, 20), 9))
        self.set_up_calendar(self.local(MONDAY, 0))
        with self.at(self.local(TUESDAY, 8)):
            take_turns()
        self.assertEqual(self.digests(), [])

    def test_the_monday_review_counts_last_week(self) -> None:
        week = [date(2026, 11, d) for d in range(16, 23)]
        for n, day in enumerate(week[1:3]):
            self.add(f"Firm {n}", "Analyst", applied_on=day)
        self.log(self.application, EventKind.FOLLOW_UP_SENT, self.local(week[0], 9))
        self.log(self.application, EventKind.EMPLOYER_REPLIED, self.local(week[3], 11))
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(week[4], 10))
        self.log(self.application, EventKind.FOLLOW_UP_SENT, self.local(MONDAY, 7))  # this week
        body = self.compose(MONDAY)
        review = body.split("LAST WEEK (Mon 16 Nov to Sun 22 Nov)")[1]
        self.assertIn("Applications sent: 2 (your target: 5)", review)
        self.assertIn("Interviews held: 1", review)
        self.assertIn("Answers received: 1", review)
        self.assertIn("Follow-ups made: 1", review)
        self.assertIn("3 short of your target of 5", review)
        self.assertNotIn("LAST WEEK", self.compose(TUESDAY))

    def test_the_monday_review_counts_the_activities_done_last_week(self) -> None:
        """003's other habits count in the review: learning, networking, temporary work."""
        with self.at(self.local(MONDAY, 8)):
            course = add_activity(self.alice, "learning", "SQL course", every_days=1)
            for day in (date(2026, 11, 15), date(2026, 11, 16), date(2026, 11, 22), MONDAY):
                complete_activity(course, day)  # the first and the last are in other weeks
        review = self.compose(MONDAY).split("LAST WEEK (Mon 16 Nov to Sun 22 Nov)")[1]
        self.assertIn("Learning, networking and temporary work done: 2", review)

    def test_an_invitation_counts_in_the_week_it_came_not_the_week_of_its_interview(
        self,
    ) -> None:
        with self.at(self.local(date(2026, 11, 18), 12)):  # last Wednesday, two of them
            for other in (self.application, self.add("Globex", applied_on=date(2026, 11, 9))):
                self.log(other, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 26), 10))
        with self.at(self.local(date(2026, 11, 2), 12)):  # an invitation weeks ago ...
            self.log(
                self.application, EventKind.INTERVIEW_SCHEDULED, self.local(date(2026, 11, 19), 10)
            )
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 11, 19), 10))
        review = self.compose(MONDAY).split("LAST WEEK")[1]
        self.assertIn("Answers received: 2", review)  # ... is no answer last week
        self.assertIn("Interviews held: 1", review)

    def test_after_a_bank_holiday_monday_the_review_is_on_tuesday(self) -> None:
        easter_monday, tuesday = date(2026, 4, 6), date(2026, 4, 7)
        self.add("Firm", "Analyst", applied_on=date(2026, 4, 1))
        self.assertIn("LAST WEEK (Mon 30 Mar to Sun 5 Apr)", self.compose(tuesday))
        self.assertNotIn("LAST WEEK", self.compose(easter_monday))
        self.assertNotIn("LAST WEEK", self.compose(date(2026, 4, 8)))


class DeliveryTestCase(DigestTestCase):
    def test_the_worker_sends_it_to_the_user_alone_outside_the_cap_and_the_timeline(self) -> None:
        sink = self.start_sink()
        MailAccount.objects.filter(owner=self.alice).update(daily_cap=1)
        self.set_up_calendar(self.local(MONDAY, 0))
        follow_up = self.schedule(StepKind.FOLLOW_UP, now=self.local(TUESDAY, 7))
        self.assertEqual(follow_up.send_at, self.local(TUESDAY, 9))
        events = Event.objects.count()
        with time_machine.travel(self.local(TUESDAY, 8), tick=True):
            worker.run_once()
        (digest,) = self.digests()
        self.assertEqual(digest.state, Message.State.SENT)
        (received,) = [r for r in sink.received if r.message_id == digest.message_id]
        self.assertEqual(received.rcpt_to, ["alice@example.com"])
        self.assertEqual(received.message["To"], "Alice Smith <alice@example.com>")
        self.assertTrue(received.message["Subject"].startswith("nextsteps Tue 24 Nov: "))
        self.assertIn("Open Today: http://127.0.0.1:8000/", received.message.get_payload())
        self.assertIsNone(received.message["In-Reply-To"])
        self.assertEqual(Event.objects.count(), events)
        # The digest took nothing of the day's cap of one: the follow-up goes at 09:00.
        with time_machine.travel(self.local(TUESDAY, 9), tick=True):
            worker.run_once()
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SENT)

    def test_one_worker_pass_queues_and_sends_more_digests_than_one_batch(self) -> None:
        sink = self.start_sink()
        port = self.sink_port
        self.set_up_calendar(self.local(MONDAY, 0))
        for n in range(worker.DIGESTS_AT_A_TIME):
            seeker = User.objects.create_user(f"seeker{n}")
            with self.at(self.local(MONDAY, 0)):
                change_profile(profile_of(seeker), "timezone", "Europe/London")
            outreach.set_mail_account(
                seeker, outreach.AccountSettings("127.0.0.1", port, "none", f"s{n}@example.com")
            )
            add_application(seeker, "Globex", "Engineer", applied_on=date(2026, 11, 2))
        with time_machine.travel(self.local(TUESDAY, 8), tick=True):
            worker.run_once()
        self.assertEqual(len(sink.received), worker.DIGESTS_AT_A_TIME + 1)

    def test_a_refused_digest_shows_as_failed_in_the_outbox(self) -> None:
        from tests.outreach.smtpd import Sink

        self.start_sink(Sink(answers=["550 5.7.1 Relaying denied"]))
        self.set_up_calendar(self.local(MONDAY, 0))
        with time_machine.travel(self.local(TUESDAY, 8), tick=True):
            worker.run_once()
        (digest,) = self.digests()
        self.assertEqual(digest.state, Message.State.FAILED)
        self.client.force_login(self.alice)
        response = self.client.get("/outbox/")
        self.assertContains(response, "Your daily digest")
        self.assertContains(response, "Relaying denied")
