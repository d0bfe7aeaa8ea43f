"""Importing: the dry run writes nothing, the import creates what it showed in one
transaction, a second import of the same file creates nothing, and the user's
applications (not anyone else's) are what a row duplicates."""

from __future__ import annotations

from datetime import date

from django.db import connection

from nextsteps.backups.exports import applications_csv
from nextsteps.imports.reading import ImportRefused
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.tracker.models import Application, Company, Event, NextStep
from nextsteps.tracker.services import add_application, record_event
from tests.fuzz.hostile import snapshot
from tests.imports.base import ImportTestCase, file

ROWS = "Company,Role,Status,Date applied,URL,Notes\n"


class DryRunTestCase(ImportTestCase):
    def test_the_dry_run_writes_nothing(self) -> None:
        before = snapshot()
        for name in ("teal.csv", "huntr.csv", "jobsync.csv", "generic.csv"):
            self.assertTrue(self.preview(file(name)).to_create, name)
        self.assertEqual(snapshot(), before)


class TwiceTestCase(ImportTestCase):
    def test_importing_the_same_file_twice_creates_nothing_new(self) -> None:
        first = self.run_import(file("teal.csv"))
        self.assertEqual(len(first.created), 6)
        counts = [m.objects.count() for m in (Company, Application, Event, NextStep)]
        again = self.run_import(file("teal.csv"))
        self.assertEqual((again.created, again.to_create), ([], []))
        self.assertEqual(
            sorted(d.application_id for d in again.duplicates if d.application_id),
            sorted(first.created),
        )
        self.assertEqual(
            [m.objects.count() for m in (Company, Application, Event, NextStep)], counts
        )


class DuplicateTestCase(ImportTestCase):
    def test_a_row_duplicates_the_users_own_application_whatever_its_case(self) -> None:
        mine = add_application(self.alice, "ACME", "data analyst")
        add_application(self.outsider, "Globex", "Engineer")
        report = self.preview(
            ROWS + "Acme,Data Analyst,applied,2026-10-01,,\nGlobex,Engineer,applied,2026-10-01,,\n"
        )
        (same,) = report.duplicates
        self.assertEqual((same.line, same.application_id), (2, mine.id))
        self.assertEqual([c.line for c in report.to_create], [3])  # bob's is not hers

    def test_different_postings_of_one_role_are_two_applications(self) -> None:
        add_application(self.alice, "Acme", "Engineer", posting_url="https://acme.example/jobs/1")
        report = self.preview(
            ROWS
            + "Acme,Engineer,applied,2026-10-01,https://acme.example/jobs/1,\n"
            + "Acme,Engineer,applied,2026-10-01,https://acme.example/jobs/2,\n"
        )
        self.assertEqual([d.line for d in report.duplicates], [2])
        self.assertEqual([c.line for c in report.to_create], [3])

    def test_a_known_company_keeps_its_spelling(self) -> None:
        add_application(self.alice, "TechCorp Ltd", "Analyst")
        self.run_import(ROWS + "techcorp ltd,Scientist,applied,2026-10-01,,\n")
        self.assertEqual(Company.objects.filter(owner=self.alice).count(), 1)
        self.assertEqual(Application.objects.get(role="Scientist").company.name, "TechCorp Ltd")


class AllOrNothingTestCase(ImportTestCase):
    def test_a_failure_while_writing_leaves_nothing_of_the_file(self) -> None:
        """The database refuses the third application's event (as a full disk would):
        the two before it are not kept either, and the sentence names the line."""
        refuse_a_note("boom")
        before = snapshot()
        rows = "".join(
            f"Co {n},Analyst,applied,2026-10-0{n},,{'boom' if n == 3 else 'fine'}\n"
            for n in range(1, 6)
        )
        with (
            self.assertRaisesMessage(ImportRefused, "Line 4 could not be written"),
            self.assertLogs("nextsteps.import", "ERROR"),
        ):
            self.run_import(ROWS + rows)
        self.assertEqual(snapshot(), before)


def refuse_a_note(word: str) -> None:
    """A trigger (SQLite's or PostgreSQL's) that makes the database refuse an event
    whose note holds `word`; the test's transaction takes it away."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TEMP TRIGGER refuse_note BEFORE INSERT ON tracker_event "
                f"WHEN NEW.note LIKE '%{word}%' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
            return
        cursor.execute(
            "CREATE FUNCTION refuse_note() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.note LIKE '%{word}%' THEN RAISE EXCEPTION 'disk full'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_note BEFORE INSERT ON tracker_event "
            "FOR EACH ROW EXECUTE FUNCTION refuse_note()"
        )


class RoundTripTestCase(ImportTestCase):
    def test_nextsteps_own_export_comes_back_as_it_was(self) -> None:
        """Bob's applications, exported as CSV, imported into Alice's account: each
        company, role, stage, day applied, kind, posting and source as they were."""

        def add(company: str, *, applied: date | None = None, **kwargs: object) -> Application:
            return add_application(self.outsider, company, "Analyst", applied_on=applied, **kwargs)  # type: ignore[arg-type]

        add("Saved Co", posting_url="https://saved.example/1", source="LinkedIn")
        add("Sent Co", applied=date(2026, 10, 1))
        talking = add("Talking Co", applied=date(2026, 10, 1), temporary=True)
        record_event(
            talking, PlannedEvent(EventKind.INTERVIEW_HELD, self.local(date(2026, 10, 8), 10))
        )
        for company, ending in (
            ("No Co", EventKind.REJECTED),
            ("Yes Co", EventKind.OFFER_ACCEPTED),
        ):
            closed = add(company, applied=date(2026, 9, 1))
            record_event(closed, PlannedEvent(ending, self.local(date(2026, 9, 20))))
        fields = ("company__name", "role", "stage", "applied_on", "kind", "posting_url", "source")
        theirs = set(Application.objects.filter(owner=self.outsider).values_list(*fields))
        report = self.run_import(applications_csv(self.outsider))
        self.assertEqual((len(report.created), report.refused), (5, []))
        self.assertEqual(
            set(Application.objects.filter(owner=self.alice).values_list(*fields)), theirs
        )
