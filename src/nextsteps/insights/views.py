"""The insights page: the search at a glance, each chart with its figures in a table."""

from __future__ import annotations

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
    """The chart drawn above each section's table, by the section's title."""
    pipeline = [(stage.value.capitalize(), count) for stage, count in figures.pipeline]
    funnel = figures.funnel
    steps = [
        ("Applied", funnel.applied),
        ("Interviewed", funnel.interviewed),
        ("Offered", funnel.offered),
    ]
    thanks = figures.thank_yous
    yours = [("You thanked", thanks.sent_share), ("Within 24 hours", thanks.in_time_share)]
    notes = [(label, round(share * 100)) for label, share in yours if share is not None] + [
        ("Candidates", round((CANDIDATES_SEND_THANK_YOUS.share or 0) * 100)),
        ("Hiring managers", round((HIRING_MANAGERS_COUNT_THANK_YOUS.share or 0) * 100)),
    ]
    return {
        "Active pipeline": charts.rows(
            "chart-pipeline", "Active pipeline", listed(pipeline), pipeline
        ),
        "Funnel": charts.rows("chart-funnel", "Funnel", listed(steps), steps),
        "Thank-you notes": charts.rows(
            "chart-thank-yous",
            "Thank-you notes: your share beside the candidates who send one and the "
            "hiring managers who count them",
            listed(notes, "%"),
            notes,
            unit="%",
        ),
    }


def listed(data: list[tuple[str, int]], unit: str = "") -> str:
    """The chart's text alternative: `Applied 10, Interviewed 3, Offered 1.`"""
    return ", ".join(f"{label} {value}{unit}" for label, value in data) + "."
