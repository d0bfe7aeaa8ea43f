"""The insights page: the search at a glance, each chart with its figures in a table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from nextsteps.fields import FieldRefused
from nextsteps.insights import charts, wording
from nextsteps.insights.report import work_search_record
from nextsteps.insights.report_files import CONTENT_TYPES, as_file, file_name, format_of
from nextsteps.insights.services import insights_of
from nextsteps.playbook.insights import (
    CANDIDATES_SEND_THANK_YOUS,
    HIRING_MANAGERS_COUNT_THANK_YOUS,
    JOB_CRUSH,
    KEEP_APPLYING,
    Figures,
    monday_of,
)
from nextsteps.web.views.common import Clock, SignedInRequest, clock


@login_required
def insights(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    return page(request, now, default_range(now.now.date()))


def default_range(today: date) -> dict[str, str]:
    """The report's days the form offers: last week and this one so far, as a
    fortnightly signing-on asks for."""
    first = monday_of(today) - timedelta(weeks=1)
    return {"from": first.isoformat(), "to": today.isoformat()}


@login_required
def report(request: SignedInRequest) -> HttpResponse:
    """The record of the search for the days asked (by default, those the form offers)
    as a download; otherwise the insights page with the one sentence that says what is
    wrong with them (400)."""
    now = clock(request)
    # What is not asked at all is the form's default; what is asked empty is refused.
    defaults = {**default_range(now.now.date()), "format": "pdf"}
    asked = {name: request.GET.get(name, default) for name, default in defaults.items()}
    try:
        kind = format_of(asked["format"])
        record = work_search_record(request.user, now.profile, asked["from"], asked["to"], now.now)
    except FieldRefused as exc:
        return page(request, now, asked, str(exc))
    response = HttpResponse(as_file(record, kind), content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{file_name(record, kind)}"'
    return response


def page(
    request: SignedInRequest, now: Clock, asked: dict[str, str], refused: str = ""
) -> HttpResponse:
    found = insights_of(request.user, now.profile.weekly_target, now.now)
    figures, crush = found.figures, found.crush
    by_title = section_charts(figures)
    return render(
        request,
        "insights/insights.html",
        {
            "figures": figures,
            "this_week": wording.this_week(figures),
            "activities_this_week": wording.activities_this_week(figures),
            "streak": wording.streak(figures),
            "crush": crush and wording.crush(crush.company.name, crush.role),
            "crush_application": crush,
            "crush_cited": (JOB_CRUSH, KEEP_APPLYING),
            "weeks": [
                (wording.week_label(w.first_day), w, wording.activities(w)) for w in figures.weeks
            ],
            "weekly_chart": weekly_chart(figures),
            "panels": [(s, by_title.get(s.title)) for s in wording.sections(figures)],
            "report": asked,
            "report_refused": refused,
        },
        status=400 if refused else 200,
    )


def weekly_chart(figures: Figures) -> charts.Chart:
    weeks = [(wording.week_label(w.first_day), w.applications) for w in figures.weeks]
    target = f"; your target is {figures.target} a week" if figures.target else ""
    counts = ", ".join(str(n) for _, n in weeks)
    return charts.columns(
        "chart-weeks",
        "Applications per week",
        f"Applications per week from the week of {weeks[0][0]}: {counts}{target}.",
        weeks,
        figures.target,
    )


def section_charts(figures: Figures) -> dict[str, charts.Chart]:
    """The chart drawn for each section, by the section's title: it says all the
    section's table does, which is folded under it."""
    pipeline = [(stage.value.capitalize(), count, str(count)) for stage, count in figures.pipeline]
    funnel = figures.funnel
    # Each step with its share of the one before: how many of those who applied got an interview.
    steps = [
        ("Applied", funnel.applied, str(funnel.applied)),
        ("Interviewed", funnel.interviewed, with_share(funnel.interviewed, funnel.interview_share)),
        ("Offered", funnel.offered, with_share(funnel.offered, funnel.offer_share)),
    ]
    thanks = figures.thank_yous
    notes = []
    if thanks.counted:
        for label, count in (
            ("You thanked", thanks.sent),
            ("Within 24 hours", thanks.sent_in_time),
        ):
            percent = round(count * 100 / thanks.counted)
            notes.append((label, percent, f"{percent}% ({count} of {thanks.counted})"))
    # Beside yours, the articles' shares: the candidates who send one, the managers it sways.
    for label, cited in (
        ("Candidates who do", CANDIDATES_SEND_THANK_YOUS),
        ("Managers it sways", HIRING_MANAGERS_COUNT_THANK_YOUS),
    ):
        percent = round((cited.share or 0) * 100)
        notes.append((label, percent, f"{percent}%"))
    return {
        "Active pipeline": bar_rows("chart-pipeline", "Active pipeline", pipeline),
        "Funnel": bar_rows("chart-funnel", "Funnel", steps),
        "Thank-you notes": bar_rows(
            "chart-thank-yous",
            "Thank-you notes: your share beside the candidates who send one and the "
            "hiring managers who count them",
            notes,
        ),
    }


def with_share(count: int, share: float | None) -> str:
    """`6 (55%)`; the count alone when there is nothing to share out."""
    return str(count) if share is None else f"{count} ({wording.percent(share)})"


def bar_rows(id: str, title: str, bars: Sequence[tuple[str, int, str]]) -> charts.Chart:
    """A bar for each (label, value, text), its text alternative the labels and texts:
    `Applied 10, Interviewed 3 (30%), Offered 1 (33%).`"""
    summary = ", ".join(f"{label} {text}" for label, _, text in bars) + "."
    data = [(label, value) for label, value, _ in bars]
    return charts.rows(id, title, summary, data, [text for _, _, text in bars])
