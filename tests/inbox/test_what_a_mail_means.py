"""Each kind of mail the issue names, delivered to a real mailbox (dovecot) and read by
the sync: what it stops, what it records, what it proposes, and what it keeps."""

from __future__ import annotations

from datetime import date

from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import NextStep
from tests.inbox import mails
from tests.inbox.syncing import MONDAY, SyncTestCase

MONDAY_MAIL = "Mon, 9 Nov 2026 11:00:00 +0000"


class WhatAMailMeansTestCase(SyncTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.follow_up = self.schedule(StepKind.FOLLOW_UP, now=self.local(MONDAY, 9))

    def read(self, raw: bytes) -> MatchedMail | None:
        """`raw` arrives on Monday at 11:00 and the inbox is read at noon."""
        self.imap.append("INBOX", raw, self.local(MONDAY, 11))
        self.assertEqual(self.sync(self.local(MONDAY, 12)).read, 1)
        return MatchedMail.objects.first()

    def follow_up_state(self) -> tuple[str, str]:
        self.follow_up.refresh_from_db()
        return self.follow_up.state, self.follow_up.reason

    def replies(self) -> int:
        return self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).count()

    def test_a_reply_from_a_contact_without_thread_headers_acts(self) -> None:
        kept = self.read(mails.reply(date=MONDAY_MAIL, subject="Your application"))
        assert kept is not None
        self.assertEqual((kept.match, kept.state), ("contact", MatchedMail.State.ACTED))
        self.assertEqual(self.replies(), 1)
        self.assertEqual(
            self.follow_up_state(),
            (Message.State.CANCELLED, "Not sent: Jane Doe replied on Mon 9 Nov."),
        )

    def test_someone_else_at_the_companys_domain_is_proposed(self) -> None:
        kept = self.read(mails.reply(sender="Bob Lee <bob@acme.example>", date=MONDAY_MAIL))
        assert kept is not None
        self.assertEqual((kept.match, kept.proposal), ("company-domain", "reply"))
        self.assertEqual(kept.state, MatchedMail.State.WAITING)
        self.assertEqual((self.replies(), self.follow_up_state()[0]), (0, Message.State.SCHEDULED))

    def test_an_applicant_tracking_system_naming_the_company_is_proposed(self) -> None:
        raw = mails.reply(
            sender="Acme Recruiting <no-reply@us.greenhouse-mail.io>",
            subject="Your application to Acme",
            date=MONDAY_MAIL,
            body="Thank you for your interest in Acme. We would like to invite you to an "
            "interview on Thursday 12 November.",
        )
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual(
            (kept.match, kept.proposal), ("applicant-tracking", "interview-invitation")
        )
        self.assertEqual(str(kept.proposed_day), "2026-11-12")
        self.assertEqual(self.follow_up_state()[0], Message.State.SCHEDULED)

    def test_a_rejection_is_recorded_as_their_reply_and_proposed_as_a_rejection(self) -> None:
        raw = mails.reply(
            date=MONDAY_MAIL,
            body="We regret to inform you that we have decided to move forward with other "
            "candidates.",
        )
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual((kept.proposal, kept.state), ("rejection", MatchedMail.State.WAITING))
        self.assertEqual(self.replies(), 1)
        self.assertFalse(self.application.events.filter(kind=EventKind.REJECTED).exists())

    def test_a_day_the_reply_names_is_proposed(self) -> None:
        raw = mails.reply(date=MONDAY_MAIL, body="We will make a decision by Friday 20 November.")
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual((kept.proposal, str(kept.proposed_day)), ("decision-date", "2026-11-20"))

    def test_an_out_of_office_with_a_return_date_pauses_until_then(self) -> None:
        raw = mails.reply(
            subject="Automatic reply: Following up",
            date=MONDAY_MAIL,
            headers="Auto-Submitted: auto-replied\r\n",
            body="I am out of the office until Monday 16 November.",
        )
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual((kept.kind, str(kept.paused_until)), ("out-of-office", "2026-11-16"))
        self.assertEqual(self.replies(), 0)
        self.assertEqual(
            self.follow_up_state(),
            (
                Message.State.CANCELLED,
                "Not sent: Jane Doe is away until Mon 16 Nov; the follow-up waits until then.",
            ),
        )
        step = self.application.steps.get(kind=StepKind.FOLLOW_UP, state=NextStep.State.OPEN)
        self.assertEqual(step.not_before, self.local(date(2026, 11, 16), 9))

    def test_an_out_of_office_by_its_words_alone_pauses_a_week(self) -> None:
        raw = mails.reply(
            subject="Out of office",
            date=MONDAY_MAIL,
            body="I am currently out of the office with limited access to e-mail.",
        )
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual((kept.kind, str(kept.paused_until)), ("out-of-office", "2026-11-16"))
        self.assertEqual(self.replies(), 0)

    def test_a_bounce_stops_the_follow_up_and_flags_the_contact(self) -> None:
        raw = mails.bounce(original_id=self.thank_you.message_id or "", date=MONDAY_MAIL)
        kept = self.read(raw)
        assert kept is not None
        self.assertEqual((kept.kind, kept.bounced_address), ("bounce", "jane@acme.example"))
        self.assertEqual(
            self.follow_up_state(),
            (
                Message.State.CANCELLED,
                "Not sent: mail to jane@acme.example bounced on Mon 9 Nov; check the address.",
            ),
        )
        self.assertEqual(self.replies(), 0)

    def test_mail_about_nothing_of_ours_leaves_nothing_behind(self) -> None:
        raw = mails.reply(
            sender="Shop <news@shop.example>",
            subject="Your salary band",
            date=MONDAY_MAIL,
            body="A private letter about something else.",
        )
        self.assertIsNone(self.read(raw))
        self.assertEqual(self.follow_up_state()[0], Message.State.SCHEDULED)
