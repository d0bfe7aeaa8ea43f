"""Insights and the work-search report in a real browser, at a phone's width and a
laptop's, on the demo's three weeks of a search with learning and networking done:
the charts show within the window, the report's form downloads a PDF whose pages show
the search and a CSV with its rows, and days the wrong way round are said in a
sentence on the page. Screenshots of the page and of the PDF's pages are kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from nextsteps.accounts.services import profile_of
from nextsteps.activities.services import add_activity, complete_activity, today_of
from nextsteps.web.demo import create_demo
from tests.e2e.conftest import log_in, sideways_scroll
from tests.pdfs import inked, pdf_pages, pdf_text

VIEWPORTS = [("390px", {"width": 390, "height": 844}), ("1280px", {"width": 1280, "height": 900})]


@pytest.fixture
def seeker(transactional_db: None, live_server: Any) -> tuple[User, str]:
    """The demo's search (its SQL class done last week and today), by Sam Seeker, with
    a call done today."""
    user, password = create_demo("sam", "Europe/London")
    profile = profile_of(user)
    profile.name = "Sam Seeker"
    profile.save()
    call = add_activity(user, "networking", "Call Priya at Harbour Analytics")
    complete_activity(call, today_of(user))
    return user, password


def cut_off_words(page: Page) -> list[str]:
    """The labels and values of the charts that run past their chart's edges, as drawn
    by the browser with its own font."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.chart svg')].flatMap(svg => {
            const width = svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')]
                .filter(t => { const b = t.getBBox(); return b.x < 0 || b.x + b.width > width; })
                .map(t => t.textContent);
        })"""
    )
    return found


def download(page: Page, button: str) -> bytes:
    with page.expect_download() as started:
        page.get_by_role("button", name=button).click()
    path = started.value.path()
    return Path(path).read_bytes()


@pytest.mark.parametrize(("label", "viewport"), VIEWPORTS, ids=[v[0] for v in VIEWPORTS])
def test_insights_and_the_report_read_well(
    browser: Any,
    live_server: Any,
    seeker: tuple[User, str],
    artifacts: Path,
    label: str,
    viewport: dict[str, int],
) -> None:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    try:
        log_in(page, live_server.url, seeker[0].username, seeker[1])
        page.goto(f"{live_server.url}/insights/")
        expect(page.get_by_role("heading", name="Insights", level=1)).to_be_visible()
        expect(page.get_by_text("Also this week: Learning 1, Networking 1.")).to_be_visible()
        for chart in ("Applications per week", "Active pipeline", "Funnel", "Thank-you notes"):
            box = page.get_by_role("img", name=chart).bounding_box()
            assert box is not None, chart
            assert 0 < box["width"] <= viewport["width"], chart
        assert cut_off_words(page) == []
        assert sideways_scroll(page) == 0
        page.screenshot(path=artifacts / f"insights-{label}.png", full_page=True)

        pdf = download(page, "Download PDF")
        text = pdf_text(pdf)
        assert "Work-search record" in text
        assert "Name: Sam Seeker" in text
        assert "Learning: SQL evening" in text  # the column wraps "class" below
        pages = pdf_pages(pdf, artifacts / "insights-report")
        assert pages
        assert all(inked(p) for p in pages)

        found = list(csv.reader(io.StringIO(download(page, "Download CSV").decode("utf-8-sig"))))
        assert found[0][:3] == ["Date", "Activity", "Employer"]
        assert any(row[1] == "Networking: Call Priya at Harbour Analytics" for row in found)

        page.get_by_label("From", exact=True).fill("2026-11-15")
        page.get_by_label("To", exact=True).fill("2026-11-02")
        page.get_by_role("button", name="Download PDF").click()
        expect(page.get_by_role("alert")).to_have_text(
            "The report's last day (2026-11-02) comes before the report's first day (2026-11-15)."
        )
        expect(page.get_by_label("From", exact=True)).to_have_value("2026-11-15")
        assert sideways_scroll(page) == 0
        assert page.url.endswith("#proof")  # the answer opens where the form is
        page.screenshot(path=artifacts / f"insights-refused-{label}.png")
    finally:
        context.close()
