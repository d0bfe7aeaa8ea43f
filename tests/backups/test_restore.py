"""What a restore refuses, in one sentence, writing nothing: a file that is no
backup, one from a newer nextsteps, one whose rows break a rule, an account that
already holds something."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User

from nextsteps.backups.backup import backup_json
from nextsteps.backups.restore import RestoreRefused, read_backup, restore
from nextsteps.outreach.models import Message
from nextsteps.reminders.services import feed_of
from nextsteps.tracker.models import Application, Company, Event
from tests.base import BaseTestCase


class RestoreTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application_interviewed()
        self.document: dict[str, Any] = json.loads(backup_json(self.alice))
        self.carol = User.objects.create_user("carol")

    def refused(self, document: Any, sentence: str) -> None:
        rows = (Application.objects.count(), Company.objects.count(), Event.objects.count())
        with self.assertRaises(RestoreRefused) as caught:
            restore(self.carol, read_backup(json.dumps(document).encode(), "alice.json"))
        self.assertEqual(str(caught.exception), sentence)
        after = (Application.objects.count(), Company.objects.count(), Event.objects.count())
        self.assertEqual(after, rows, "a refused restore writes nothing")


class UnreadableFileTest(RestoreTestCase):
    def test_not_json(self) -> None:
        with self.assertRaisesMessage(
            RestoreRefused,
            "notes.txt is not a nextsteps backup: it is not JSON (Expecting value at line 1).",
        ):
            read_backup(b"company,role\nAcme,Analyst\n", "notes.txt")

    def test_not_text(self) -> None:
        with self.assertRaisesMessage(
            RestoreRefused, "photo.jpg is not a nextsteps backup: it is not text."
        ):
            read_backup(b"\xff\xd8\xff\xe0", "photo.jpg")

    def test_json_of_something_else(self) -> None:
        for other in ([1, 2], {"format": "other"}, "text", None):
            with self.assertRaisesMessage(RestoreRefused, "x.json is not a nextsteps backup."):
                read_backup(json.dumps(other).encode(), "x.json")

    def test_a_newer_format(self) -> None:
        self.refused(
            {**self.document, "version": 2},
            "alice.json was made by a newer nextsteps (backup format 2, this one reads up "
            "to 1): upgrade nextsteps, then restore it.",
        )

    def test_a_newer_migration(self) -> None:
        schema = {**self.document["schema"], "tracker": "0099_later"}
        self.refused(
            {**self.document, "schema": schema},
            "alice.json was made by a newer nextsteps (its data is at tracker 0099_later, "
            "which this one does not know): upgrade nextsteps, then restore it.",
        )


class BadRowsTest(RestoreTestCase):
    def changed(self, table: str, item: int, **values: Any) -> dict[str, Any]:
        rows = [dict(row) for row in self.document[table]]
        rows[item - 1].update(values)
        return {**self.document, table: rows}

    def test_a_column_it_does_not_know(self) -> None:
        self.refused(
            self.changed("applications", 1, salary="50k"),
            "The backup's applications item 1 holds 'salary', unknown here.",
        )

    def test_a_text_too_long(self) -> None:
        self.refused(
            self.changed("applications", 1, role="x" * 201),
            "The backup's applications item 1 cannot be restored (role): Ensure this "
            "value has at most 200 characters (it has 201).",
        )

    def test_a_word_it_does_not_know(self) -> None:
        self.refused(
            self.changed("events", 2, kind="party"),
            "The backup's events item 2 cannot be restored (kind): 'party' is not one "
            "of its values.",
        )

    def test_a_moment_that_is_not_one(self) -> None:
        self.refused(
            self.changed("events", 1, at="yesterday"),
            "The backup's events item 1 cannot be restored (at): “yesterday” value has "
            "an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.",
        )

    def test_a_day_out_of_bounds(self) -> None:
        self.refused(
            self.changed("events", 1, decision_by="9999-12-31"),
            "The backup's events item 1 cannot be restored (decision_by): 9999-12-31 "
            "is not a day nextsteps plans with.",
        )

    def test_a_reference_to_a_row_it_does_not_hold(self) -> None:
        self.refused(
            self.changed("events", 1, application=7),
            "The backup's events item 1 names application '7', which it does not hold.",
        )

    def test_a_bad_row_at_the_end_leaves_nothing_of_the_rest(self) -> None:
        document = dict(self.document)
        document["activities"] = [{"id": 1, "kind": "juggling", "what": "Juggle"}]
        self.refused(
            document,
            "The backup's activities item 1 cannot be restored (kind): 'juggling' is "
            "not one of its values.",
        )

    def test_a_secret_in_clear(self) -> None:
        feed_of(self.alice)
        document = json.loads(backup_json(self.alice))
        document["calendar_feed"] = [{"id": 1, "token": "guessable"}]
        self.refused(document, "The backup's calendar feed item 1 holds 'token', unknown here.")


class WhereItGoesTest(RestoreTestCase):
    def test_an_account_that_holds_something_already(self) -> None:
        Company.objects.create(owner=self.carol, name="Mine")
        self.refused(
            self.document,
            "The account carol already holds companies: restore into a new account "
            "(NEXTSTEPS_USER=another-name) or a new database.",
        )

    def test_messages_whose_message_ids_this_database_holds(self) -> None:
        self.document["messages"] = [{"id": 1, "message_id": "<taken@example.com>"}]
        application = Application.objects.get(owner=self.alice)
        Message.objects.create(
            owner=self.alice, application=application, kind="thank_you", to_address="j@x.example",
            subject="s", body="b", scheduled_at=application.created, send_at=application.created,
            send_by=application.created, message_id="<taken@example.com>", state="sent",
        )  # fmt: skip
        self.refused(
            self.document,
            "This database already holds the messages of this backup (their Message-IDs): "
            "restore it into another database, or delete the account it came from first.",
        )

    def test_a_calendar_address_this_install_cannot_read_is_made_anew(self) -> None:
        feed_of(self.alice)
        document = json.loads(backup_json(self.alice))
        document["calendar_feed"][0]["token_encrypted"] = "gAAAAAnot-ours"
        restored = restore(self.carol, document)
        self.assertEqual(
            restored.notes,
            ["Your calendar has a new secret address (Settings shows it): subscribe to it again."],
        )
        self.assertNotEqual(feed_of(self.carol).token, feed_of(self.alice).token)

    def test_a_calendar_address_another_account_has_is_made_anew(self) -> None:
        token = feed_of(self.alice).token
        restored = restore(self.carol, json.loads(backup_json(self.alice)))
        self.assertEqual(len(restored.notes), 1)
        self.assertNotEqual(feed_of(self.carol).token, token)

    def test_the_account_gets_the_rows_with_their_recorded_moments(self) -> None:
        restored = restore(self.carol, self.document)
        self.assertEqual(restored.rows["applications"], 1)
        mine = Application.objects.get(owner=self.carol)
        theirs = Application.objects.get(owner=self.alice)
        self.assertEqual((mine.created, mine.stage), (theirs.created, theirs.stage))
        self.assertEqual(
            list(Event.objects.filter(application=mine).values_list("recorded_at", flat=True)),
            list(Event.objects.filter(application=theirs).values_list("recorded_at", flat=True)),
        )
