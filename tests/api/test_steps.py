from __future__ import annotations

from nextsteps.tracker.models import NextStep
from tests.api.base import ApiTestCase


class StepsTest(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.thank_you = self.open_step(self.application, "thank_you")

    def test_one_step_says_what_and_why(self) -> None:
        body = self.get(f"/api/steps/{self.thank_you.id}").json()
        self.assertEqual(body["title"], self.thank_you.title())
        self.assertEqual(body["why"], self.thank_you.why)
        self.assertEqual(body["state"], "open")

    def test_done_records_its_event(self) -> None:
        response = self.post_json(f"/api/steps/{self.thank_you.id}/done")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["event"]["kind"], "thank-you")
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.DONE)

    def test_done_twice_is_refused(self) -> None:
        self.post_json(f"/api/steps/{self.thank_you.id}/done")
        response = self.post_json(f"/api/steps/{self.thank_you.id}/done")
        self.assertRefused(response, 400, "That step is already done.")
        self.assertEqual(self.application.events.filter(kind="thank-you").count(), 1)

    def test_skipping_says_why(self) -> None:
        response = self.post_json(
            f"/api/steps/{self.thank_you.id}/skip", {"reason": "Thanked them in person"}
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(
            (response.json()["state"], response.json()["skip_reason"]),
            ("skipped", "Thanked them in person"),
        )

    def test_skipping_without_a_reason_is_refused(self) -> None:
        response = self.post_json(f"/api/steps/{self.thank_you.id}/skip", {"reason": " "})
        self.assertRefused(response, 400, "Say in a few words why you skip it.")
        self.thank_you.refresh_from_db()
        self.assertEqual(self.thank_you.state, NextStep.State.OPEN)

    def test_a_step_done_by_its_form_is_refused(self) -> None:
        url = f"/api/applications/{self.application.id}/events"
        self.post_json(url, {"kind": "interview-scheduled", "at": "2026-11-25T10:00"})
        step = NextStep.objects.get(kind="prepare_interview", state="open")
        response = self.post_json(f"/api/steps/{step.id}/done")
        self.assertRefused(response, 400, "That step is done by filling in its form.")

    def test_the_list_by_state(self) -> None:
        self.post_json(f"/api/steps/{self.thank_you.id}/done")
        done = self.get("/api/steps?state=done").json()["items"]
        self.assertEqual([s["id"] for s in done], [self.thank_you.id])
