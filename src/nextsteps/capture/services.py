"""Job capture's use cases: the posting at an address or on a page, and saving it
as an application through the tracker, with what has no field of its own (where
the job is, its pay, the day it was posted) kept in the note of its first event."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import User

from nextsteps.capture.fetching import PageRefused, fetch_page
from nextsteps.capture.posting import Posting, read_posting
from nextsteps.fields import Text
from nextsteps.playbook.humandates import long_day
from nextsteps.tracker.models import SOURCE, Application
from nextsteps.tracker.services import add_application

NOTHING_FOUND = (
    "nextsteps found no job posting there: the page has no schema.org JobPosting and "
    "no OpenGraph title."
)
LOCATION = Text("Where the job is", 200)
SALARY = Text("The salary", 200)


def posting_at(address: str) -> Posting:
    """The posting on the page at `address`; PageRefused says why there is none."""
    page = fetch_page(
        address,
        seconds=settings.CAPTURE_SECONDS,
        largest=settings.CAPTURE_LARGEST_PAGE,
        private_network=settings.CAPTURE_PRIVATE_NETWORK,
    )
    return read_posting(page.html, page.address)


def posting_in(html: str, address: str = "") -> Posting:
    """The posting on a page the user saved or pasted."""
    largest = settings.CAPTURE_LARGEST_PAGE
    if len(html) > largest:
        raise PageRefused(
            f"The page is larger than the {largest / 1_048_576:g} MB nextsteps reads: "
            "keep the part with the posting."
        )
    return read_posting(html, address)


def add_captured(
    owner: User,
    company: str,
    role: str,
    *,
    location: str = "",
    salary: str = "",
    posted_on: date | None = None,
    posting_url: str = "",
    **details: Any,
) -> Application:
    """A captured posting saved as an application (add_application's `details`);
    the site it came from is where the user found the job."""
    site = urlsplit(posting_url.strip()).hostname or ""
    lines = [
        f"Captured from {site}." if site else "Captured from a job posting.",
        (location := LOCATION.clean(location)) and f"Location: {location}",
        (salary := SALARY.clean(salary)) and f"Salary: {salary}",
        posted_on and f"Posted on {long_day(posted_on)} {posted_on.year}.",
    ]
    return add_application(
        owner,
        company,
        role,
        posting_url=posting_url,
        source=site[: SOURCE.max_length],
        note="\n".join(line for line in lines if line),
        **details,
    )
