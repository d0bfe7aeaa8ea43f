"""The mail account page's "Reading replies" form: where replies are read from,
its password going in and never coming back out."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.outreach.models import MailAccount
from tests.outreach.views import ViewTestCase

FORM = {
    "imap_host": "imap.example.com",
    "imap_port": "993",
    "imap_security": "tls",
    "imap_username": "",
    "imap_password": "app-password-1234",
}


class InboxFormTestCase(ViewTestCase):
    url = "/settings/mail-account/inbox/"

    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)

    def test_the_page_says_where_to_make_an_app_password(self) -> None:
        response = self.owner.get(reverse("mail-account"))
        self.assertContains(response, "Which servers, and which password?")
        self.assertContains(response, "Google Account, Security, App passwords")
        self.assertContains(response, "IMAP imap.fastmail.com 993 tls")

    def test_saves_where_replies_are_read_from_with_the_password_encrypted(self) -> None:
        self.assertEqual(reverse("mail-account-inbox"), self.url)
        response = self.post(self.owner, self.url, FORM, follow=True)
        self.assertContains(response, "nextsteps reads your replies from now on.")
        account = MailAccount.objects.get(owner=self.alice)
        self.assertEqual((account.imap_host, account.imap_login), ("imap.example.com", "alice"))
        self.assertTrue(account.imap_password_encrypted)
        self.assertNotIn("app-password-1234", account.imap_password_encrypted)
        self.assertNotContains(response, "app-password-1234")
        self.assertContains(response, "A password of its own is stored.")
        self.assertContains(response, "Not read yet.")
        self.assertContains(response, 'value="imap.example.com"')

    def test_a_setting_that_breaks_its_rule_is_refused_and_nothing_is_saved(self) -> None:
        response = self.post(self.owner, self.url, {**FORM, "imap_host": "imap example"})
        self.assertContains(response, "The IMAP server must be a host name", status_code=400)
        response = self.post(
            self.owner, self.url, {**FORM, "imap_host": "imap.example.com", "imap_security": "none"}
        )
        self.assertContains(response, "in clear text to imap.example.com", status_code=400)
        self.assertFalse(MailAccount.objects.get().reads_inbox)

    def test_the_sync_problem_is_shown_on_the_page(self) -> None:
        self.post(self.owner, self.url, FORM)
        MailAccount.objects.update(sync_problem="imap.example.com refused the login for alice.")
        response = self.owner.get(reverse("mail-account"))
        self.assertContains(response, "The last try failed: imap.example.com refused the login")

    def test_the_outsider_changes_only_their_own_and_has_no_account(self) -> None:
        response = self.post(self.stranger, self.url, FORM)
        self.assertContains(response, "Set up the mail account first", status_code=400)
        self.assertFalse(MailAccount.objects.get(owner=self.alice).reads_inbox)
        self.assertNotContains(self.stranger.get(reverse("mail-account")), "Reading replies")

    def test_get_is_not_allowed_and_csrf_is_enforced(self) -> None:
        self.assertEqual(self.owner.get(self.url).status_code, 405)
        self.assert_csrf_enforced(self.url, FORM)
        self.assertFalse(MailAccount.objects.get().reads_inbox)
