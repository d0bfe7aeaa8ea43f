"""Why a message did not go, in words, against real servers on loopback: a server
name that does not exist, a refused login, a broken secure connection and a 5xx
answer fail at once; a 4xx answer and a silent server are tried again, and the
next try is stored and said. Either way the step stays open."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from django.test import override_settings

from nextsteps import worker
from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from nextsteps.outreach.smtp import Cause
from tests.outreach.base import PASSWORD, OutreachTestCase
from tests.outreach.smtpd import Sink, silent_server

FRIDAY = date(2026, 11, 6)


class FailureTestCase(OutreachTestCase):
    def run_worker_at(self, moment: datetime) -> Message:
        with time_machine.travel(moment, tick=True):
            worker.run_once()
        return Message.objects.get()

    def account_on(self, host: str, port: int, security: str = "none") -> None:
        details = services.AccountSettings(
            host, port, security, "Alice Smith <alice@example.com>", "alice"
        )
        services.set_mail_account(self.alice, details, PASSWORD)

    def card_says(self) -> str:
        step = self.step()
        (send,) = services.step_sends(self.alice, [step.id]).values()
        return send.sentence(self.profile.zone, FRIDAY)

    def assert_failed_for_good(self, message: Message, *words: str) -> None:
        self.assertEqual(message.state, Message.State.FAILED)
        for word in words:
            self.assertIn(word, message.reason)
        self.assertEqual(self.step().state, "open")
        self.assertEqual(self.card_says(), message.reason)
        self.assertNotIn("nextsteps sends your message", self.card_says())
        # Not tried again, however often the worker runs.
        later = self.run_worker_at(self.local(FRIDAY, 10))
        self.assertEqual((later.state, later.attempts), (Message.State.FAILED, 0))

    def test_an_unknown_server_name_fails_at_once(self) -> None:
        self.account_on("mail.nextsteps.invalid", 587, "starttls")
        self.schedule()
        message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assert_failed_for_good(
            message,
            "Not sent: The mail server mail.nextsteps.invalid does not exist.",
            "Fix your mail account, then retry it, or send it yourself.",
        )
        self.assertNotIn("Errno", message.reason)

    def test_a_refused_login_fails_at_once(self) -> None:
        sink = self.start_sink(Sink(refuse_logins=True))
        self.schedule()
        message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assert_failed_for_good(
            message, "refused the login for alice (535", "Fix your mail account"
        )
        self.assertNotIn(PASSWORD, message.reason)
        self.assertEqual(sink.received, [])

    def test_a_broken_secure_connection_fails_at_once(self) -> None:
        self.start_sink()
        self.account_on("127.0.0.1", self.sink_port, security="tls")
        self.schedule()
        message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assert_failed_for_good(
            message, f"The secure connection to 127.0.0.1:{self.sink_port} failed", "Fix your"
        )

    def test_a_5xx_answer_fails_at_once(self) -> None:
        self.start_sink(Sink(answers=["550 5.1.1 No such mailbox"]))
        self.schedule()
        message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assert_failed_for_good(
            message,
            "127.0.0.1 refused it (550 5.1.1 No such mailbox).",
            "Check the address it goes to, then retry it, or send it yourself.",
        )

    def test_a_4xx_answer_is_tried_again_and_the_next_try_is_said(self) -> None:
        self.start_sink(Sink(answers=["421 4.3.2 Try again later"]))
        self.schedule()
        message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assertEqual((message.state, message.attempts), (Message.State.SCHEDULED, 1))
        self.assertEqual(message.send_at.replace(microsecond=0), self.local(FRIDAY, 9, 1))
        self.assertEqual(
            message.reason,
            "Not sent yet: 127.0.0.1 asked to try later (421 4.3.2 Try again later). "
            "nextsteps tries again Fri 6 Nov at 09:01.",
        )
        self.assertEqual(self.card_says(), message.reason)

    @override_settings(SMTP_TIMEOUT_SECONDS=1)
    def test_a_silent_server_is_tried_again(self) -> None:
        with silent_server() as port:
            self.account_on("127.0.0.1", port)
            self.schedule()
            message = self.run_worker_at(self.local(FRIDAY, 9))
        self.assertEqual((message.state, message.attempts), (Message.State.SCHEDULED, 1))
        self.assertIn(f"127.0.0.1:{port} did not answer in time.", message.reason)
        self.assertIn("tries again Fri 6 Nov at 09:01", message.reason)

    def test_a_digest_that_cannot_log_in_says_the_next_one_needs_the_account_fixed(self) -> None:
        self.start_sink(Sink(refuse_logins=True))
        now = self.local(FRIDAY, 8)
        services.queue_digest(self.alice, FRIDAY, "Today", "Nothing.", now, self.local(FRIDAY, 23))
        message = self.run_worker_at(now)
        self.assertEqual(message.state, Message.State.FAILED)
        self.assertTrue(
            message.reason.endswith("Fix your mail account: the next digest goes out through it.")
        )


def test_every_cause_has_advice_for_the_account_check() -> None:
    from nextsteps.outreach.failures import CHECK_ADVICE

    assert set(CHECK_ADVICE) == set(Cause) - {Cause.LOST}
