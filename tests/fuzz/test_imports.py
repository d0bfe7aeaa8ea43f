"""Fuzz: files in the shapes of tracker exports and spreadsheets, their cells typed
carelessly or with hostile intent (dates at the ends of the calendar, statuses
nobody uses, line breaks in names, bytes that are not UTF-8). The dry run accounts
for every row; the import creates what it showed or refuses in one sentence and
leaves the database as it was; the page never answers 500."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from nextsteps.accounts.services import change_profile, create_account, profile_of
from nextsteps.imports.cells import STATUS_WORDS
from nextsteps.imports.columns import ALIASES, Format
from nextsteps.imports.reading import ImportRefused
from nextsteps.imports.services import preview, run_import
from nextsteps.tracker.services import add_application
from tests.base import csrf_client
from tests.fuzz.hostile import BUDGET, snapshot, text, text_or_bytes

HEADERS = [alias for aliases in ALIASES.values() for alias in aliases[:3]] + [
    "Job Position", "JobTitle", "appliedDate", "createdAt", "JobSource", "Excitement",
    "List", "Max. Salary", "index", "", "Company", "Company",
]  # fmt: skip
STATUSES = [word for words in STATUS_WORDS.values() for word in words]
DAYS = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
    st.dates().map(lambda d: d.strftime("%b %d, %Y")),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.sampled_from(["N/A", "13/45/2026", "2026-02-30", "0000-00-00", "31/12/9999"]),
)
CELLS = st.one_of(text_or_bytes, DAYS, st.sampled_from(STATUSES), st.sampled_from(["Yes", "No"]))


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@st.composite
def files(draw: st.DrawFn) -> bytes:
    """A header of known and unknown names (a company and a role mostly among them),
    rows of hostile cells, joined by a comma, a semicolon or a tab."""
    header = draw(st.lists(st.one_of(st.sampled_from(HEADERS), text), min_size=1, max_size=8))
    if draw(st.integers(0, 9)):
        header = ["Company", "Role", *header]
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(header) + 1), max_size=6))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [separator.join(quoted(cell) for cell in row) for row in [header, *rows]]
    data = ending.join(lines).encode("utf-8", "surrogateescape")
    return draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + data


class ImportFuzzTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = create_account("alice", "a-long-password-7", "Europe/London")
        change_profile(profile_of(cls.user), "country", "GB")
        add_application(cls.user, "Acme", "Data Analyst")

    @BUDGET
    @given(files(), st.sampled_from(list(Format)))
    def test_every_row_is_created_left_alone_or_refused(self, data: bytes, chosen: Format) -> None:
        before = snapshot()
        try:
            report = preview(self.user, data, chosen)
        except ImportRefused as exc:
            event("file refused")
            self.assertTrue(str(exc).strip())
            return
        self.assertEqual(snapshot(), before)
        self.assertEqual(
            len(report.to_create) + len(report.duplicates) + len(report.refused), report.rows
        )
        event(f"{len(report.to_create)} to create, {len(report.refused)} refused")
        done = run_import(self.user, data, chosen)
        self.assertEqual(len(done.created), len(report.to_create))
        again = preview(self.user, data, chosen)
        self.assertEqual(again.to_create, [])

    @BUDGET
    @given(files())
    def test_the_page_answers_or_refuses_never_500(self, data: bytes) -> None:
        client = csrf_client(self.user)
        token = client.csrf_token  # type: ignore[attr-defined]
        checked = client.post(
            reverse("import"),
            {
                "file": SimpleUploadedFile("f.csv", data),
                "format": "auto",
                "csrfmiddlewaretoken": token,
            },
        )
        event(f"check {checked.status_code}")
        self.assertIn(checked.status_code, (200, 400))
        if checked.status_code == 400:
            self.assertContains(checked, "errorlist", status_code=400)
            return
        waiting = client.session.get("import-waiting")
        self.assertIsNotNone(waiting)
        done = client.post(
            reverse("import-confirm"), {"digest": waiting["digest"], "csrfmiddlewaretoken": token}
        )
        self.assertEqual(done.status_code, 302)
