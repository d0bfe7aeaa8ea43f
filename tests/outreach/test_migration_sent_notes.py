"""An install upgraded from a version whose timeline noted a sent message by its
Message-ID: the note is said in words, and the user's own notes are left alone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase

BEFORE = [("outreach", "0003_saved_draft")]
AFTER = [("outreach", "0004_sent_notes_without_message_id")]


class SentNotesTestCase(TransactionTestCase):
    def migrate(self, targets: list[tuple[str, str]]) -> MigrationExecutor:
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        executor.loader.build_graph()  # the state it reached
        return executor

    def test_a_message_id_in_a_note_becomes_words(self) -> None:
        # Whatever comes after, the other tests find the schema up to date.
        latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
        self.addCleanup(self.migrate, latest)
        apps = self.migrate(BEFORE).loader.project_state(BEFORE).apps
        owner = apps.get_model("auth", "User").objects.create(username="sam")
        company = apps.get_model("tracker", "Company").objects.create(owner=owner, name="Acme")
        application = apps.get_model("tracker", "Application").objects.create(
            owner=owner, company=company, role="Analyst", applied_on=date(2026, 11, 2)
        )
        events = apps.get_model("tracker", "Event").objects
        at = datetime(2026, 11, 6, 10, tzinfo=UTC)
        sent = events.create(
            application=application,
            kind="thank-you",
            at=at,
            note="Sent by nextsteps (<1.sam@example.com>).",
        )
        own = events.create(
            application=application, kind="follow-up", at=at, note="Sent by nextsteps (I think)."
        )
        apps = self.migrate(AFTER).loader.project_state(AFTER).apps
        events = apps.get_model("tracker", "Event").objects
        self.assertEqual(events.get(id=sent.id).note, "Sent by nextsteps.")
        self.assertEqual(events.get(id=own.id).note, "Sent by nextsteps (I think).")
