"""Taking a fetched mail in: a strong match acts, a weak one is proposed, unmatched
mail is not kept, and the same mail twice does nothing new."""

from __future__ import annotations

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nextsteps.inbox import services
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.inbox.wording import how_matched, question, sender, what_was_done
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.inbox import IncomingMail
from nextsteps.tracker.models import Event, NextStep
from nextsteps.tracker.services import ContactDetails, add_contact, link_contact
from tests.inbox import mails
from tests.inbox.base import FRIDAY, MONDAY, THURSDAY, InboxTestCase

MONDAY_MAIL = "Mon, 9 Nov 2026 10:00:00 +0000"


class ReplyTests(InboxTestCase):
    def test_a_reply_in_our_thread_is_recorded_and_stops_the_follow_up(self) -> None:
        follow_up = self.follow_up()
        raw = mails.reply(
            in_reply_to=self.thank_you.message_id,
            date=MONDAY_MAIL,
            sender="Jane Doe <jd@home.test>",
        )
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual(
            (kept.application, kept.match, kept.kind), (self.application, "thread", "reply")
        )
        self.assertEqual(kept.state, MatchedMail.State.ACTED)
        self.assertEqual(kept.snippet, "Hi Alice, Thanks for your note. We will be in touch. Jane")
        reply = Event.objects.get(application=self.application, kind=EventKind.EMPLOYER_REPLIED)
        self.assertEqual(reply.at, self.local(MONDAY, 10))
        self.assertEqual(kept.event, reply)
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertEqual(follow_up.reason, "Not sent: Jane Doe replied on Mon 9 Nov.")
        self.assertEqual(kept.stopped, 1)
        # It never goes out: the worker finds nothing to send on Thursday.
        self.assertEqual(self.run_worker_at(self.local(THURSDAY, 9, 5)), 0)
        self.assertEqual(len(self.sink.received), 1)  # the thank-you only

    def test_a_reply_from_a_contact_without_thread_headers_acts_too(self) -> None:
        self.follow_up()
        kept = self.take_in(mails.reply(date=MONDAY_MAIL), self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual((kept.match, kept.state), ("contact", MatchedMail.State.ACTED))
        self.assertEqual(kept.contact.email, "jane@acme.example")
        self.assertEqual(kept.stopped, 1)
        self.assertTrue(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).exists())

    def test_someone_else_at_the_companys_domain_is_proposed_and_nothing_changes(self) -> None:
        follow_up = self.follow_up()
        raw = mails.reply(sender="Bob Lee <bob@acme.example>", date=MONDAY_MAIL)
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual((kept.match, kept.state), ("company-domain", MatchedMail.State.WAITING))
        self.assertEqual(kept.proposal, "reply")
        self.assertFalse(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).exists())
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SCHEDULED)

    def test_a_reply_logged_by_hand_is_not_recorded_twice(self) -> None:
        self.log(self.application, EventKind.EMPLOYER_REPLIED, self.local(MONDAY, 10, 30))
        kept = self.take_in(mails.reply(date=MONDAY_MAIL), self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).count(), 1)

    def test_a_reply_on_the_day_of_the_interview_is_their_reply_too(self) -> None:
        """The interview held that morning is on the timeline; it is no reply logged by
        hand, so the mail is recorded and stops the follow-up."""
        follow_up = self.follow_up()
        raw = mails.reply(date="Thu, 5 Nov 2026 16:00:00 +0000", body="Good to meet you.")
        kept = self.take_in(raw, self.local(FRIDAY, 11))
        assert kept is not None
        assert kept.event is not None
        self.assertEqual(kept.event.kind, EventKind.EMPLOYER_REPLIED)
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)

    def test_what_a_strong_reply_says_waits_for_the_user(self) -> None:
        raw = mails.reply(
            date=MONDAY_MAIL,
            body="We will make a decision by Friday 20 November and let you know.",
        )
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual(kept.state, MatchedMail.State.WAITING)
        self.assertEqual((kept.proposal, str(kept.proposed_day)), ("decision-date", "2026-11-20"))
        self.assertTrue(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).exists())

    def test_confirming_the_day_a_reply_names_leaves_one_reply_on_the_timeline(self) -> None:
        raw = mails.reply(
            date=MONDAY_MAIL,
            body="We will make a decision by Friday 20 November and let you know.",
        )
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        services.confirm(self.alice, kept.pk, self.local(MONDAY, 12))
        replies = self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED)
        self.assertEqual([str(reply.decision_by) for reply in replies], ["2026-11-20"])
        kept.refresh_from_db()
        self.assertEqual(kept.event, replies.get())

    def test_a_second_mail_of_the_same_reply_follows_it_when_the_first_is_confirmed(
        self,
    ) -> None:
        first = self.take_in(
            mails.reply(date=MONDAY_MAIL, body="We will decide by Friday 20 November."),
            self.local(MONDAY, 11),
        )
        second = self.take_in(
            mails.reply(message_id="<reply-2@acme.example>", date="Mon, 9 Nov 2026 15:00:00 +0000"),
            self.local(MONDAY, 16),
        )
        assert first is not None
        assert second is not None
        self.assertEqual(second.event, first.event)
        services.confirm(self.alice, first.pk, self.local(MONDAY, 17))
        first.refresh_from_db()
        second.refresh_from_db()
        self.assertIsNotNone(first.event)
        self.assertEqual(second.event, first.event)

    def test_the_same_mail_twice_is_kept_once_and_recorded_once(self) -> None:
        raw = mails.reply(date=MONDAY_MAIL)
        first = self.take_in(raw, self.local(MONDAY, 11))
        second = self.take_in(raw, self.local(MONDAY, 12))
        self.assertEqual(first, second)
        self.assertEqual(MatchedMail.objects.count(), 1)
        self.assertEqual(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).count(), 1)

    def test_mail_about_nothing_of_ours_is_not_kept(self) -> None:
        raw = mails.reply(sender="news@shop.example", in_reply_to="<other@shop.example>")
        self.assertIsNone(self.take_in(raw, self.local(MONDAY, 11)))
        self.assertFalse(MatchedMail.objects.exists())

    def test_our_own_mail_in_all_mail_is_not_taken_in(self) -> None:
        own = mails.reply(message_id=self.thank_you.message_id, sender="alice@example.com")
        self.assertIsNone(self.take_in(own, self.local(MONDAY, 11)))
        sent_by_hand = mails.reply(message_id="<x@example.com>", sender="Alice <ALICE@example.com>")
        self.assertIsNone(self.take_in(sent_by_hand, self.local(MONDAY, 11)))

    def test_the_whole_body_is_never_kept(self) -> None:
        secret = "the salary band is 90k " * 40
        kept = self.take_in(mails.reply(date=MONDAY_MAIL, body=secret), self.local(MONDAY, 11))
        assert kept is not None
        stored = " ".join(str(v) for v in MatchedMail.objects.values().get().values())
        self.assertLessEqual(stored.count("salary band"), 300 // len("the salary band is 90k "))
        self.assertNotIn(secret.strip(), stored)


class OutOfOfficeTests(InboxTestCase):
    def test_it_pauses_the_follow_up_until_the_return_date_and_is_not_a_reply(self) -> None:
        follow_up = self.follow_up()
        raw = mails.reply(
            subject="Automatic reply: Thank you for today",
            date=MONDAY_MAIL,
            headers="Auto-Submitted: auto-replied\r\n",
            body="I am out of the office until Monday 16 November.",
        )
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual((kept.kind, str(kept.paused_until)), ("out-of-office", "2026-11-16"))
        self.assertFalse(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).exists())
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertEqual(
            follow_up.reason,
            "Not sent: Jane Doe is away until Mon 16 Nov; the follow-up waits until then.",
        )
        step = self.application.steps.get(kind=StepKind.FOLLOW_UP, state=NextStep.State.OPEN)
        self.assertEqual(step.not_before, self.local(MONDAY.replace(day=16), 9))
        self.assertIn("wait until Mon 16 Nov", step.why)

    def test_without_a_return_date_it_pauses_a_week(self) -> None:
        raw = mails.reply(date=MONDAY_MAIL, headers="X-Autoreply: yes\r\n", body="I am away.")
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual(str(kept.paused_until), "2026-11-16")


class BounceTests(InboxTestCase):
    def test_a_bounce_stops_what_waits_for_the_address_and_flags_the_contact(self) -> None:
        follow_up = self.follow_up()
        raw = mails.bounce(original_id=self.thank_you.message_id, date=MONDAY_MAIL)
        kept = self.take_in(raw, self.local(MONDAY, 11))
        assert kept is not None
        self.assertEqual((kept.kind, kept.match), ("bounce", "thread"))
        self.assertEqual(kept.bounced_address, "jane@acme.example")
        self.assertEqual(kept.contact.email, "jane@acme.example")
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertEqual(
            follow_up.reason,
            "Not sent: mail to jane@acme.example bounced on Mon 9 Nov; check the address.",
        )
        self.assertFalse(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).exists())

    def test_a_delay_warning_is_not_taken_in_and_pauses_nothing(self) -> None:
        follow_up = self.follow_up()
        raw = mails.bounce(original_id=self.thank_you.message_id, action="delayed")
        self.assertIsNone(self.take_in(raw, self.local(MONDAY, 11)))
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SCHEDULED)
        self.assertFalse(self.application.events.filter(kind=EventKind.OUT_OF_OFFICE).exists())

    def test_a_bounce_for_a_contacts_address_without_the_original(self) -> None:
        other = self.add("Globex", "Analyst")
        contact = add_contact(self.alice, ContactDetails("Hank", "hank@globex.example"))
        link_contact(other, contact)
        raw = mails.bounce(failed="HANK@globex.example", original_id="<unknown@x>")
        kept = self.take_in(raw, self.local(THURSDAY, 11))
        assert kept is not None
        self.assertEqual((kept.application, kept.match), (other, "contact"))


class BatchTests(InboxTestCase):
    def test_a_batch_is_taken_in_mail_by_mail_in_order(self) -> None:
        reply = mails.reply(in_reply_to=self.thank_you.message_id, date=MONDAY_MAIL)
        news = mails.reply(message_id="<n@shop.example>", sender="news@shop.example")
        batch = [incoming_mail(r) for r in (news, reply, reply)]
        with time_machine.travel(self.local(MONDAY, 11), tick=False):
            found = services.take_in_many(self.alice, batch, self.local(MONDAY, 11))
        self.assertIsNone(found[0])
        assert found[1] is not None
        self.assertEqual(found[1], found[2])
        self.assertEqual(self.application.events.filter(kind=EventKind.EMPLOYER_REPLIED).count(), 1)

    def test_mail_that_can_match_nothing_costs_no_query_of_its_own(self) -> None:
        def batch(size: int) -> list[IncomingMail]:
            return [
                incoming_mail(
                    mails.reply(
                        message_id=f"<n{i}@shop.example>",
                        sender=f"news@shop{i}.example",
                        in_reply_to=f"<x{i}@elsewhere.example>",
                    )
                )
                for i in range(size)
            ]

        now = self.local(MONDAY, 11)
        with CaptureQueriesContext(connection) as few:
            services.take_in_many(self.alice, batch(2), now)
        with CaptureQueriesContext(connection) as many:
            services.take_in_many(self.alice, batch(100), now)
        self.assertEqual(len(many), len(few))
        self.assertFalse(MatchedMail.objects.exists())


class YourOwnMailTests(InboxTestCase):
    """A thank-you or a follow-up the user wrote in their own mail program."""

    def yours(self, date: str, to: str = "Jane Doe <jane@acme.example>") -> bytes:
        return mails.reply(
            message_id="<by-hand-1@example.com>",
            sender="Alice Smith <alice@example.com>",
            to=to,
            subject="Following up on the Data Analyst role",
            date=date,
            body="Hi Jane,\n\nI wanted to follow up on my interview.\n\nAlice",
        )

    def test_a_follow_up_written_by_hand_stops_the_scheduled_one_and_is_proposed(self) -> None:
        follow_up = self.follow_up()
        step = NextStep.objects.get(pk=follow_up.step_id)
        kept = self.take_in(
            self.yours("Thu, 12 Nov 2026 08:30:00 +0000"), self.local(THURSDAY, 8, 40)
        )
        assert kept is not None
        self.assertEqual(step.not_before, self.local(THURSDAY, 9))  # written before: that day
        self.assertEqual(
            (kept.kind, kept.proposal, kept.state), ("yours", "your-follow-up", "waiting")
        )
        self.assertEqual(kept.contact.email, "jane@acme.example")
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.CANCELLED)
        self.assertEqual(
            follow_up.reason, "Not sent: you wrote to Jane Doe yourself on Thu 12 Nov."
        )
        self.assertEqual(self.run_worker_at(self.local(THURSDAY, 9, 5)), 0)
        self.assertEqual(len(self.sink.received), 1)  # the thank-you only
        self.assertEqual((sender(kept), how_matched(kept)), ("You", "to your contact"))
        self.assertEqual(
            what_was_done(kept, THURSDAY),
            "You wrote to them yourself; 1 message waiting to go stopped.",
        )
        self.assertEqual(question(kept, THURSDAY), "Was this your follow-up?")

        with time_machine.travel(self.local(THURSDAY, 9), tick=False):
            confirmed = services.confirm(self.alice, kept.id, self.local(THURSDAY, 9))
        self.assertEqual(
            what_was_done(confirmed, THURSDAY),
            "You confirmed it as your follow-up; 1 message waiting to go stopped.",
        )
        assert confirmed.event is not None
        self.assertEqual(confirmed.event.kind, EventKind.FOLLOW_UP_SENT)
        self.assertEqual(confirmed.event.at, self.local(THURSDAY, 8, 30))
        self.assertEqual(confirmed.event.note, "Your e-mail: Following up on the Data Analyst role")
        step.refresh_from_db()
        self.assertEqual(step.state, NextStep.State.DONE)

    def test_a_mail_before_the_step_could_be_done_or_to_no_contact_is_not_kept(self) -> None:
        follow_up = self.follow_up()
        early = self.yours("Mon, 9 Nov 2026 10:00:00 +0000")  # about the interview's room
        self.assertIsNone(self.take_in(early, self.local(MONDAY, 11)))
        elsewhere = mails.reply(
            message_id="<by-hand-2@example.com>",
            sender="alice@example.com",
            to="friend@example.org",
            date="Thu, 12 Nov 2026 08:30:00 +0000",
        )
        self.assertIsNone(self.take_in(elsewhere, self.local(THURSDAY, 8, 40)))
        self.assertFalse(MatchedMail.objects.exists())
        follow_up.refresh_from_db()
        self.assertEqual(follow_up.state, Message.State.SCHEDULED)

    def test_a_reply_logged_on_the_day_of_a_follow_up_sent_by_hand_is_recorded(self) -> None:
        """The user's own follow-up that day is not the employer's reply."""
        self.follow_up()
        kept = self.take_in(
            self.yours("Thu, 12 Nov 2026 08:30:00 +0000"), self.local(THURSDAY, 8, 40)
        )
        assert kept is not None
        with time_machine.travel(self.local(THURSDAY, 9), tick=False):
            services.confirm(self.alice, kept.id, self.local(THURSDAY, 9))
        answer = mails.reply(date="Thu, 12 Nov 2026 11:00:00 +0000")
        replied = self.take_in(answer, self.local(THURSDAY, 11, 5))
        assert replied is not None
        assert replied.event is not None
        self.assertEqual(replied.event.kind, EventKind.EMPLOYER_REPLIED)
