"""nextsteps' promise, end to end on real servers: a follow-up scheduled for Friday
does not go out when the hiring manager wrote on Thursday, nor when they wrote a
minute before it was to go. The worker reads the reply from the mailbox (dovecot)
and the SMTP server (aiosmtpd) receives nothing more."""

from __future__ import annotations

from datetime import date, timedelta

import time_machine

from nextsteps import worker
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from tests.inbox.syncing import SyncTestCase

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 11), date(2026, 11, 12), date(2026, 11, 13)
HALF_A_MINUTE = timedelta(seconds=30)


class ReplyStopsTheFollowUpTestCase(SyncTestCase):
    def test_a_reply_on_thursday_stops_fridays_follow_up(self) -> None:
        follow_up = self.schedule(
            StepKind.FOLLOW_UP,
            now=self.local(WEDNESDAY, 16),
            send_at=self.local(FRIDAY, 10),
        )
        self.reply(1, self.local(THURSDAY, 15))  # in the thank-you's thread

        with time_machine.travel(self.local(THURSDAY, 15, 5), tick=False):
            worker.run_once()
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertIn("Jane Doe", follow_up.reason)
        replies = self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED)
        self.assertEqual(replies.count(), 1)

        with time_machine.travel(self.local(FRIDAY, 10, 1), tick=False):
            self.assertEqual(worker.run_once(), 0)
        self.assertEqual(self.sink.message_ids(), [self.thank_you.message_id])

    def test_a_reply_a_minute_before_the_follow_up_stops_it_before_the_next_sync(self) -> None:
        follow_up = self.schedule(
            StepKind.FOLLOW_UP,
            now=self.local(WEDNESDAY, 16),
            send_at=self.local(FRIDAY, 10),
        )
        with time_machine.travel(self.local(FRIDAY, 9, 57), tick=False):
            worker.run_once()  # read; the next sync is due at 10:02
        self.reply(1, self.local(FRIDAY, 9, 59))

        with time_machine.travel(self.local(FRIDAY, 10) + HALF_A_MINUTE, tick=False):
            self.assertEqual(worker.run_once(), 0)
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertIn("Jane Doe replied on", follow_up.reason)
        self.assertEqual(self.account.synced_at, self.local(FRIDAY, 10) + HALF_A_MINUTE)
        self.assertEqual(self.sink.message_ids(), [self.thank_you.message_id])

    def test_an_inbox_read_a_moment_ago_is_not_read_again_before_sending(self) -> None:
        follow_up = self.schedule(
            StepKind.FOLLOW_UP,
            now=self.local(WEDNESDAY, 16),
            send_at=self.local(FRIDAY, 10),
        )
        with time_machine.travel(self.local(FRIDAY, 10) - timedelta(seconds=15), tick=False):
            worker.run_once()
        with time_machine.travel(self.local(FRIDAY, 10) + HALF_A_MINUTE, tick=False):
            self.assertEqual(worker.run_once(), 1)
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SENT)
        self.assertEqual(self.account.synced_at, self.local(FRIDAY, 10) - timedelta(seconds=15))
