"""A sync that fails: the mail account page says why, and a follow-up does not go out
while the inbox it would have found the answer in has not been read for a day: it
waits, says why, and goes once the inbox is read."""

from __future__ import annotations

import logging
from datetime import date

import time_machine
from django.urls import reverse

from nextsteps import worker
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from tests.base import csrf_client
from tests.inbox.syncing import MONDAY, SyncTestCase

FRIDAY = date(2026, 11, 13)


class StaleInboxTestCase(SyncTestCase):
    def test_a_follow_up_waits_for_an_inbox_that_cannot_be_read(self) -> None:
        self.read_inbox(password="wrong-password")
        follow_up = self.schedule(
            StepKind.FOLLOW_UP, now=self.local(MONDAY, 16), send_at=self.local(FRIDAY, 10)
        )
        with (
            time_machine.travel(self.local(FRIDAY, 10, 1), tick=False),
            self.assertLogs("nextsteps.inbox", logging.WARNING),
        ):
            worker.run_once()
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SCHEDULED)
        self.assertEqual(follow_up.send_at, self.local(FRIDAY, 10, 31))
        self.assertIn("could not read your inbox", follow_up.reason)
        self.assertEqual(self.sink.message_ids(), [self.thank_you.message_id])
        page = csrf_client(self.alice).get(reverse("mail-account"))
        self.assertContains(
            page,
            '<p class="status alert" role="alert">The last try failed: localhost refused the '
            f"login for {self.imap.username}",
        )

        self.read_inbox(at=self.local(FRIDAY, 10, 20))  # the right password
        with time_machine.travel(self.local(FRIDAY, 10, 31), tick=False):
            worker.run_once()
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SENT)
