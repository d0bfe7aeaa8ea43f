from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import time_machine
import vobject

from nextsteps.cli.app import current_user
from nextsteps.playbook import EventKind, StepKind
from nextsteps.reminders import services
from nextsteps.tracker import services as tracker
from tests.base import BaseTestCase

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")


class FeedTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(datetime(2026, 10, 24, 12, tzinfo=LONDON))
        self.url = f"/calendar/{services.feed_of(self.alice).token}.ics"
        self.application = self.add("Acme", "Data Analyst", applied_on=date(2026, 10, 12))

    def fetch(self, **headers: str) -> icalendar.Calendar:
        response = self.client.get(self.url, headers=headers)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content)

    def events(self) -> dict[str, icalendar.Event]:
        return {str(e["SUMMARY"]): e for e in self.fetch().walk("VEVENT")}

    def test_a_subscription_gets_every_open_step_with_its_reason(self) -> None:
        check_in = self.events()["Check in with Acme about Data Analyst"]
        self.assertEqual(check_in.decoded("DTSTART"), date(2026, 10, 19))
        self.assertEqual(check_in.decoded("DTEND"), date(2026, 10, 20))
        self.assertIn("Don't Assume You Got the Job!", check_in["DESCRIPTION"])
        step = self.application.steps.get(kind=StepKind.CHECK_IN)
        self.assertIn(
            f"/applications/{self.application.id}/#step-{step.id}", check_in["DESCRIPTION"]
        )

    def test_it_says_how_often_to_refresh(self) -> None:
        feed = self.fetch()
        self.assertEqual(str(feed["X-PUBLISHED-TTL"].to_ical().decode()), "PT1H")
        self.assertEqual(feed["REFRESH-INTERVAL"].to_ical().decode(), "PT1H")

    def test_a_moved_step_keeps_its_uid_and_raises_its_sequence(self) -> None:
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 10, 23), 10))
        (follow_up,) = [e for e in self.fetch().walk("VEVENT") if "Follow up" in e["SUMMARY"]]
        self.assertEqual(follow_up.decoded("DTSTART"), date(2026, 10, 30))
        self.log(
            self.application,
            EventKind.EMPLOYER_REPLIED,
            self.local(date(2026, 10, 26)),
            decision_by=date(2026, 11, 6),
        )
        (moved,) = [e for e in self.fetch().walk("VEVENT") if "Follow up" in e["SUMMARY"]]
        self.assertEqual(moved["UID"], follow_up["UID"])
        self.assertEqual(moved.decoded("DTSTART"), date(2026, 11, 9))
        self.assertGreater(moved["SEQUENCE"], follow_up["SEQUENCE"])

    def test_timed_steps_carry_their_timezone_across_the_clock_change(self) -> None:
        # London's clocks go back on 25 Oct 2026: the interview is in summer time.
        self.log(
            self.application,
            EventKind.INTERVIEW_HELD,
            self.local(date(2026, 10, 24), 10),
            end=self.local(date(2026, 10, 24), 11),
        )
        events = self.events()
        thank_you = events["Thank Acme for the Data Analyst interview"]
        self.assertEqual(thank_you["DTEND"].params["TZID"], "Europe/London")
        # 24 hours after 11:00 summer time is 10:00 once the clocks have gone back.
        self.assertEqual(thank_you.decoded("DTEND"), datetime(2026, 10, 25, 10, tzinfo=LONDON))
        self.assertIn("VTIMEZONE", self.client.get(self.url).content.decode())
        self.assertIn("VALARM", thank_you.to_ical().decode())
        self.assertEqual(events["Interview: Data Analyst at Acme"].decoded("DTSTART").hour, 10)

    def test_los_angeles_dates_and_thanksgiving(self) -> None:
        self.profile.timezone, self.profile.country, self.profile.subdivision = (
            "America/Los_Angeles",
            "US",
            "",  # federal holidays (California also takes the Friday off)
        )
        self.profile.save()
        applied = self.add("Globex", "Engineer", applied_on=date(2026, 11, 19))
        interview_at = datetime(2026, 10, 30, 16, tzinfo=LOS_ANGELES)  # before US clocks go back
        self.log(self.application, EventKind.INTERVIEW_HELD, interview_at)
        events = self.events()
        # Applied on the 19th; the 26th is Thanksgiving; the check-in moves to Friday.
        self.assertEqual(
            events["Check in with Globex about Engineer"].decoded("DTSTART"), date(2026, 11, 27)
        )
        follow_up = events["Follow up with Acme about Data Analyst"]
        self.assertEqual(follow_up.decoded("DTSTART"), date(2026, 11, 6))
        thank_you = events["Thank Acme for the Data Analyst interview"]
        self.assertEqual(thank_you["DTEND"].params["TZID"], "America/Los_Angeles")
        self.assertEqual(
            thank_you.decoded("DTEND").astimezone(LOS_ANGELES),
            datetime(2026, 10, 31, 17, tzinfo=LOS_ANGELES),
        )
        self.assertTrue(applied.id)

    def test_a_second_independent_parser_reads_it(self) -> None:
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 10, 23), 10))
        parsed = vobject.readOne(self.client.get(self.url).content.decode())
        summaries = {event.summary.value for event in parsed.vevent_list}
        self.assertIn("Thank Acme for the Data Analyst interview", summaries)
        uids = [event.uid.value for event in parsed.vevent_list]
        self.assertEqual(len(uids), len(set(uids)))

    def test_nothing_about_other_users(self) -> None:
        tracker.add_application(
            self.outsider, "Initech", "Secret Role", applied_on=date(2026, 10, 12)
        )
        body = self.client.get(self.url).content.decode()
        self.assertNotIn("Initech", body)
        self.assertNotIn("Secret Role", body)

    def test_the_command_lines_user_can_subscribe_before_doing_anything_else(self) -> None:
        url = services.feed_url(current_user())  # `nextsteps calendar url`, first of all
        self.assertEqual(
            self.client.get(url.removeprefix("http://127.0.0.1:8000")).status_code, 200
        )

    def test_a_wrong_token_is_a_plain_404(self) -> None:
        response = self.client.get("/calendar/not-a-token.ics")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"calendar", response.content.lower())

    def test_rotating_revokes_the_old_address_at_once(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post("/calendar/rotate/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        new_url = f"/calendar/{services.feed_of(self.alice).token}.ics"
        self.assertEqual(self.client.get(new_url).status_code, 200)

    def test_an_unchanged_feed_answers_304(self) -> None:
        first = self.client.get(self.url)
        again = self.client.get(self.url, headers={"If-None-Match": first["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 10, 23), 10))
        changed = self.client.get(self.url, headers={"If-None-Match": first["ETag"]})
        self.assertEqual(changed.status_code, 200)
        self.assertNotEqual(changed["ETag"], first["ETag"])

    def test_a_step_leaves_the_feed_when_its_window_passes_with_nothing_written(self) -> None:
        """A thank-you three days after its 24 hours is no longer worth doing: calendars
        drop it, and the ETag changes though no row changed."""
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(date(2026, 10, 23), 10))
        first = self.client.get(self.url)
        self.assertIn("Thank Acme for the Data Analyst interview", self.events())
        with time_machine.travel(datetime(2026, 10, 27, 12, tzinfo=LONDON), tick=False):
            later = self.client.get(self.url, headers={"If-None-Match": first["ETag"]})
            self.assertEqual(later.status_code, 200)
            self.assertNotIn("Thank Acme for the Data Analyst interview", self.events())
        thank_you = self.application.steps.get(kind=StepKind.THANK_YOU)
        self.assertEqual(thank_you.state, "open")  # hidden by its lapse time, not by a write

    def test_the_token_is_long_and_random(self) -> None:
        token = services.feed_of(self.alice).token
        self.assertGreaterEqual(len(token), 43)  # 32 bytes, base64
        self.assertNotEqual(token, services.feed_of(self.outsider).token)

    def test_the_keep_applying_nudge_is_an_all_day_entry(self) -> None:
        self.assertIn(StepKind.CHECK_IN, {s.kind for s in tracker.open_steps(self.application)})
        with self.settings():
            entries = icalendar.Calendar.from_ical(
                services.feed(self.profile, self.local(date(2026, 11, 2)))
            )
        (nudge,) = [e for e in entries.walk("VEVENT") if e["SUMMARY"] == "Apply for another job"]
        start = nudge.decoded("DTSTART")
        self.assertNotIsInstance(start, datetime)  # a day, not a moment: all day
        self.assertIsInstance(start, date)
        self.assertEqual(nudge["DTSTART"].params.get("VALUE"), "DATE")
