"""Each tracker's export, in the shape its maker writes it, read row by row: what
will be created (and the events its dates and status stand for), what is refused
and why, and how the file was read."""

from __future__ import annotations

from nextsteps.imports.cells import DayOrder
from nextsteps.imports.columns import Format
from nextsteps.imports.services import NOT_KEPT
from nextsteps.tracker.models import Application
from tests.imports.base import ImportTestCase, file, listed

EMPTY_COMPANY = "The company's name cannot be empty."
OCT_5, SEP_21, SEP_2 = "Mon 5 Oct", "Mon 21 Sep", "Wed 2 Sep"


class TealTestCase(ImportTestCase):
    def test_statuses_and_dates_become_events(self) -> None:
        report = self.preview(file("teal.csv"))
        self.assertEqual(report.format, Format.TEAL)
        self.assertEqual(
            listed(report),
            [
                (2, "Data Scientist at TechCorp", "Applied Mon 5 Oct"),
                (3, "Data Analyst at Acme", "Applied Tue 6 Oct, Interview held Tue 6 Oct"),
                (4, "Product Analyst at Globex", "Saved, not applied for"),
                (5, "ML Engineer at Initech", "Applied Thu 3 Sep, Not offered the job Thu 3 Sep"),
                (7, "BI Developer at Umbrella", "Applied Sun 2 Aug, Closed: no answer Sun 2 Aug"),
                (8, "Data Engineer at Hooli", "Applied Sat 12 Sep, Offer Sat 12 Sep"),
            ],
        )
        self.assertEqual([(r.line, r.reason) for r in report.refused], [(6, EMPTY_COMPANY)])
        self.assertEqual(report.ignored_columns, ("Deadline", "Follow up", "Excitement"))
        self.assertIsNone(report.day_order)  # every day written 2026-10-05
        first = report.to_create[0]
        self.assertEqual(
            first.note, "Imported from a Teal export.\nSalary: up to 120000\nLocation: Remote"
        )
        self.assertEqual(report.to_create[2].left_out, NOT_KEPT)


class HuntrTestCase(ImportTestCase):
    def test_lists_become_stages_and_us_days_are_read_month_first(self) -> None:
        report = self.preview(file("huntr.csv"))
        self.assertEqual(report.format, Format.HUNTR)
        self.assertEqual(report.day_order, DayOrder.MONTH_FIRST)  # 10/20/2026
        self.assertEqual(
            listed(report),
            [
                (2, "Frontend Developer at Stark Industries", "Saved, not applied for"),
                (3, "Backend Developer at Wayne Enterprises", "Applied Tue 13 Oct"),
                (5, "Platform Engineer at Cyberdyne", f"Applied {OCT_5}, Interview held {OCT_5}"),
                (6, "Site Reliability Engineer at Tyrell", "Applied Wed 16 Sep, Offer Wed 16 Sep"),
            ],
        )  # fmt: skip
        wayne = report.to_create[1]
        self.assertEqual(wayne.posting_url, "https://jobs.example.com/wayne/7")
        self.assertEqual(
            wayne.note,
            "Imported from a Huntr export.\nLocation: Gotham\n"
            "Referred by Lucius.\nCall him after the 20th.",
        )
        # The note's two lines make line 4; the next row starts on line 5.
        self.assertEqual(
            [(r.line, r.reason) for r in report.refused],
            [(7, "The date applied '13/45/2026' is not a day: write it as 2026-03-23.")],
        )


class JobSyncTestCase(ImportTestCase):
    def test_applied_yes_or_no_job_types_and_na(self) -> None:
        report = self.preview(file("jobsync.csv"))
        self.assertEqual(report.format, Format.JOBSYNC)
        self.assertEqual(
            listed(report),
            [
                (2, "Full Stack Developer at Acme Corp", "Applied Fri 2 Oct"),
                (3, "DevOps Engineer at Globex", "Saved, not applied for"),
                (4, "Software Engineer at Initech", f"Applied {SEP_21}, Interview held {SEP_21}"),
                (5, "Data Engineer at Umbrella", f"Applied {SEP_2}, Not offered the job {SEP_2}"),
                (6, "Site Engineer at Hooli", "Saved, not applied for"),
                (7, "Importer at Vandelay", "Applied Thu 2 Jul, Offer accepted Thu 2 Jul"),
            ],
        )  # fmt: skip
        self.assertEqual([(r.line, r.reason) for r in report.refused], [(8, EMPTY_COMPANY)])
        self.assertEqual(report.ignored_columns, ("index",))
        by_line = {c.line: c for c in report.to_create}
        self.assertEqual(by_line[2].source, "Linkedin")
        self.assertEqual((by_line[3].temporary, by_line[7].temporary), (True, True))
        self.assertEqual(by_line[4].note, "Imported from a JobSync export.")  # N/A: no location

    def test_what_is_imported_is_planned(self) -> None:
        report = self.run_import(file("jobsync.csv"))
        self.assertEqual(len(report.created), 6)
        stages = dict(Application.objects.filter(owner=self.alice).values_list("role", "stage"))
        self.assertEqual(
            stages,
            {
                "Full Stack Developer": "applied",
                "DevOps Engineer": "saved",
                "Software Engineer": "interviewing",
                "Data Engineer": "closed",
                "Site Engineer": "saved",
                "Importer": "offer",
            },
        )
        sent = Application.objects.get(role="Full Stack Developer")
        self.assertEqual(sent.applied_on.isoformat(), "2026-10-02")
        self.assertEqual(sent.source, "Linkedin")
        # Applied on 2 October, never answered: the playbook's check-ins are planned.
        self.assertTrue(sent.steps.filter(kind__in=["check_in", "move_on"]).exists())
        self.assertEqual(Application.objects.get(role="Importer").kind, "temporary")


class GenericTestCase(ImportTestCase):
    def test_aliases_semicolons_a_bom_and_days_first(self) -> None:
        report = self.preview(file("generic.csv"))
        self.assertEqual(report.format, Format.GENERIC)
        self.assertEqual(report.day_order, DayOrder.DAY_FIRST)  # 25/10/2026
        self.assertEqual(
            listed(report),
            [
                (2, "Data Analyst at Acme", "Applied Sat 3 Oct, Interview held Mon 12 Oct"),
                (3, "Engineer at Globex", "Applied Sun 25 Oct"),
            ],
        )
        acme = report.to_create[0]
        self.assertEqual(acme.posting_url, "https://acme.example/jobs/1")
        self.assertEqual(
            acme.note, "Imported from a spreadsheet.\nSalary: 45k\nMet Jane at the meetup"
        )
        self.assertEqual(
            [(r.line, r.reason) for r in report.refused],
            [
                (4, "The company's name must be one line, without a line break."),
                (
                    6,
                    "The status 'maybe' means nothing to nextsteps: use saved, applied, "
                    "screening, interview, offer, accepted, declined, rejected, withdrawn "
                    "or no response.",
                ),
                (7, "The date you applied cannot be in the future."),
                (9, "The row says you applied but gives no day: add the date applied."),
            ],
        )
        (same,) = report.duplicates
        self.assertEqual((same.line, same.first_line, same.application_id), (10, 2, None))


class ReactiveResumeTestCase(ImportTestCase):
    def test_a_resume_holds_no_applications_and_says_so(self) -> None:
        for chosen in (Format.AUTO, Format.REACTIVE_RESUME):
            with self.assertRaisesMessage(ValueError, "This is a Reactive Resume résumé"):
                self.preview(file("reactive_resume.json"), chosen)
        with self.assertRaisesMessage(ValueError, "not a Reactive Resume export"):
            self.preview(file("teal.csv"), Format.REACTIVE_RESUME)


class ChosenFormatTestCase(ImportTestCase):
    def test_a_format_named_must_match_the_columns(self) -> None:
        with self.assertRaisesMessage(
            ValueError,
            "This file is not a Teal export: that has the columns Job Position with Date "
            "Saved, Max. Salary or Excitement.",
        ):
            self.preview(file("jobsync.csv"), Format.TEAL)
        # Any tracker's file is also a spreadsheet with a company and a role.
        self.assertEqual(self.preview(file("teal.csv"), Format.GENERIC).format, Format.GENERIC)
