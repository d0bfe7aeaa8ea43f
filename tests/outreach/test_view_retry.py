"""Retry on a failed message: back in the queue as it was scheduled, from its card or
the outbox; only the owner's, only by POST with CSRF."""

from __future__ import annotations

import time_machine
from django.urls import reverse

from nextsteps.outreach.models import Message
from tests.outreach.base import INTERVIEW_DAY
from tests.outreach.views import ViewTestCase


class RetryTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)
        self.message = self.schedule()
        Message.objects.filter(pk=self.message.pk).update(
            state=Message.State.FAILED, reason="Not sent: the server was busy."
        )
        self.url = reverse("message-retry", args=[self.message.id])
        traveller = time_machine.travel(self.local(INTERVIEW_DAY, 16), tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)

    def state(self) -> str:
        self.message.refresh_from_db()
        return self.message.state

    def test_puts_it_back_in_the_queue_and_goes_back_to_the_card(self) -> None:
        response = self.post(self.owner, self.url, {"next": "/"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(self.state(), Message.State.SCHEDULED)
        self.assertEqual(self.message.reason, "")

    def test_a_message_that_did_not_fail_is_refused_in_words(self) -> None:
        Message.objects.filter(pk=self.message.pk).update(state=Message.State.SENT)
        response = self.post(self.owner, self.url, follow=True)
        self.assertContains(response, "Only a message that failed can be retried")

    def test_get_is_not_allowed(self) -> None:
        self.assertEqual(self.owner.get(self.url).status_code, 405)

    def test_the_outsider_gets_404(self) -> None:
        self.assertEqual(self.post(self.stranger, self.url).status_code, 404)
        self.assertEqual(self.state(), Message.State.FAILED)

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url)
        self.assertEqual(self.state(), Message.State.FAILED)
