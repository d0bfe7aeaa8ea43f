"""`nextsteps capture URL|FILE|-`: what a posting's page says, and with --save the
application; one line of error (exit 2) for what it cannot read, and nothing saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextsteps.tracker.models import Application
from tests.capture.conftest import PAGES, site_address
from tests.cli.conftest import Run


def test_a_saved_page_is_read_and_nothing_saved(nextsteps: Run) -> None:
    found = nextsteps("capture", str(PAGES / "workday.html"))
    assert found.stdout.splitlines() == [
        "Found in the posting's schema.org JobPosting:",
        "  Company    Corvid Logistics Ltd.",
        "  Role       Accounts Payable Specialist",
        "  Location   Dublin, Ireland; Cork, Ireland",
        "  Posted on  2026-10-30",
        "  Posting    https://corvid.example-workday.test/en-US/Careers/job/Dublin/"
        "Accounts-Payable-Specialist_R-20931",
        "Nothing was saved: run it again with --save to add it.",
    ]
    assert not Application.objects.exists()


def test_a_page_on_standard_input_is_saved_with_what_it_said(nextsteps: Run) -> None:
    page = (PAGES / "lever.html").read_text()
    saved = nextsteps("capture", "-", "--save", "--applied", "2026-11-05", stdin=page)
    application = Application.objects.get()
    assert saved.stdout.splitlines()[-2] == (
        f"Saved application {application.id}: Senior R&D Chemist at Harrow & Finch, "
        "applied yesterday."
    )
    assert application.events.get().note.splitlines()[1:] == [
        "Location: Manchester, United Kingdom",
        "Salary: GBP 52,000 to 61,000 a year",
        "Posted on Wednesday 25 November 2026.",
    ]


def test_an_address_is_fetched(nextsteps: Run, settings: Any) -> None:
    settings.CAPTURE_PRIVATE_NETWORK = True
    address = f"{site_address()}/ashby.html"
    nextsteps("capture", address, "--save")
    application = Application.objects.get()
    assert (str(application), application.posting_url) == (
        "Staff Data Engineer at Quillmark",
        address,
    )
    assert application.source == "127.0.0.1"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["{site}/greenhouse.html"], "nextsteps does not fetch pages from 127.0.0.1, an "
         "address on a private or local network: paste the page itself instead."),
        (["{pages}/nothing.html", "--save"], "nextsteps found no job posting there: the page "
         "has no schema.org JobPosting and no OpenGraph title. Add it with nextsteps add "
         "COMPANY ROLE."),
        (["{pages}/no-such.html"], "nextsteps cannot read {pages}/no-such.html: No such file "
         "or directory."),
        (["ftp://jobs.example.com/1"], "nextsteps fetches web addresses that begin with "
         "http:// or https://, like https://jobs.example.com/posting/123."),
        (["{pages}/lever.html", "--applied", "2026-11-05"], "--applied goes with --save: "
         "nextsteps capture URL --save --applied DAY."),
        (["{pages}/lever.html", "--save", "--applied", "2026-11-09"], "The date you applied "),
    ],
    ids=["a private address", "no posting", "no file", "not the web", "--applied alone",
         "applied in the future"],
)  # fmt: skip
def test_what_cannot_be_read_or_saved_is_one_line_and_exit_2(
    nextsteps: Run, args: list[str], said: str
) -> None:
    filled = [a.format(site=site_address(), pages=PAGES) for a in args]
    result = nextsteps("capture", *filled, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {said.format(pages=PAGES)}")
    assert len(result.stderr.splitlines()) == 1
    assert not Application.objects.exists()


def test_a_posting_that_names_no_company_is_not_saved(nextsteps: Run, tmp_path: Path) -> None:
    page = tmp_path / "posting.html"
    page.write_text('<meta property="og:title" content="Night Porter">')
    result = nextsteps("capture", str(page), "--save", check=False)
    assert result.stdout.splitlines() == [
        "Found in the posting's OpenGraph:",
        "  Role       Night Porter",
    ]
    assert result.stderr == (
        "error: The posting names no company: add it with nextsteps add COMPANY ROLE.\n"
    )
    assert not Application.objects.exists()
