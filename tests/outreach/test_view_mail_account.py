"""The mail account page: the password goes in and never comes back out."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.outreach.models import MailAccount
from tests.outreach.base import PASSWORD
from tests.outreach.views import ViewTestCase

FORM = {
    "host": "smtp.example.com",
    "port": "587",
    "security": "starttls",
    "from_address": "Alice Smith <alice@example.com>",
    "username": "alice",
    "password": PASSWORD,
    "daily_cap": "20",
}


class MailAccountPageTestCase(ViewTestCase):
    url = "/settings/mail-account/"

    def test_saves_the_account_with_the_password_encrypted(self) -> None:
        self.assertEqual(reverse("mail-account"), self.url)
        self.post(self.owner, self.url, FORM)
        account = MailAccount.objects.get(owner=self.alice)
        self.assertEqual(account.host, "smtp.example.com")
        self.assertTrue(account.password_encrypted)
        self.assertNotIn(PASSWORD, account.password_encrypted)

    def test_the_password_is_never_shown_back(self) -> None:
        self.post(self.owner, self.url, FORM)
        response = self.owner.get(self.url)
        self.assertContains(response, "A password is stored.")
        self.assertNotContains(response, PASSWORD)
        self.assertContains(response, "smtp.example.com")

    def test_an_empty_password_keeps_the_stored_one(self) -> None:
        self.post(self.owner, self.url, FORM)
        stored = MailAccount.objects.get().password_encrypted
        self.post(self.owner, self.url, {**FORM, "password": "", "daily_cap": "5"})
        account = MailAccount.objects.get()
        self.assertEqual(account.password_encrypted, stored)
        self.assertEqual(account.daily_cap, 5)

    def test_a_bad_address_is_refused(self) -> None:
        response = self.post(self.owner, self.url, {**FORM, "from_address": "alice"})
        self.assertContains(response, "From address", status_code=400)
        self.assertFalse(MailAccount.objects.exists())

    def test_the_outsider_sees_an_empty_form_of_their_own(self) -> None:
        self.post(self.owner, self.url, FORM)
        self.assertNotContains(self.stranger.get(self.url), "Alice Smith")

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, FORM)
        self.assertFalse(MailAccount.objects.exists())
