from __future__ import annotations

from nextsteps.outreach.models import Message
from nextsteps.playbook.drafting import MessageKind
from tests.api.base import ApiTestCase


class MessagesTest(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.message = Message.objects.create(
            owner=self.alice,
            application=self.application,
            step=self.open_step(self.application, "thank_you"),
            kind=MessageKind.THANK_YOU,
            to_address="jane@acme.test",
            subject="Thank you",
            body="Thank you for the interview.",
            scheduled_at=self.now,
            send_at=self.now,
            send_by=self.now,
        )

    def test_the_outbox_and_one_message(self) -> None:
        items = self.get("/api/messages").json()["items"]
        self.assertEqual([m["subject"] for m in items], ["Thank you"])
        body = self.get(f"/api/messages/{self.message.id}").json()
        self.assertEqual((body["state"], body["to_address"]), ("scheduled", "jane@acme.test"))

    def test_cancelling_a_scheduled_message(self) -> None:
        response = self.post_json(f"/api/messages/{self.message.id}/cancel")
        self.assertEqual(response.json()["state"], "cancelled")
        response = self.post_json(f"/api/messages/{self.message.id}/cancel")
        self.assertRefused(
            response, 400, "Only a scheduled message can be cancelled; this one is cancelled."
        )

    def test_the_outsider_cannot_see_or_cancel_it(self) -> None:
        url = f"/api/messages/{self.message.id}"
        self.assertRefused(self.get(url, self.bob), 404, f"There is no message {self.message.id}.")
        self.assertEqual(self.post_json(f"{url}/cancel", client=self.bob).status_code, 404)
        self.message.refresh_from_db()
        self.assertEqual(self.message.state, Message.State.SCHEDULED)
