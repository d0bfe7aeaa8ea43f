"""Where the mail account's replies are read from: the IMAP settings' rules, the
password encrypted at rest (the sending one unless the inbox has its own), and the
account check logging in to a real IMAP server (dovecot) as the sync will."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from nextsteps.outreach import services
from nextsteps.outreach.models import MailAccount
from tests.dovecot import Mailbox
from tests.outreach.base import PASSWORD, OutreachTestCase

NOW = datetime(2026, 11, 9, 9, tzinfo=UTC)
SENDING = services.AccountSettings(
    "smtp.example.com", 587, "starttls", "alice@example.com", username="alice"
)


class InboxSettingsTestCase(OutreachTestCase):
    def connect(self, inbox: services.InboxSettings) -> MailAccount:
        with time_machine.travel(NOW, tick=False):
            return services.set_mail_account(self.alice, SENDING, PASSWORD, inbox)

    def test_the_sending_login_and_password_read_the_inbox_too(self) -> None:
        account = self.connect(services.InboxSettings("imap.example.com"))
        server = services.imap_server_of(account)
        self.assertEqual(
            (server.host, server.port, server.security, server.username, server.password),
            ("imap.example.com", 993, "tls", "alice", PASSWORD),
        )
        self.assertEqual(account.imap_password_encrypted, "")
        self.assertEqual(account.next_sync_at, NOW)  # the first sync is due at once

    def test_an_inbox_password_of_its_own_is_stored_encrypted(self) -> None:
        inbox = services.InboxSettings(
            "imap.example.com", 143, "starttls", "alice@example.com", password="app-password"
        )
        account = self.connect(inbox)
        self.assertNotIn("app-password", account.imap_password_encrypted)
        self.assertNotIn("app-password", repr(inbox) + repr(account))
        server = services.imap_server_of(MailAccount.objects.get())
        self.assertEqual((server.username, server.password), ("alice@example.com", "app-password"))

    def test_a_password_in_clear_text_goes_only_to_this_computer(self) -> None:
        with self.assertRaisesRegex(services.Refused, "in clear text to imap.example.com"):
            self.connect(services.InboxSettings("imap.example.com", 143, "none"))
        self.assertFalse(MailAccount.objects.exists())
        self.assertTrue(self.connect(services.InboxSettings("127.0.0.1", 143, "none")).reads_inbox)

    def test_each_setting_is_refused_in_one_sentence_and_nothing_changes(self) -> None:
        self.connect(services.InboxSettings("imap.example.com"))
        refusals = {
            "The IMAP server must be a host name such as imap.example.com, not 'imap example'.": (
                services.InboxSettings("imap example")
            ),
            "The IMAP port must be a whole number from 1 to 65,535, not 0.": (
                services.InboxSettings("imap.example.com", 0)
            ),
            "The IMAP security must be one of none, starttls, tls, not 'ssl'.": (
                services.InboxSettings("imap.example.com", 993, "ssl")
            ),
            "The IMAP login must be one line, without a line break.": (
                services.InboxSettings("imap.example.com", username="alice\nBcc: x")
            ),
        }
        for sentence, inbox in refusals.items():
            with self.subTest(sentence), self.assertRaises(services.Refused) as refused:
                services.set_inbox(self.alice, inbox)
            self.assertEqual(str(refused.exception), sentence)
        account = MailAccount.objects.get()
        self.assertEqual((account.imap_host, account.imap_port), ("imap.example.com", 993))

    def test_an_inbox_needs_a_login(self) -> None:
        details = services.AccountSettings("127.0.0.1", 25, "none", "alice@example.com")
        with self.assertRaisesRegex(services.Refused, "The IMAP login cannot be empty"):
            services.set_mail_account(self.alice, details, inbox=services.InboxSettings("x.test"))
        self.connect(services.InboxSettings("imap.example.com"))  # the sending login
        with self.assertRaisesRegex(services.Refused, "The IMAP login cannot be empty"):
            services.set_mail_account(self.alice, details)  # the sending login goes
        self.assertEqual(MailAccount.objects.get().username, "alice")

    def test_an_inbox_needs_the_account_it_belongs_to(self) -> None:
        with self.assertRaisesRegex(services.Refused, "Set up the mail account first"):
            services.set_inbox(self.alice, services.InboxSettings("imap.example.com"))

    def test_new_settings_are_tried_at_once_and_forget_the_old_problem(self) -> None:
        self.connect(services.InboxSettings("imap.example.com"))
        MailAccount.objects.update(
            next_sync_at=datetime(2026, 11, 10, tzinfo=UTC), sync_problem="refused", sync_failures=3
        )
        with time_machine.travel(NOW, tick=False):
            account = services.set_inbox(self.alice, services.InboxSettings("imap.example.org"))
        self.assertEqual((account.next_sync_at, account.sync_problem, account.sync_failures),
                         (NOW, "", 0))  # fmt: skip

    def test_setting_sending_alone_leaves_the_inbox_as_it_is(self) -> None:
        self.connect(services.InboxSettings("imap.example.com", username="reader"))
        account = services.set_mail_account(self.alice, SENDING)
        self.assertEqual((account.imap_host, account.imap_login), ("imap.example.com", "reader"))

    def test_forgetting_the_inbox_keeps_sending(self) -> None:
        self.connect(services.InboxSettings("imap.example.com", password="app-password"))
        account = services.forget_inbox(self.alice)
        assert account is not None
        self.assertFalse(account.reads_inbox)
        self.assertEqual((account.imap_password_encrypted, account.next_sync_at), ("", None))
        self.assertEqual(account.host, "smtp.example.com")
        self.assertTrue(account.password_encrypted)


class InboxCheckTestCase(OutreachTestCase):
    @pytest.fixture(autouse=True)
    def mailbox(self, imap_mailbox: Mailbox) -> None:
        self.imap = imap_mailbox

    def read_from(self, security: str = "tls", password: str | None = None) -> None:
        server = self.imap.server
        port = server.tls_port if security == "tls" else server.starttls_port
        inbox = services.InboxSettings(
            "localhost", port, security, self.imap.username, password or self.imap.password
        )
        services.set_inbox(self.alice, inbox)

    def test_the_check_logs_in_to_send_then_to_read(self) -> None:
        self.start_sink()
        self.read_from()
        sending, reading = services.check_mail_account(self.alice)
        self.assertTrue(sending.works and reading.works)
        self.assertEqual(
            reading.sentence,
            f"Connected to localhost:{self.imap.server.tls_port} and logged in as "
            f"{self.imap.username}: nextsteps can read this account's mail.",
        )

    def test_a_refused_inbox_login_says_what_to_check(self) -> None:
        self.start_sink()
        self.read_from("starttls", password="wrong")
        sending, reading = services.check_mail_account(self.alice)
        self.assertTrue(sending.works)
        self.assertFalse(reading.works)
        self.assertRegex(
            reading.sentence, rf"^localhost refused the login for {self.imap.username}"
        )
        self.assertTrue(reading.sentence.endswith("Check the username and the password."))

    def test_tls_on_the_starttls_port_says_which_port_goes_with_which(self) -> None:
        self.start_sink()
        inbox = services.InboxSettings("localhost", self.imap.server.starttls_port, "tls")
        services.set_inbox(self.alice, inbox)
        _, reading = services.check_mail_account(self.alice)
        self.assertFalse(reading.works)
        self.assertTrue(
            reading.sentence.endswith(
                "Check the port and the security (993 goes with tls, 143 with starttls)."
            ),
            reading.sentence,
        )
