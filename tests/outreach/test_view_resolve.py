from __future__ import annotations

from django.urls import reverse

from nextsteps.outreach.models import Message
from tests.outreach.views import ViewTestCase


class ResolveTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)
        self.message = self.schedule()
        Message.objects.filter(pk=self.message.pk).update(state=Message.State.UNCERTAIN)
        self.url = reverse("message-resolve", args=[self.message.id])

    def state(self) -> str:
        self.message.refresh_from_db()
        return self.message.state

    def test_it_went_out(self) -> None:
        self.post(self.owner, self.url, {"went_out": "yes"})
        self.assertEqual(self.state(), Message.State.SENT)

    def test_it_did_not_go_out(self) -> None:
        self.post(self.owner, self.url, {"went_out": "no"})
        self.assertEqual(self.state(), Message.State.CANCELLED)

    def test_the_outsider_gets_404(self) -> None:
        response = self.post(self.stranger, self.url, {"went_out": "yes"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.state(), Message.State.UNCERTAIN)

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, {"went_out": "yes"})
        self.assertEqual(self.state(), Message.State.UNCERTAIN)
