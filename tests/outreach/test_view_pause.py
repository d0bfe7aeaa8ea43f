from __future__ import annotations

from django.urls import reverse

from tests.outreach.views import ViewTestCase


class PauseTestCase(ViewTestCase):
    url = "/outbox/pause/"

    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)

    def paused(self) -> bool:
        self.alice.mail_account.refresh_from_db()
        return self.alice.mail_account.sending_paused

    def test_pause_and_resume(self) -> None:
        self.assertEqual(reverse("outbox-pause"), self.url)
        self.post(self.owner, self.url, {"paused": "yes"})
        self.assertTrue(self.paused())
        self.post(self.owner, self.url, {"paused": "no"})
        self.assertFalse(self.paused())

    def test_the_outsider_pauses_only_their_own(self) -> None:
        response = self.post(self.stranger, self.url, {"paused": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.paused())

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, {"paused": "yes"})
        self.assertFalse(self.paused())
