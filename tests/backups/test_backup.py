"""A backup holds everything the account holds, and a restore brings all of it back:
the plan with its done, skipped and missed steps, messages sent, scheduled and
cancelled, the inbox's mails and proposals, activities, wordings and settings."""

from __future__ import annotations

import json
from datetime import date

import time_machine

from nextsteps.accounts.services import change_profile
from nextsteps.activities.services import add_activity, complete_activity
from nextsteps.backups.backup import backup_json, backup_of
from nextsteps.backups.layout import NOT_KEPT, TABLES
from nextsteps.inbox.models import Folder, MatchedMail
from nextsteps.outreach import services as outreach
from nextsteps.outreach.models import MailAccount
from nextsteps.playbook.drafting import MessageKind
from nextsteps.reminders.services import feed_of
from nextsteps.tracker import services
from nextsteps.tracker.models import NextStep
from tests.backups.roundtrip import round_trip
from tests.base import BaseTestCase
from tests.inbox import mails
from tests.inbox.base import MONDAY, InboxTestCase
from tests.outreach.base import PASSWORD


class FullAccountTest(InboxTestCase):
    def setUp(self) -> None:
        super().setUp()  # a thank-you sent through a real SMTP server
        change_profile(self.profile, "name", "Alice Smith")
        change_profile(self.profile, "weekly_target", "7")
        outreach.set_inbox(
            self.alice, outreach.InboxSettings("imap.example.com", password="imap secret")
        )
        Folder.objects.create(
            account=MailAccount.objects.get(owner=self.alice),
            role=Folder.Role.INBOX,
            mailbox="alice@imap.example.com",
            name="INBOX",
            uidvalidity=1234567890123,
            last_uid=42,
        )
        self.follow_up()  # scheduled for Thursday
        reply = mails.reply(
            in_reply_to=self.thank_you.message_id, date="Mon, 9 Nov 2026 10:00:00 +0000"
        )
        self.take_in(reply, self.local(MONDAY, 11))
        self.take_in(
            mails.reply(message_id="<other@acme.example>", sender="HR <hr@acme.example>",
                        subject="Your availability", body="Could you come in on Thursday?"),
            self.local(MONDAY, 12),
        )  # fmt: skip
        with time_machine.travel(self.local(MONDAY, 13), tick=False):
            outreach.save_template(self.alice, MessageKind.THANK_YOU, "Thanks!", "Dear {contact},")
            walk = add_activity(
                self.alice, "networking", "Coffee with a former colleague", every_days=7
            )
            complete_activity(walk, date(2026, 11, 9))
            globex = services.add_application(
                self.alice, "Globex", "Engineer", applied_on=date(2026, 10, 1)
            )
            step = globex.steps.filter(state=NextStep.State.OPEN).earliest("due")
            services.skip_step(step, "They said not to", self.local(MONDAY, 13))
        feed_of(self.alice)

    def test_everything_comes_back_as_it_was(self) -> None:
        before, after, restored = round_trip(self.alice)
        self.assertEqual(before, after)
        states = sorted(m["state"] for m in after["messages"])
        self.assertEqual(states, ["cancelled", "sent"])
        self.assertEqual(len(after["mails"]), 2)
        self.assertEqual(after["folders"][0]["uidvalidity"], 1234567890123)
        self.assertEqual(restored.notes, [])

    def test_secrets_are_never_in_clear(self) -> None:
        text = backup_json(self.alice).decode()
        self.assertNotIn(PASSWORD, text)
        self.assertNotIn("imap secret", text)
        self.assertNotIn(feed_of(self.alice).token, text)
        self.assertNotIn(self.alice.password, text)
        account = json.loads(text)["mail_account"][0]
        self.assertTrue(account["password_encrypted"].startswith("gAAAA"))

    def test_the_restored_account_sends_and_reads_with_its_passwords(self) -> None:
        round_trip(self.alice)
        account = MailAccount.objects.get()
        self.assertEqual(outreach.server_of(account).password, PASSWORD)
        self.assertEqual(outreach.imap_server_of(account).password, "imap secret")
        waiting = MatchedMail.objects.get(state=MatchedMail.State.WAITING)
        self.assertEqual(waiting.application.company.name, "Acme")


class OwnedRowsOnlyTest(BaseTestCase):
    def test_a_backup_holds_the_owners_rows_and_no_one_elses(self) -> None:
        self.add("Acme")
        services.add_application(self.outsider, "Secret Corp", "Spy")
        services.add_contact(self.outsider, services.ContactDetails("Hidden Person"))
        text = backup_json(self.alice).decode()
        self.assertIn("Acme", text)
        self.assertNotIn("Secret Corp", text)
        self.assertNotIn("Hidden Person", text)

    def test_every_model_of_nextsteps_is_kept_or_said_why_not(self) -> None:
        from django.apps import apps

        kept = {table.model for table in TABLES}
        for model in apps.get_models():
            if model.__module__.startswith("nextsteps.") and model not in kept:
                self.assertIn(model._meta.label, NOT_KEPT, f"a backup loses {model._meta.label}")

    def test_a_backup_reads_each_table_once(self) -> None:
        self.application_interviewed()
        with self.assertNumQueries(len(TABLES) + 2 + 2):  # and the pairs of two many-to-many
            backup_of(self.alice)
