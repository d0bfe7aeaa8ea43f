"""Reading a reply as it arrives, where the server announces new mail (IMAP IDLE, on
dovecot): a worker's watch syncs the inbox the moment a mail is APPENDed, long
before the 5-minute poll; a server without IDLE is read by the poll alone; one
worker listens to an inbox, and lets go when its watch ends or the inbox is
disconnected."""

from __future__ import annotations

import threading
from datetime import timedelta

import time_machine
from django.test import override_settings

from nextsteps.inbox import idle, watchers
from nextsteps.inbox.models import Folder, MatchedMail
from nextsteps.inbox.sync import disconnect_inbox
from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from tests.inbox.syncing import MONDAY, SyncTestCase

NOON = (MONDAY, 12)


class ListenerTestCase(SyncTestCase):
    def test_it_hears_a_mail_arrive_and_is_quiet_otherwise(self) -> None:
        server = services.imap_server_of(self.account)
        stop = threading.Event()
        with idle.listening(server, "INBOX") as listener:
            assert listener is not None
            self.assertFalse(listener.next_mail(0.2, stop))
            threading.Timer(0.1, self.reply, (1, self.local(*NOON))).start()
            self.assertTrue(listener.next_mail(30, stop))
            stop.set()
            self.assertFalse(listener.next_mail(30, stop))  # at once

    def test_a_server_without_idle_gives_no_listener(self) -> None:
        self.imap = self.imap.server.add_user(idle=False)
        self.read_inbox()
        with idle.listening(services.imap_server_of(self.account), "INBOX") as listener:
            self.assertIsNone(listener)


class WatchTestCase(SyncTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.traveller = time_machine.travel(self.local(*NOON), tick=True)
        self.traveller.start()
        self.addCleanup(self.traveller.stop)
        self.sync(self.local(*NOON))  # the folder the sync reads is known from now on

    def watch_ending_in(self, seconds: float) -> watchers.Watch:
        """This worker's watch of the inbox, claimed so long ago that `seconds` are left."""
        started = self.local(*NOON) - watchers.WATCH + timedelta(seconds=seconds)
        [watch] = watchers.claim_watches(started, 5)
        return watch

    def test_a_reply_is_read_as_it_arrives_and_stops_the_follow_up(self) -> None:
        follow_up = self.schedule(StepKind.FOLLOW_UP, now=self.local(*NOON))
        watch = self.watch_ending_in(3)
        threading.Timer(0.3, self.reply, (1, self.local(*NOON))).start()
        watchers.listen(watch, threading.Event())  # until the watch ends, 3 s on

        self.assertEqual(MatchedMail.objects.get().message_id, "<reply-1@acme.example>")
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        account = self.account
        # Read by the queue's sync, which then waits its 5 minutes as ever.
        assert account.synced_at is not None
        self.assertLess(account.synced_at, self.local(MONDAY, 12, 1))
        self.assertEqual(account.next_sync_at, account.synced_at + timedelta(minutes=5))
        folder = Folder.objects.get()
        self.assertEqual((folder.has_idle, folder.watched_until), (True, None))

    def test_one_worker_listens_to_an_inbox_until_its_watch_runs_out(self) -> None:
        now = self.local(*NOON)
        [watch] = watchers.claim_watches(now, 5)
        self.assertEqual(watchers.claim_watches(now, 5), [])  # another worker's look
        self.assertEqual(
            watchers.claim_watches(watch.until - timedelta(seconds=1), 5), []
        )  # its worker died: still claimed until
        self.assertEqual(len(watchers.claim_watches(watch.until, 5)), 1)

    def test_a_server_without_idle_is_left_to_the_poll(self) -> None:
        self.imap = self.imap.server.add_user(idle=False)
        self.read_inbox(at=self.local(*NOON))
        self.sync(self.local(*NOON))
        watchers.listen(self.watch_ending_in(60), threading.Event())  # returns at once
        self.assertEqual(Folder.objects.get().has_idle, False)
        self.assertEqual(watchers.claim_watches(self.local(MONDAY, 13), 5), [])
        # New settings, a folder read anew: asked again.
        self.imap = self.imap.server.add_user()
        self.read_inbox(at=self.local(*NOON))
        self.sync(self.local(*NOON))
        self.assertEqual(len(watchers.claim_watches(self.local(MONDAY, 13), 5)), 1)

    def test_a_disconnected_inbox_is_let_go_of(self) -> None:
        watch = self.watch_ending_in(60)
        disconnect_inbox(self.alice)
        watchers.listen(watch, threading.Event())  # returns at once: nothing to listen to
        self.assertFalse(Folder.objects.exists())

    def test_a_failing_inbox_is_not_listened_to(self) -> None:
        self.read_inbox(password="wrong-password", at=self.local(*NOON))
        watch = self.watch_ending_in(60)
        with self.assertLogs("nextsteps.inbox", "INFO") as logged:
            watchers.listen(watch, threading.Event())
        self.assertIn("refused the login", logged.output[0])
        self.assertNotIn("wrong-password", logged.output[0])
        # Not again before the next poll, which says what is wrong on the account.
        folder = Folder.objects.get()
        assert folder.watched_until is not None
        self.assertGreaterEqual(folder.watched_until, self.local(MONDAY, 12, 5))

    @override_settings(IDLE_INBOXES=0)
    def test_a_worker_told_to_listen_to_none_claims_none(self) -> None:
        stop = threading.Event()
        workers = watchers.Watchers(stop)
        workers.look(self.local(*NOON))
        self.assertEqual(workers.threads, [])
        self.assertIsNone(Folder.objects.get().watched_until)

    def test_the_command_lines_sync_waits_for_a_mail_or_its_time(self) -> None:
        stop = threading.Event()
        threading.Timer(0.3, self.reply, (1, self.local(*NOON))).start()
        with self.assertNumQueries(2):
            self.assertTrue(watchers.wait_for_mail(self.alice, 30, stop))
        self.imap = self.imap.server.add_user(idle=False)
        self.read_inbox(at=self.local(*NOON))
        self.sync(self.local(*NOON))
        self.assertFalse(watchers.wait_for_mail(self.alice, 0.1, stop))  # its time passed
        self.assertEqual(Folder.objects.get().has_idle, False)
