"""The base of the sync's tests: the owner's thank-you went out (tests/inbox/base.py),
and their mail account reads a mailbox of its own on the tests' dovecot."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from nextsteps.inbox import sync
from nextsteps.outreach import services
from nextsteps.outreach.models import MailAccount
from tests.dovecot import Mailbox
from tests.inbox import mails
from tests.inbox.base import InboxTestCase

MONDAY = date(2026, 11, 9)


class SyncTestCase(InboxTestCase):
    @pytest.fixture(autouse=True)
    def mailbox(self, imap_mailbox: Mailbox) -> None:
        self.imap = imap_mailbox

    def setUp(self) -> None:
        super().setUp()
        self.read_inbox()

    def read_inbox(self, password: str | None = None, at: datetime | None = None) -> MailAccount:
        """Connect the mailbox, at 08:00 on Monday unless `at` says when."""
        inbox = services.InboxSettings(
            "localhost",
            self.imap.server.tls_port,
            "tls",
            self.imap.username,
            password or self.imap.password,
        )
        with time_machine.travel(at or self.local(MONDAY, 8), tick=False):
            return services.set_inbox(self.alice, inbox)

    @property
    def account(self) -> MailAccount:
        return MailAccount.objects.get(owner=self.alice)

    def reply(self, number: int, arrived: datetime, folder: str = "INBOX") -> int:
        """Jane's answer in the thank-you's thread, delivered at `arrived`; its UID."""
        raw = mails.reply(
            message_id=f"<reply-{number}@acme.example>",
            in_reply_to=self.thank_you.message_id or "",
            date=arrived.strftime("%a, %d %b %Y %H:%M:%S %z"),
        )
        return self.imap.append(folder, raw, arrived)

    def sync(self, now: datetime) -> sync.Synced:
        return sync.sync_account(self.account, now)
