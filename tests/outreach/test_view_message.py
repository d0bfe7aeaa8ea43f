"""One message's page: what it says, to whom, what became of it and what to do; reached
from the outbox, from its step's card and, once sent, from the timeline."""

from __future__ import annotations

import time_machine
from django.urls import reverse
from django.utils import timezone

from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from tests.outreach.base import INTERVIEW_DAY
from tests.outreach.views import ViewTestCase


class MessagePageTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)
        self.message = self.schedule()
        self.url = reverse("message", args=[self.message.id])

    def sent(self) -> Message:
        Message.objects.filter(pk=self.message.pk).update(
            state=Message.State.SENT, sent_at=timezone.now(), message_id="<1@alice.example>"
        )
        self.message.refresh_from_db()
        services.record_sending(self.message)
        return self.message

    def test_shows_the_message_as_it_will_go_and_how_to_stop_it(self) -> None:
        response = self.owner.get(self.url)
        self.assertContains(response, "<h1>Thank-you to Jane Doe</h1>", html=True)
        self.assertContains(response, "Jane Doe &lt;jane@acme.example&gt;")
        self.assertContains(response, self.message.subject)
        self.assertContains(response, "Scheduled")
        self.assertContains(response, reverse("message-cancel", args=[self.message.id]))
        self.assertContains(response, f'name="next" value="{self.url}"')

    def test_a_failure_says_what_happened_and_offers_a_retry(self) -> None:
        refused = "Not sent: the server refused the address (550 no such user)."
        Message.objects.filter(pk=self.message.pk).update(
            state=Message.State.FAILED, reason=refused
        )
        response = self.owner.get(self.url)
        self.assertContains(response, refused)
        self.assertContains(response, reverse("message-retry", args=[self.message.id]))

    def test_the_outbox_and_the_card_link_to_it(self) -> None:
        self.assertContains(self.owner.get(reverse("outbox")), f'href="{self.url}"')
        application = reverse("application", args=[self.application.id])
        # While the thank-you is still worth doing, its card is on the page.
        with time_machine.travel(self.local(INTERVIEW_DAY, 16), tick=False):
            self.assertContains(self.owner.get(application), f'href="{self.url}"')

    def test_once_sent_the_timeline_links_to_it_and_shows_no_message_id(self) -> None:
        self.sent()
        response = self.owner.get(reverse("application", args=[self.application.id]))
        self.assertContains(response, "Sent by nextsteps.")
        self.assertNotContains(response, "alice.example")
        self.assertContains(response, f'<a href="{self.url}">Read the message</a>', html=True)
        self.assertContains(self.owner.get(self.url), "Sent")

    def test_the_outsider_gets_404(self) -> None:
        self.assertEqual(self.stranger.get(self.url).status_code, 404)

    def test_the_anonymous_visitor_is_sent_to_log_in(self) -> None:
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))
