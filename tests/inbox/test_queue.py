"""The worker's inbox syncs: a due account is claimed by one worker only, synced,
and due again in 5 minutes; a failing one says why on the account, logs one line
without a secret, waits longer each time, and never stops the worker."""

from __future__ import annotations

import logging
from datetime import timedelta

import time_machine

from nextsteps import worker
from nextsteps.inbox import queue
from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.models import MailAccount, Message
from tests.inbox.syncing import MONDAY, SyncTestCase


class QueueTestCase(SyncTestCase):
    def test_a_due_account_is_claimed_once_then_due_again_after_five_minutes(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(hours=1))
        claim = queue.claim_next(now)
        assert claim is not None
        self.assertIsNone(queue.claim_next(now))  # the lease holds it
        outcome = queue.run(claim, now)
        self.assertEqual((outcome.synced.matched, outcome.problem), (1, ""))
        account = self.account
        self.assertEqual(account.next_sync_at, now + timedelta(minutes=5))
        self.assertEqual(account.synced_at, now)
        self.assertIsNone(queue.claim_next(now + timedelta(minutes=4)))
        self.assertIsNotNone(queue.claim_next(now + timedelta(minutes=5)))

    def test_a_worker_that_died_mid_sync_leaves_the_account_due_after_the_lease(self) -> None:
        now = self.local(MONDAY, 12)
        self.assertIsNotNone(queue.claim_next(now))
        self.assertIsNone(queue.claim_next(now + queue.LEASE - timedelta(seconds=1)))
        self.assertIsNotNone(queue.claim_next(now + queue.LEASE))

    def test_a_failing_account_says_why_and_waits_longer_each_time(self) -> None:
        self.read_inbox(password="wrong-password-123")
        now = self.local(MONDAY, 12)
        with self.assertLogs("nextsteps.inbox", logging.WARNING) as logged:
            outcome = queue.sync_next(now)
        assert outcome is not None
        self.assertIn(f"refused the login for {self.imap.username}", outcome.problem)
        self.assertEqual(len(logged.output), 1)
        self.assertNotIn("wrong-password-123", logged.output[0])
        account = self.account
        self.assertEqual(account.sync_problem, outcome.problem)
        self.assertEqual(account.next_sync_at, now + timedelta(minutes=10))
        later = account.next_sync_at
        with self.assertLogs("nextsteps.inbox", logging.WARNING):
            queue.sync_next(later)
        self.assertEqual(self.account.next_sync_at, later + timedelta(minutes=20))
        self.assertEqual(self.account.sync_failures, 2)
        # Right settings: tried at once, and the problem is forgotten once it works.
        self.read_inbox(at=later)
        queue.sync_next(later + timedelta(seconds=1))
        account = self.account
        self.assertEqual((account.sync_problem, account.sync_failures), ("", 0))

    def test_a_failing_inbox_never_stops_the_worker_sending(self) -> None:
        follow_up = self.schedule_follow_up()
        # Read a few hours before, failing now: recent enough to go by.
        MailAccount.objects.update(synced_at=follow_up.send_at - timedelta(hours=3))
        self.read_inbox(password="wrong")
        with (
            time_machine.travel(follow_up.send_at + timedelta(minutes=1), tick=False),
            self.assertLogs("nextsteps.inbox", logging.WARNING),
        ):
            self.assertEqual(worker.run_once(), 1)
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SENT)
        self.assertTrue(self.account.sync_problem)

    def test_the_worker_reads_a_due_inbox(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(hours=1))
        with time_machine.travel(now, tick=False):
            worker.run_once()
        self.assertEqual(MatchedMail.objects.count(), 1)
        self.assertEqual(self.account.synced_at, now)

    def test_changed_settings_mid_sync_are_not_overwritten_by_it(self) -> None:
        now = self.local(MONDAY, 12)
        claim = queue.claim_next(now)
        assert claim is not None
        self.read_inbox(at=now + timedelta(seconds=30))  # saved while the worker was reading
        queue.run(claim, now)
        self.assertEqual(self.account.next_sync_at, now + timedelta(seconds=30))

    def test_an_account_without_an_inbox_is_never_claimed(self) -> None:
        MailAccount.objects.update(imap_host="", next_sync_at=None)
        self.assertIsNone(queue.claim_next(self.local(MONDAY, 12)))

    def schedule_follow_up(self) -> Message:
        from nextsteps.playbook import StepKind

        return self.schedule(StepKind.FOLLOW_UP, now=self.local(MONDAY, 9))
