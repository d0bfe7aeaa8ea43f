"""The outbox worker against a real SMTP server on loopback: never twice, never
early, never silently lost."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from email.header import decode_header, make_header

import time_machine
from django.test import override_settings

from nextsteps import worker
from nextsteps.accounts.services import change_profile
from nextsteps.outreach import outbox, services
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import Event
from nextsteps.tracker.services import ContactDetails
from tests.outreach.base import INTERVIEW_DAY, PASSWORD, OutreachTestCase
from tests.outreach.smtpd import Sink, free_port, running_sink

FRIDAY = date(2026, 11, 6)
SEND_AT = datetime(2026, 11, 6, 9, 0)  # the thank-you's best time, London (= UTC in November)


class WorkerTestCase(OutreachTestCase):
    def run_worker_at(self, moment: datetime) -> int:
        with time_machine.travel(moment, tick=True):
            return worker.run_once()

    def refreshed(self, message: Message) -> Message:
        message.refresh_from_db()
        return message

    def test_a_due_message_is_sent_once_with_its_message_id_and_logged(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        self.assertEqual(self.run_worker_at(self.local(FRIDAY, 9, 0)), 1)
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.SENT)
        (received,) = sink.received
        self.assertEqual(received.message_id, message.message_id)
        self.assertEqual(received.rcpt_to, ["jane@acme.example"])
        self.assertEqual(received.mail_from, "alice@example.com")
        self.assertEqual(received.message["Subject"], message.subject)
        self.assertEqual(sink.logins, [("alice", PASSWORD)])
        # The thank-you is done on the timeline, recorded as sent by e-mail.
        event = Event.objects.get(kind=EventKind.THANK_YOU_SENT)
        self.assertEqual(event.channel, "email")
        self.assertEqual(self.step_state(message), "done")
        self.assertEqual(self.run_worker_at(self.local(FRIDAY, 10)), 0)
        self.assertEqual(len(sink.received), 1)

    def test_the_from_line_carries_the_users_name(self) -> None:
        sink = self.start_sink()
        self.mail_account(self.sink_port, from_address="alice@example.com")
        change_profile(self.profile, "name", "Zoë Smith")
        self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9, 0))
        (received,) = sink.received
        sender = str(make_header(decode_header(received.message["From"])))
        self.assertEqual(sender, "Zoë Smith <alice@example.com>")
        self.assertEqual(received.mail_from, "alice@example.com")
        body = received.message.get_payload(decode=True).decode()
        self.assertTrue(body.rstrip().endswith("Best regards,\r\nZoë Smith"), body)

    def step_state(self, message: Message) -> str:
        return self.application.steps.get(pk=message.step_id).state

    def test_never_early(self) -> None:
        sink = self.start_sink()
        message = self.schedule(send_at=self.local(FRIDAY, 9))
        self.assertEqual(self.run_worker_at(self.local(FRIDAY, 8, 59)), 0)
        self.assertEqual(self.refreshed(message).state, Message.State.SCHEDULED)
        self.assertEqual(sink.received, [])

    def test_follow_ups_in_one_application_are_one_thread(self) -> None:
        sink = self.start_sink()
        thanks = self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9))
        follow_up = self.schedule(StepKind.FOLLOW_UP, now=self.local(FRIDAY, 10))
        self.assertTrue(follow_up.subject.startswith("Re: Thank you for the interview"))
        self.run_worker_at(self.local(date(2026, 11, 12), 9))
        self.log(self.application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 12), 9))
        first, second = sink.received
        thanks, follow_up = self.refreshed(thanks), self.refreshed(follow_up)
        self.assertEqual(second.message["In-Reply-To"], thanks.message_id)
        self.assertEqual(second.message["References"], thanks.message_id)
        self.assertEqual(follow_up.in_reply_to, thanks.message_id)
        self.assertNotEqual(first.message_id, second.message_id)

    def test_a_reply_between_scheduling_and_sending_cancels_it(self) -> None:
        sink = self.start_sink()
        message = self.schedule(StepKind.FOLLOW_UP)
        self.log(self.application, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 9), 14))
        self.run_worker_at(self.local(date(2026, 11, 12), 9))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.CANCELLED)
        self.assertIn("they answered", message.reason)
        self.assertEqual(sink.received, [])

    def test_a_step_logged_by_hand_is_not_sent_again(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 18))
        self.run_worker_at(self.local(FRIDAY, 9))
        self.assertEqual(self.refreshed(message).state, Message.State.CANCELLED)
        self.assertEqual(sink.received, [])

    def test_a_server_that_answers_421_then_recovers(self) -> None:
        sink = self.start_sink(Sink(answers=["421 4.3.2 Try again later"]))
        message = self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.SCHEDULED)
        self.assertIn("421", message.reason)
        # A minute after the first try.
        self.assertEqual(message.send_at.replace(microsecond=0), self.local(FRIDAY, 9, 1))
        self.assertEqual(sink.received, [])
        self.run_worker_at(self.local(FRIDAY, 9, 2))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.SENT)
        self.assertEqual(message.attempts, 1)
        self.assertEqual(sink.message_ids(), [message.message_id])

    def test_temporary_failures_stop_at_the_end_of_the_window(self) -> None:
        self.start_sink(Sink(answers=["451 4.3.0 Busy"] * 20))
        message = self.schedule()
        moment = self.local(FRIDAY, 9)
        while self.refreshed(message).state == Message.State.SCHEDULED:
            self.run_worker_at(max(moment, self.refreshed(message).send_at))
            moment += timedelta(minutes=1)
        message = self.refreshed(message)
        # The thank-you's 24 hours ran out at 11:00: it fails, saying why.
        self.assertEqual(message.state, Message.State.FAILED)
        self.assertIn("451 4.3.0 Busy", message.reason)

    def test_a_server_that_answers_550_fails_with_its_reason(self) -> None:
        sink = self.start_sink(Sink(answers=["550 5.1.1 No such mailbox"]))
        message = self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.FAILED)
        self.assertIn("550 5.1.1 No such mailbox", message.reason)
        self.run_worker_at(self.local(FRIDAY, 10))
        self.assertEqual(sink.received, [])
        self.assertEqual(self.step_state(message), "open")

    @override_settings(SMTP_TIMEOUT_SECONDS=1)
    def test_a_server_that_takes_the_message_then_stalls_leaves_it_uncertain(self) -> None:
        sink = self.start_sink(Sink(answers=["stall"], stall_seconds=3))
        message = self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.UNCERTAIN)
        self.assertIn("may or may not have been delivered", message.reason)
        # Never re-sent by itself, however often the worker runs.
        self.run_worker_at(self.local(FRIDAY, 9, 30))
        self.assertEqual(sink.message_ids(), [message.message_id])
        self.assertEqual(self.refreshed(message).state, Message.State.UNCERTAIN)

    def test_connection_refused_is_retried(self) -> None:
        self.mail_account(free_port())
        message = self.schedule()
        self.run_worker_at(self.local(FRIDAY, 9))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.SCHEDULED)
        self.assertIn("could not reach", message.reason)
        self.assertIn("tries again Fri 6 Nov at 09:01", message.reason)

    def test_a_message_whose_worker_went_silent_becomes_uncertain(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        with time_machine.travel(self.local(FRIDAY, 9), tick=False):
            claimed = outbox.claim_next("a-worker-that-dies", self.local(FRIDAY, 9))
        assert claimed is not None
        self.assertTrue(claimed.message_id)
        self.run_worker_at(self.local(FRIDAY, 9, 1))  # the lease still holds
        self.assertEqual(self.refreshed(message).state, Message.State.SENDING)
        self.run_worker_at(self.local(FRIDAY, 9, 10))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.UNCERTAIN)
        self.assertEqual(sink.received, [])

    def test_paused_sending_waits(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        services.set_sending_paused(self.alice, True)
        self.run_worker_at(self.local(FRIDAY, 9))
        self.assertEqual(self.refreshed(message).state, Message.State.SCHEDULED)
        services.set_sending_paused(self.alice, False)
        self.run_worker_at(self.local(FRIDAY, 9, 5))
        self.assertEqual(sink.message_ids(), [self.refreshed(message).message_id])

    def test_a_paused_thank_you_past_its_24_hours_is_cancelled_not_sent(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        services.set_sending_paused(self.alice, True)
        self.run_worker_at(self.local(FRIDAY, 9))
        services.set_sending_paused(self.alice, False)
        self.run_worker_at(self.local(FRIDAY, 12))
        message = self.refreshed(message)
        self.assertEqual(message.state, Message.State.CANCELLED)
        self.assertIn("within 24 hours", message.reason)
        self.assertEqual(sink.received, [])

    def test_the_daily_cap_moves_the_rest_to_the_next_working_morning(self) -> None:
        sink, port = self.enterContext(running_sink())
        self.mail_account(port, daily_cap=1)
        first = self.schedule(StepKind.FOLLOW_UP)
        self.application = self.add(
            "Globex", "Analyst", contact=ContactDetails("Sam Roe", "sam@globex.test")
        )
        self.log(self.application, EventKind.INTERVIEW_HELD, self.local(INTERVIEW_DAY, 14))
        second = self.schedule(StepKind.FOLLOW_UP)
        self.run_worker_at(self.local(date(2026, 11, 12), 9, 30))
        self.assertEqual(sink.message_ids(), [self.refreshed(first).message_id])
        second = self.refreshed(second)
        self.assertEqual(second.state, Message.State.SCHEDULED)
        self.assertIn("cap of 1", second.reason)
        self.assertEqual(second.send_at, self.local(date(2026, 11, 13), 9))
        self.run_worker_at(self.local(date(2026, 11, 13), 9))
        self.assertEqual(len(sink.received), 2)

    def test_over_the_cap_a_thank_you_past_its_window_is_cancelled(self) -> None:
        sink, port = self.enterContext(running_sink())
        self.mail_account(port, daily_cap=1)
        self.schedule(StepKind.FOLLOW_UP)
        thanks = self.schedule(StepKind.THANK_YOU, now=self.local(INTERVIEW_DAY, 15))
        Message.objects.filter(pk=thanks.pk).update(send_at=self.local(date(2026, 11, 12), 9, 1))
        self.run_worker_at(self.local(date(2026, 11, 12), 9))
        self.run_worker_at(self.local(date(2026, 11, 12), 10))
        self.assertEqual(self.refreshed(thanks).state, Message.State.CANCELLED)
        self.assertEqual(len(sink.received), 1)

    def test_the_password_is_never_logged(self) -> None:
        self.start_sink(Sink(answers=["535 5.7.8 Authentication credentials invalid"]))
        self.schedule()
        with self.assertLogs("nextsteps", level=logging.DEBUG) as logs:
            self.run_worker_at(self.local(FRIDAY, 9))
        # The refusal is logged, with the server's answer and without the password.
        self.assertTrue(any("535 5.7.8" in line for line in logs.output), logs.output)
        self.assertFalse(any(PASSWORD in line for line in logs.output))
        self.assertNotIn(PASSWORD, Message.objects.get().reason)
