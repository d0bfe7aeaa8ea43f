"""Disconnecting the inbox: the IMAP settings, where the sync got to and the mail it
kept are all forgotten; sending goes on; the page and the command line do it."""

from __future__ import annotations

from datetime import timedelta

from django.test import override_settings

from nextsteps.inbox import queue
from nextsteps.inbox.models import Folder, MatchedMail
from nextsteps.inbox.sync import disconnect_inbox
from tests.base import csrf_client
from tests.cli.conftest import run
from tests.inbox.syncing import MONDAY, SyncTestCase
from tests.outreach.views import ViewTestCase

URL = "/settings/mail-account/inbox/disconnect/"


class DisconnectTestCase(SyncTestCase):
    post = staticmethod(ViewTestCase.post)

    def read_a_reply(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(hours=1))
        self.sync(now)
        self.assertEqual((Folder.objects.count(), MatchedMail.objects.count()), (1, 1))

    def assert_forgotten(self) -> None:
        account = self.account
        self.assertEqual((account.imap_host, account.imap_username), ("", ""))
        self.assertEqual((account.imap_password_encrypted, account.next_sync_at), ("", None))
        self.assertEqual((Folder.objects.count(), MatchedMail.objects.count()), (0, 0))
        self.assertTrue(account.password_encrypted)  # sending goes on
        self.assertIsNone(queue.claim_next(self.local(MONDAY, 13)))

    def test_disconnecting_forgets_the_settings_the_state_and_the_mail(self) -> None:
        self.read_a_reply()
        self.assertTrue(disconnect_inbox(self.alice))
        self.assert_forgotten()
        self.assertFalse(disconnect_inbox(self.outsider))

    def test_a_sync_that_was_running_keeps_nothing_after_a_disconnect(self) -> None:
        now = self.local(MONDAY, 12)
        self.reply(1, now - timedelta(hours=1))
        claim = queue.claim_next(now)
        assert claim is not None
        disconnect_inbox(self.alice)
        queue.run(claim, now)  # it had already logged in when the user disconnected
        self.assert_forgotten()

    def test_the_page_button_disconnects_only_the_owners_inbox(self) -> None:
        self.read_a_reply()
        stranger, owner = csrf_client(self.outsider), csrf_client(self.alice)
        self.assertEqual(owner.post(URL).status_code, 403)  # CSRF
        self.assertEqual(owner.get(URL).status_code, 405)
        self.post(stranger, URL)
        self.assertEqual(MatchedMail.objects.count(), 1)
        response = self.post(owner, URL, follow=True)
        self.assertContains(response, "Your inbox is no longer read")
        self.assertNotContains(response, "Disconnect the inbox")
        self.assert_forgotten()

    def test_the_command_disconnects(self) -> None:
        self.read_a_reply()
        with override_settings(CLI_USERNAME="alice"):
            said = run("mail-account", "disconnect-inbox")
        self.assertEqual(
            said.stdout, "Your inbox is no longer read, and what nextsteps kept of it is deleted.\n"
        )
        self.assert_forgotten()
