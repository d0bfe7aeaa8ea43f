from __future__ import annotations

from datetime import date

import icalendar

from nextsteps.playbook import EventKind
from tests.base import BaseTestCase


class InterviewFileTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        application = self.add("Acme", "Data Analyst", applied_on=date(2026, 11, 2))
        recorded = self.log(
            application,
            EventKind.INTERVIEW_SCHEDULED,
            self.local(date(2026, 11, 25), 14),
            end=self.local(date(2026, 11, 25), 15),
        )
        self.url = f"/interviews/{recorded.event.id}.ics"

    def test_the_owner_downloads_the_interview(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        self.assertEqual(event["SUMMARY"], "Interview: Data Analyst at Acme")
        self.assertEqual(event.decoded("DTSTART"), self.local(date(2026, 11, 25), 14))
        for point in ("say you want the job", "inviting you in", "when you should follow up"):
            self.assertIn(point, event["DESCRIPTION"].replace("\n", " "))

    def test_an_outsider_gets_404(self) -> None:
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_a_visitor_must_log_in(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
