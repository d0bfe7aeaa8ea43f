from __future__ import annotations

from django.urls import reverse

from nextsteps.outreach.models import Message
from tests.outreach.views import ViewTestCase


class CancelTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)
        self.message = self.schedule()
        self.url = reverse("message-cancel", args=[self.message.id])

    def state(self) -> str:
        self.message.refresh_from_db()
        return self.message.state

    def test_cancels_a_scheduled_message(self) -> None:
        response = self.post(self.owner, self.url)
        self.assertRedirects(response, reverse("outbox"), fetch_redirect_response=False)
        self.assertEqual(self.state(), Message.State.CANCELLED)

    def test_get_is_not_allowed(self) -> None:
        self.assertEqual(self.owner.get(self.url).status_code, 405)

    def test_the_outsider_gets_404(self) -> None:
        self.assertEqual(self.post(self.stranger, self.url).status_code, 404)
        self.assertEqual(self.state(), Message.State.SCHEDULED)

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url)
        self.assertEqual(self.state(), Message.State.SCHEDULED)
