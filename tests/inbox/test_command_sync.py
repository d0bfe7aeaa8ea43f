"""`nextsteps sync --once`: reads the inbox now, due or not, and says what it read,
or why it could not (exit code 1)."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import override_settings

from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.models import MailAccount
from tests.cli.conftest import Result, run
from tests.inbox.syncing import MONDAY, SyncTestCase


@override_settings(CLI_USERNAME="alice")
class SyncCommandTestCase(SyncTestCase):
    def sync_once(self, minutes: int = 0) -> Result:
        with time_machine.travel(self.local(MONDAY, 12) + timedelta(minutes=minutes), tick=False):
            return run("sync", "--once", check=False)

    def test_reads_now_and_says_what_it_read(self) -> None:
        self.reply(1, self.local(MONDAY, 11))
        MailAccount.objects.update(next_sync_at=self.local(MONDAY, 18))  # not due: no matter
        said = self.sync_once()
        self.assertEqual((said.returncode, said.stdout),
                         (0, "Read 1 new mail, 1 about your applications.\n"))  # fmt: skip
        self.assertEqual(MatchedMail.objects.count(), 1)
        self.assertEqual(self.sync_once(1).stdout, "Nothing new in your inbox.\n")
        self.assertEqual(MailAccount.objects.get().next_sync_at, self.local(MONDAY, 12, 6))
        self.assertIn("inbox_read = today 12:01\n", self.show())

    def test_a_failure_is_one_line_and_exit_code_1(self) -> None:
        self.read_inbox(password="not-the-password")
        said = self.sync_once()
        self.assertEqual(said.returncode, 1)
        self.assertRegex(said.stdout, r"^Not read: localhost refused the login for \w+ \(.*\n$")
        self.assertNotIn("not-the-password", said.stdout + said.stderr)
        shown = self.show()
        self.assertIn("inbox_read = never\n", shown)
        self.assertIn("inbox_problem = localhost refused the login for", shown)

    def show(self) -> str:
        with time_machine.travel(self.local(MONDAY, 12, 30), tick=False):
            return run("mail-account", "show").stdout

    def test_without_an_inbox_it_says_how_to_connect_one(self) -> None:
        MailAccount.objects.update(imap_host="", next_sync_at=None)
        said = self.sync_once()
        self.assertEqual(said.returncode, 2)
        self.assertIn("--imap-host HOST", said.stderr)
        self.assertEqual(said.stderr.count("\n"), 1)
