"""Retrying a failed message: back in the queue as it was scheduled, once the user
has fixed what was wrong; refused when there is nothing sensible to retry."""

from __future__ import annotations

from datetime import date, datetime

import time_machine

from nextsteps import worker
from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.tracker.models import NextStep
from tests.outreach.base import INTERVIEW_DAY, OutreachTestCase
from tests.outreach.smtpd import Sink

FRIDAY = date(2026, 11, 6)


class RetryTestCase(OutreachTestCase):
    def failed(self, kind: StepKind = StepKind.THANK_YOU, at: datetime | None = None) -> Message:
        """The step's message, refused by the server with a 550 at its time."""
        message = self.schedule(kind)
        with time_machine.travel(at or message.send_at, tick=True):
            worker.run_once()
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.FAILED)
        return message

    def retry(self, message: Message, now: datetime) -> Message:
        with time_machine.travel(now, tick=False):
            return services.retry_message(self.alice, message.id, now=now)

    def test_a_retried_message_goes_at_once_in_working_hours_and_completes_its_step(self) -> None:
        sink = self.start_sink(Sink(answers=["550 5.7.1 Try another way"]))
        message = self.failed()
        retried = self.retry(message, self.local(FRIDAY, 9, 30))
        self.assertEqual(retried.state, Message.State.SCHEDULED)
        self.assertEqual(retried.send_at, self.local(FRIDAY, 9, 30))
        self.assertEqual((retried.attempts, retried.reason), (0, ""))
        with time_machine.travel(self.local(FRIDAY, 9, 30), tick=True):
            worker.run_once()
        retried.refresh_from_db()
        self.assertEqual(retried.state, Message.State.SENT)
        self.assertEqual(sink.message_ids(), [retried.message_id])
        self.assertEqual(self.step_state(retried), "done")

    def step_state(self, message: Message) -> str:
        return NextStep.objects.get(pk=message.step_id).state

    def test_out_of_working_hours_it_waits_for_the_next_ones(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        message = self.failed(StepKind.FOLLOW_UP)
        evening = self.local(date(2026, 11, 12), 19)
        retried = self.retry(message, evening)
        self.assertEqual(retried.send_at, self.local(date(2026, 11, 13), 9))

    def test_a_thank_you_past_its_24_hours_is_not_retried(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        message = self.failed()
        with self.assertRaisesRegex(services.Refused, "within 24 hours"):
            self.retry(message, self.local(FRIDAY, 11, 30))
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.FAILED)

    def test_only_a_failed_message_is_retried(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        with self.assertRaisesRegex(services.Refused, "this one is scheduled"):
            self.retry(message, self.local(INTERVIEW_DAY, 16))

    def test_a_step_done_by_hand_is_not_retried(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        message = self.failed()
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(FRIDAY, 9, 10))
        with self.assertRaisesRegex(services.Refused, "no longer open"):
            self.retry(message, self.local(FRIDAY, 9, 20))

    def test_a_step_with_a_newer_message_is_not_retried_twice(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        message = self.failed()
        self.schedule(now=self.local(FRIDAY, 9, 5), send_now=True)
        with self.assertRaisesRegex(services.Refused, "already has a message"):
            self.retry(message, self.local(FRIDAY, 9, 10))

    def test_the_digest_is_not_retried(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        now = self.local(FRIDAY, 8)
        digest = services.queue_digest(
            self.alice, FRIDAY, "Today", "-", now, self.local(FRIDAY, 23)
        )
        assert digest is not None
        with time_machine.travel(now, tick=True):
            worker.run_once()
        with self.assertRaisesRegex(services.Refused, "next one comes as usual"):
            self.retry(digest, self.local(FRIDAY, 9))

    def test_someone_elses_message_is_not_found(self) -> None:
        self.start_sink(Sink(answers=["550 5.7.1 No"]))
        message = self.failed()
        with self.assertRaises(services.NotFound):
            services.retry_message(self.outsider, message.id)
