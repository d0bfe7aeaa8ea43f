"""The mail account's Test button: connects and logs in without sending, and says
the result in a sentence on the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextsteps.outreach import services
from tests.dovecot import Mailbox
from tests.outreach.smtpd import Sink
from tests.outreach.views import ViewTestCase


class MailAccountCheckTestCase(ViewTestCase):
    url = "/settings/mail-account/check/"

    def test_a_working_account_says_so_and_sends_nothing(self) -> None:
        sink = self.start_sink()
        response = self.post(self.owner, self.url, follow=True)
        self.assertContains(response, "nextsteps can send from this account.")
        self.assertEqual(sink.received, [])

    def test_a_refused_login_says_what_to_check(self) -> None:
        self.start_sink(Sink(refuse_logins=True))
        response = self.post(self.owner, self.url, follow=True)
        self.assertContains(response, "Check the username and the password.")

    def test_the_page_offers_the_button_once_there_is_an_account(self) -> None:
        self.assertNotContains(self.owner.get(reverse("mail-account")), "Test the account")
        self.mail_account(2525)
        self.assertContains(self.owner.get(reverse("mail-account")), "Test the account")

    def test_without_an_account_it_says_to_set_one_up(self) -> None:
        response = self.post(self.owner, self.url, follow=True)
        self.assertContains(response, "There is no mail account to check")

    def test_the_outsider_checks_only_their_own(self) -> None:
        sink = self.start_sink()
        response = self.post(self.stranger, self.url, follow=True)
        self.assertContains(response, "There is no mail account to check")
        self.assertEqual(sink.logins, [])

    def test_get_is_not_allowed_and_csrf_is_enforced(self) -> None:
        self.assertEqual(self.owner.get(self.url).status_code, 405)
        self.assert_csrf_enforced(self.url)


class InboxCheckButtonTestCase(ViewTestCase):
    url = "/settings/mail-account/check/"

    @pytest.fixture(autouse=True)
    def mailbox(self, imap_mailbox: Mailbox) -> None:
        self.imap = imap_mailbox

    def test_the_button_checks_sending_then_reading(self) -> None:
        self.start_sink()
        inbox = services.InboxSettings(
            "localhost", self.imap.server.tls_port, "tls", self.imap.username, "wrong"
        )
        services.set_inbox(self.alice, inbox)
        response = self.post(self.owner, self.url, follow=True)
        self.assertContains(response, "nextsteps can send from this account.")
        self.assertContains(response, f"refused the login for {self.imap.username}")
