"""Reading a posting's page: the shapes applicant-tracking systems publish, and any
text at all without an error."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.capture.posting import Posting, read_posting

PAGES = Path(__file__).parent / "pages"
JOB_POSTING, OPEN_GRAPH = "schema.org JobPosting", "OpenGraph"

EXPECTED = {
    "greenhouse": Posting(
        company="Lindenfield Robotics",
        role="Platform Engineer",
        location="Austin, TX, US",
        posted_on=date(2026, 11, 18),
        url="https://boards.example-greenhouse.test/lindenfield/jobs/4410021",
        found_in=(JOB_POSTING,),
    ),
    "lever": Posting(
        company="Harrow & Finch",
        role="Senior R&D Chemist",
        location="Manchester, United Kingdom",
        salary="GBP 52,000 to 61,000 a year",
        posted_on=date(2026, 11, 25),
        url="https://jobs.example-lever.test/harrowfinch/6f1c",
        found_in=(JOB_POSTING,),
    ),
    "workday": Posting(
        company="Corvid Logistics Ltd.",
        role="Accounts Payable Specialist",
        location="Dublin, Ireland; Cork, Ireland",
        posted_on=date(2026, 10, 30),
        url="https://corvid.example-workday.test/en-US/Careers/job/Dublin/Accounts-Payable-Specialist_R-20931",
        found_in=(JOB_POSTING,),
    ),
    "smartrecruiters": Posting(
        company="Maison Olivette",
        role="Night Shift Pastry Cook",
        location="Lyon, France",
        salary="EUR 14.50 an hour",
        posted_on=date(2026, 11, 29),
        found_in=(JOB_POSTING,),
    ),
    "ashby": Posting(
        company="Quillmark",
        role="Staff Data Engineer",
        location="Remote (Toronto, Ontario, CA)",
        salary="CAD 185,000 to 215,000 a year",
        posted_on=date(2026, 11, 12),
        found_in=(JOB_POSTING,),
    ),
    "social": Posting(
        company="Northwind Trading",
        role="Data Analyst",
        location="Leeds, England, United Kingdom",
        url="https://www.linkfolk.example.test/jobs/view/data-analyst-at-northwind-3318842",
        found_in=(OPEN_GRAPH,),
    ),
    "nothing": Posting(),
}


@pytest.mark.parametrize(
    "page",
    EXPECTED,
    ids=[
        "greenhouse: JSON-LD, one place -> its city, region and country",
        "lever: JSON-LD in a comment, entities encoded -> the salary range a year",
        "workday: two places, countries as objects, the canonical link -> both places",
        "smartrecruiters: microdata only -> the text of its elements, the hourly pay",
        "ashby: a JobPosting in a @graph, remote -> Remote (and the office)",
        "a social network: OpenGraph only -> company, role and place from its title",
        "a careers page with no posting, broken JSON -> nothing",
    ],
)
def test_a_posting_is_read_from_the_shape_its_site_publishes(page: str) -> None:
    html = (PAGES / f"{page}.html").read_text()
    assert read_posting(html) == EXPECTED[page]


def test_the_address_it_was_found_at_is_the_postings_address() -> None:
    html = (PAGES / "lever.html").read_text()
    found = read_posting(html, "https://jobs.example-lever.test/harrowfinch/6f1c?source=mail")
    assert found.url == "https://jobs.example-lever.test/harrowfinch/6f1c?source=mail"


def test_a_posting_fills_what_open_graph_left_out_and_not_the_other_way() -> None:
    html = (
        '<meta property="og:title" content="Barista | Kettle Coffee">'
        '<meta property="og:site_name" content="Kettle Coffee">'
        '<script type="application/ld+json">{"@type": "JobPosting", "title": "Head Barista"}'
        "</script>"
    )
    assert read_posting(html) == Posting(
        company="Kettle Coffee", role="Head Barista", found_in=(JOB_POSTING, OPEN_GRAPH)
    )


@pytest.mark.parametrize(
    ("posted", "day"),
    [("2026-02-30", None), ("yesterday", None), ("2026-02-03T25:00", date(2026, 2, 3))],
    ids=["a day that does not exist", "words", "a day with a time that does not"],
)
def test_a_posting_date_is_a_day_or_nothing(posted: str, day: date | None) -> None:
    posting = f'{{"@type": "JobPosting", "datePosted": "{posted}"}}'
    html = f'<script type="application/ld+json">{posting}</script>'
    assert read_posting(html).posted_on == day


def test_a_long_description_in_place_of_a_title_is_cut() -> None:
    html = f'<meta property="og:title" content="{"word " * 200}">'
    assert len(read_posting(html).role) == 300


PIECES = st.sampled_from(
    [
        "<script type='application/ld+json'>",
        "</script>",
        '{"@type": "JobPosting", "title": ',
        '"hiringOrganization": [',
        '{"baseSalary": {"value": {"minValue": ',
        "<div itemscope itemtype='https://schema.org/JobPosting'>",
        "<span itemprop='title'>",
        "<meta itemprop='datePosted' content='",
        "</div>",
        "<meta property='og:title' content='",
        "<!--",
        "<![CDATA[",
        "<!DOCTYPE",
        "[" * 50,
        "1e999",
        "&#xD800;",
        "&amp;",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join))
def test_any_text_is_read_without_an_error(page: str) -> None:
    assert isinstance(read_posting(page), Posting)


# The properties nextsteps reads, at any depth.
NAMES = [
    "@type",
    "@graph",
    "title",
    "name",
    "hiringOrganization",
    "jobLocation",
    "address",
    "addressLocality",
    "addressCountry",
    "baseSalary",
    "estimatedSalary",
    "value",
    "minValue",
    "maxValue",
    "unitText",
    "currency",
    "datePosted",
    "url",
    "jobLocationType",
]
PROPERTIES = st.sampled_from(NAMES)
VALUES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
JSON = st.recursive(
    VALUES | st.sampled_from(["JobPosting", "TELECOMMUTE", "YEAR", "2026-11-30"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(PROPERTIES, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_json_ld_is_read_without_an_error(value: object) -> None:
    posting = {**dict.fromkeys(NAMES, value), "@type": "JobPosting"}
    for document in (value, posting):
        page = f'<script type="application/ld+json">{json.dumps(document)}</script>'
        assert isinstance(read_posting(page), Posting)


def test_deeply_nested_json_and_elements_are_read_without_an_error() -> None:
    page = (
        "<script type='application/ld+json'>"
        + "[" * 100_000
        + "</script>"
        + "<div itemscope itemprop='x'>" * 20_000
    )
    assert read_posting(page) == Posting()
