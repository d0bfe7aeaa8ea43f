"""Reading a real mailbox (dovecot): the last 60 days the first time, then only what
is new; a folder whose UIDVALIDITY changed read anew; All Mail where there is one;
only the start of each mail fetched, and nothing marked as read."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any
from unittest import mock

from nextsteps.inbox import sync
from nextsteps.inbox.models import Folder, MatchedMail
from tests.inbox.syncing import MONDAY, SyncTestCase


class FirstAndLaterSyncsTestCase(SyncTestCase):
    def test_the_first_sync_reads_the_last_60_days(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(days=61))
        self.reply(2, now - timedelta(days=2))
        synced = self.sync(now)
        self.assertEqual((synced.read, synced.matched, synced.complete), (1, 1, True))
        self.assertEqual(
            list(MatchedMail.objects.values_list("message_id", flat=True)),
            ["<reply-2@acme.example>"],
        )
        folder = Folder.objects.get()
        self.assertEqual((folder.role, folder.name, folder.last_uid), ("inbox", "INBOX", 2))
        self.assertEqual(folder.uidvalidity, self.imap.uidvalidity("INBOX"))

    def test_a_later_sync_reads_only_what_is_new(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(days=1))
        self.sync(now)
        self.assertEqual(self.sync(now + timedelta(minutes=5)).read, 0)
        self.reply(2, now + timedelta(minutes=7))
        synced = self.sync(now + timedelta(minutes=10))
        self.assertEqual((synced.read, synced.matched), (1, 1))
        self.assertEqual(Folder.objects.get().last_uid, 2)
        self.assertEqual(MatchedMail.objects.count(), 2)

    def test_a_changed_uidvalidity_reads_the_folder_anew(self) -> None:
        now = self.local(MONDAY, 12)
        self.imap.create("All Mail")
        self.reply(1, now - timedelta(days=1), "All Mail")
        self.sync(now)
        before = Folder.objects.get()
        self.assertEqual((before.role, before.name, before.last_uid), ("all", "All Mail", 1))
        self.imap.recreate("All Mail")
        uid = self.reply(2, now + timedelta(minutes=1), "All Mail")
        self.assertEqual(uid, 1)  # below the last UID read: only UIDVALIDITY tells
        synced = self.sync(now + timedelta(minutes=5))
        self.assertEqual((synced.read, synced.matched), (1, 1))
        after = Folder.objects.get()
        self.assertNotEqual(after.uidvalidity, before.uidvalidity)
        self.assertEqual(after.last_uid, 1)
        self.assertTrue(MatchedMail.objects.filter(message_id="<reply-2@acme.example>").exists())

    def test_all_mail_is_read_instead_of_inbox_where_the_server_has_it(self) -> None:
        now = self.local(MONDAY, 12)
        self.imap.create("All Mail")
        self.reply(1, now - timedelta(days=1), "All Mail")  # archived by a filter
        self.reply(2, now - timedelta(days=1), "INBOX")  # All Mail holds it too, for real
        synced = self.sync(now)
        self.assertEqual(synced.matched, 1)
        self.assertEqual(MatchedMail.objects.get().message_id, "<reply-1@acme.example>")

    def test_only_the_start_of_a_large_mail_is_fetched_and_nothing_is_marked_read(self) -> None:
        now = self.local(MONDAY, 12)
        attachment = ("A" * 76 + "\r\n") * 20_000  # 1.5 MB
        raw = (
            "From: Jane Doe <jane@acme.example>\r\nTo: alice@example.com\r\n"
            f"Subject: Re: Thank you\r\nMessage-ID: <big@acme.example>\r\n"
            f"In-Reply-To: {self.thank_you.message_id}\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\n'
            "Content-Type: text/plain\r\n\r\nThe contract is attached.\r\n--B\r\n"
            "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{attachment}--B--\r\n"
        ).encode()
        self.imap.append("INBOX", raw, now - timedelta(hours=1))
        self.assertEqual(self.sync(now).matched, 1)
        with self.imap.client() as client:
            client.select_folder("INBOX", readonly=True)
            self.assertEqual(client.search(["UNSEEN"]), [1])
        sent_to_us = [
            int(line.split(" out=")[1].split()[0])
            for line in self.imap.server.log().splitlines()
            if f"imap({self.imap.username})" in line and " out=" in line
        ]
        self.assertLess(max(sent_to_us), 200_000)


class AMailNextstepsCannotHandleTestCase(SyncTestCase):
    def test_it_is_skipped_and_logged_and_the_rest_are_read(self) -> None:
        """A bug of ours on one mail must not stop every later sync on that mail."""
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(hours=2))
        self.reply(2, now - timedelta(hours=1))
        real_take_in = sync.take_in

        def failing_on_reply_1(owner: Any, mail: Any, at: Any) -> Any:
            if mail.message_id == "<reply-1@acme.example>":
                raise ValueError("a bug")
            return real_take_in(owner, mail, at)

        with (
            mock.patch.object(sync, "take_in_many", side_effect=ValueError("a bug")),
            mock.patch.object(sync, "take_in", side_effect=failing_on_reply_1),
            self.assertLogs("nextsteps.inbox", logging.ERROR) as logged,
        ):
            synced = self.sync(now)
        self.assertEqual((synced.read, synced.matched), (1, 1))
        self.assertIn("mail with UID 1 was skipped", logged.output[0])
        self.assertEqual(Folder.objects.get().last_uid, 2)  # not read again
