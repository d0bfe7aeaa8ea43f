"""The web tests' inbox: Alice's application at Acme with Jane Doe as its contact,
interviewed on Monday morning, and mail taken in from real RFC 5322 bytes."""

from __future__ import annotations

from nextsteps.inbox import services
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.tracker.services import ContactDetails
from tests.inbox import mails
from tests.web.base import WebTestCase

MONDAY_MAIL = "Mon, 16 Nov 2026 09:50:00 +0000"


class InboxWebTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed(contact=ContactDetails("Jane Doe", "jane@acme.example"))

    def taken_in(self, raw: bytes) -> MatchedMail:
        row = services.take_in(self.alice, incoming_mail(raw), self.now)
        assert row is not None
        return row

    def invitation(
        self,
        body: str = "We would like to invite you to a second interview on Thursday 19 November.",
    ) -> MatchedMail:
        """From Bob, at the company's domain but not a contact: it waits for Alice."""
        return self.taken_in(
            mails.reply(
                message_id="<invite@acme.example>",
                sender="Bob Lee <bob@acme.example>",
                subject="Second interview",
                date=MONDAY_MAIL,
                body=body,
            )
        )
