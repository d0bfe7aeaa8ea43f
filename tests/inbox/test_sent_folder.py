"""The mailbox's Sent folder: an uncertain message in the outbox (the worker lost
track mid-conversation) is resolved as sent when its Message-ID is there, and a
follow-up the user wrote in their own mail program stops the one nextsteps was
about to send."""

from __future__ import annotations

from datetime import timedelta

from nextsteps.inbox.models import Folder, MatchedMail
from nextsteps.inbox.sync import FOUND_IN_SENT
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from tests.inbox.base import THURSDAY
from tests.inbox.syncing import MONDAY, SyncTestCase


class SentFolderTestCase(SyncTestCase):
    def uncertain_follow_up(self) -> Message:
        message = self.schedule(StepKind.FOLLOW_UP, now=self.local(MONDAY, 9))
        Message.objects.filter(pk=message.pk).update(
            state=Message.State.UNCERTAIN,
            claimed_at=self.local(MONDAY, 10),
            message_id="<follow-up-1@example.com>",
        )
        return message

    def copy_in(self, folder: str, message_id: str) -> None:
        raw = (
            "From: alice@example.com\r\nTo: jane@acme.example\r\nSubject: Following up\r\n"
            f"Message-ID: {message_id}\r\n\r\nHi Jane,\r\n"
        ).encode()
        self.imap.append(folder, raw, self.local(MONDAY, 10, 1))

    def test_found_in_the_sent_folder_it_is_sent_and_on_the_timeline(self) -> None:
        message = self.uncertain_follow_up()
        self.imap.create("Sent")  # SPECIAL-USE \Sent
        self.copy_in("Sent", "<follow-up-1@example.com>")
        synced = self.sync(self.local(MONDAY, 12))
        self.assertEqual(synced.found_sent, 1)
        message.refresh_from_db()
        self.assertEqual((message.state, message.reason), (Message.State.SENT, FOUND_IN_SENT))
        step = self.application.steps.get(pk=message.step_id)
        self.assertEqual(step.state, "done")

    def test_a_sent_folder_known_by_its_common_name_is_searched_too(self) -> None:
        message = self.uncertain_follow_up()
        self.imap.create("Sent Items")  # no SPECIAL-USE flag on this one
        self.copy_in("Sent Items", "<follow-up-1@example.com>")
        self.assertEqual(self.sync(self.local(MONDAY, 12)).found_sent, 1)
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.SENT)

    def test_not_in_the_sent_folder_it_stays_uncertain(self) -> None:
        message = self.uncertain_follow_up()
        self.imap.create("Sent")
        self.copy_in("Sent", "<something-else@example.com>")
        self.copy_in("INBOX", "<follow-up-1@example.com>")  # only Sent counts
        self.assertEqual(self.sync(self.local(MONDAY, 12) + timedelta(days=1)).found_sent, 0)
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.UNCERTAIN)

    def test_a_follow_up_written_in_the_users_mail_program_stops_nextsteps_one(self) -> None:
        follow_up = self.follow_up()  # to go on Thursday at 09:00
        self.imap.create("Sent")
        by_hand = (
            b"From: Alice Smith <alice@example.com>\r\nTo: Jane Doe <jane@acme.example>\r\n"
            b"Subject: Following up\r\nDate: Thu, 12 Nov 2026 08:30:00 +0000\r\n"
            b"Message-ID: <by-hand-1@example.com>\r\n\r\nHi Jane, any news?\r\n"
        )
        self.imap.append("Sent", by_hand, self.local(THURSDAY, 8, 30))
        synced = self.sync(self.local(THURSDAY, 8, 35))
        self.assertEqual((synced.read, synced.matched), (1, 1))
        self.assertEqual(
            sorted(Folder.objects.values_list("role", "name")),
            [("inbox", "INBOX"), ("sent", "Sent")],
        )
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertEqual(
            follow_up.reason, "Not sent: you wrote to Jane Doe yourself on Thu 12 Nov."
        )
        mail = MatchedMail.objects.get()
        self.assertEqual((mail.kind, mail.proposal), ("yours", "your-follow-up"))
        self.assertEqual(self.sync(self.local(THURSDAY, 8, 40)).read, 0)  # read once
