"""Checking the mail account: connect and log in as sending would, send nothing,
and say the result in one sentence."""

from __future__ import annotations

from django.test import override_settings

from nextsteps.outreach import services
from tests.outreach.base import OutreachTestCase
from tests.outreach.smtpd import Sink, silent_server


class CheckAccountTestCase(OutreachTestCase):
    def test_a_working_account_logs_in_and_sends_nothing(self) -> None:
        sink = self.start_sink()
        [checked] = services.check_mail_account(self.alice)
        self.assertTrue(checked.works)
        self.assertEqual(
            checked.sentence,
            f"Connected to 127.0.0.1:{self.sink_port} and logged in as alice: nextsteps can "
            "send from this account.",
        )
        self.assertEqual(len(sink.logins), 1)
        self.assertEqual(sink.received, [])

    def test_a_refused_login(self) -> None:
        self.start_sink(Sink(refuse_logins=True))
        [checked] = services.check_mail_account(self.alice)
        self.assertFalse(checked.works)
        self.assertRegex(checked.sentence, r"refused the login for alice \(535 .*\)\.")
        self.assertTrue(checked.sentence.endswith("Check the username and the password."))

    def test_a_server_name_that_does_not_exist(self) -> None:
        details = services.AccountSettings("smtp.nextsteps.invalid", 587, "starttls", "a@b.example")
        services.set_mail_account(self.alice, details)
        [checked] = services.check_mail_account(self.alice)
        self.assertEqual(
            checked.sentence,
            "The mail server smtp.nextsteps.invalid does not exist. Check the server's name.",
        )

    def test_security_the_server_does_not_offer(self) -> None:
        self.start_sink()
        details = services.AccountSettings("127.0.0.1", self.sink_port, "starttls", "a@b.example")
        services.set_mail_account(self.alice, details)
        [checked] = services.check_mail_account(self.alice)
        self.assertIn("does not offer a secure connection (STARTTLS)", checked.sentence)
        self.assertIn("587 goes with starttls", checked.sentence)

    @override_settings(SMTP_TIMEOUT_SECONDS=1)
    def test_a_server_that_never_answers(self) -> None:
        with silent_server() as port:
            self.mail_account(port)
            [checked] = services.check_mail_account(self.alice)
        self.assertFalse(checked.works)
        self.assertIn("did not answer in time", checked.sentence)

    def test_no_account_is_refused(self) -> None:
        with self.assertRaisesRegex(services.Refused, "set one up first"):
            services.check_mail_account(self.alice)
