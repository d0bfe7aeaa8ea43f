"""Taking a fetched mail in: tied to its application and kept once, or not kept."""

from __future__ import annotations

from datetime import date

from nextsteps.inbox.models import MatchedMail
from tests.inbox import mails
from tests.inbox.base import InboxTestCase

MONDAY = date(2026, 11, 9)


class TakeInTests(InboxTestCase):
    def test_a_reply_in_our_thread_is_kept_with_its_application(self) -> None:
        raw = mails.reply(in_reply_to=self.thank_you.message_id, date="Mon, 9 Nov 2026 10:00 +0000")
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual(kept.application, self.application)
        self.assertEqual(kept.message_id, "<reply-1@acme.example>")
        self.assertEqual(kept.snippet, "Hi Alice, Thanks for your note. We will be in touch. Jane")

    def test_the_same_mail_twice_is_kept_once(self) -> None:
        raw = mails.reply(in_reply_to=self.thank_you.message_id, date="Mon, 9 Nov 2026 10:00 +0000")
        first = self.take_in(raw, self.local(MONDAY, 11))
        second = self.take_in(raw, self.local(MONDAY, 12))
        self.assertEqual(first, second)
        self.assertEqual(MatchedMail.objects.count(), 1)

    def test_mail_about_nothing_of_ours_is_not_kept(self) -> None:
        raw = mails.reply(sender="news@shop.example", in_reply_to="<other@shop.example>")
        self.assertIsNone(self.take_in(raw, self.local(MONDAY, 11)))
        self.assertFalse(MatchedMail.objects.exists())
