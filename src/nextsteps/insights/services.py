"""The figures of the owner's search, read in a constant number of queries however
many applications and events they have: the counts by day and by stage are summed
by the database, the events come as plain values for the pure figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Count

from nextsteps.activities.services import done_per_day
from nextsteps.playbook import EventKind
from nextsteps.playbook.insights import WEEKS_SHOWN, Fact, Figures, figures, monday_of
from nextsteps.tracker.models import Application, Event


@dataclass(frozen=True)
class Insights:
    figures: Figures
    crush: Application | None  # the one application all recent activity was on


def insights_of(owner: User, target: int, now: datetime) -> Insights:
    """`now` on the owner's clock; `target` their weekly target of applications."""
    applied_per_day: dict[date, int] = {
        day: count
        for day, count in Application.objects.filter(owner=owner, applied_on__isnull=False)
        .values("applied_on")
        .annotate(count=Count("id"))
        .values_list("applied_on", "count")
        if day is not None
    }
    stage_counts = dict(
        Application.objects.filter(owner=owner)
        .values("stage")
        .annotate(count=Count("id"))
        .values_list("stage", "count")
    )
    facts = [
        Fact(application, EventKind(kind), at, end)
        for application, kind, at, end in Event.objects.filter(
            application__owner=owner
        ).values_list("application_id", "kind", "at", "end")
    ]
    today = now.date()
    first_shown = monday_of(today) - timedelta(weeks=WEEKS_SHOWN - 1)
    activities = done_per_day(owner, first_shown, today)
    found = figures(applied_per_day, stage_counts, facts, target, now, activities)
    crush = (
        Application.objects.select_related("company").get(pk=found.crush)
        if found.crush is not None
        else None
    )
    return Insights(found, crush)
