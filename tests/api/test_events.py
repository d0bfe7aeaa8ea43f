from __future__ import annotations

from datetime import date

from nextsteps.tracker.models import Event
from tests.api.base import ApiTestCase
from tests.web.base import MONDAY


class EventsTest(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.add("Acme", applied_on=date(2026, 11, 2))
        self.url = f"/api/applications/{self.application.id}/events"

    def test_an_interview_held_plans_the_thank_you(self) -> None:
        response = self.post_json(
            self.url,
            {"kind": "interview", "at": "2026-11-16T09:00", "end": "2026-11-16T09:45"},
        )
        self.assertEqual(response.status_code, 201, response.content)
        event = response.json()["event"]
        # Without an offset, on the user's clock: London, on GMT in November.
        self.assertEqual(event["at"], "2026-11-16T09:00:00Z")
        open_steps = self.get("/api/steps?state=open").json()["items"]
        self.assertIn("thank_you", [s["kind"] for s in open_steps])

    def test_the_timeline_earliest_first(self) -> None:
        self.post_json(self.url, {"kind": "reply", "note": "They will call."})
        items = self.get(self.url).json()["items"]
        self.assertEqual([e["kind"] for e in items], ["applied", "reply"])
        self.assertEqual(items[1]["note"], "They will call.")

    def test_what_cannot_have_happened_yet_is_refused_and_not_written(self) -> None:
        response = self.post_json(self.url, {"kind": "reply", "at": "2026-12-24T09:00"})
        self.assertRefused(response, 400, "That is in the future: record it once it has happened.")
        self.assertEqual(Event.objects.count(), 1)

    def test_an_unknown_kind_is_refused(self) -> None:
        response = self.post_json(self.url, {"kind": "party"})
        self.assertEqual(response.status_code, 422)
        self.assertTrue(response.json()["detail"].startswith("kind: Input should be"))

    def test_its_people_are_the_owners_contacts(self) -> None:
        jane = self.post_json("/api/contacts", {"name": "Jane Doe"}).json()
        response = self.post_json(self.url, {"kind": "reply", "contact_ids": [jane["id"]]})
        self.assertEqual(response.status_code, 201, response.content)
        event = Event.objects.get(pk=response.json()["event"]["id"])
        self.assertEqual([c.name for c in event.contacts.all()], ["Jane Doe"])

    def test_someone_elses_contact_is_not_found_and_nothing_is_written(self) -> None:
        hank = self.theirs().contacts.get()
        response = self.post_json(self.url, {"kind": "reply", "contact_ids": [hank.id]})
        self.assertRefused(response, 404, f"There is no contact {hank.id}.")
        self.assertEqual(self.application.events.count(), 1)

    def test_a_follow_up_before_its_time_is_recorded_with_a_warning(self) -> None:
        sent_friday = self.add("Globex", applied_on=date(2026, 11, 13))
        url = f"/api/applications/{sent_friday.id}/events"
        response = self.post_json(url, {"kind": "follow-up", "at": f"{MONDAY}T09:00"})
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(len(response.json()["warnings"]), 1)

    def test_a_moment_at_the_ends_of_the_calendar_is_refused_by_its_days_rule(self) -> None:
        cases = [
            ({"kind": "reply", "at": "0001-01-01T00:30:00+14:00"}, "cannot be before 1970"),
            ({"kind": "interview-scheduled", "at": "9999-12-31T23:00:00-12:00"}, "two years"),
            ({"kind": "interview", "end": "9999-12-31T23:00:00-12:00"}, "two years"),
        ]
        for data, sentence in cases:
            with self.subTest(data=data):
                response = self.post_json(self.url, data)
                self.assertEqual(response.status_code, 400, response.content)
                self.assertIn(sentence, response.json()["detail"])
        self.assertEqual(Event.objects.count(), 1)
