"""What the pages read, each in a fixed number of queries whatever the number of
rows. Writing goes through tracker.services."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Lower
from django.utils import timezone

from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker.models import Application, Company, Contact, Event, NextStep
from nextsteps.tracker.services import first_open_steps
from nextsteps.web.paths import path_to

STAGES = list(Stage)

# What the user sends or says to an employer: "when you last contacted them".
REACHING_OUT = (
    EventKind.INTERVIEW_HELD,
    EventKind.THANK_YOU_SENT,
    EventKind.MATERIALS_SENT,
    EventKind.FOLLOW_UP_SENT,
    EventKind.REJECTION_ANSWERED,
)


@dataclass(frozen=True)
class Row:
    application: Application
    next_step: NextStep | None

    @property
    def url(self) -> str:
        return path_to("application", self.application.id)


def board(owner: User, shown: dict[Stage, int]) -> list[tuple[Stage, list[Row], int]]:
    """Each stage's latest applications, as many as `shown` says, each with its next
    step, and how many the stage has. Three queries, whatever the number of
    applications."""
    mine = Application.objects.filter(owner=owner)
    totals = dict(mine.order_by().values_list("stage").annotate(Count("id")))
    latest = Q()
    for stage, limit in shown.items():
        latest |= Q(id__in=mine.filter(stage=stage).order_by("-id").values("id")[:limit])
    # Only the picked ids: the database reads those rows rather than every one of the
    # user's to see whether it was picked.
    picked = Application.objects.filter(latest).select_related("company").order_by("-id")
    rows = with_next_steps(owner, picked)
    return [
        (stage, [r for r in rows if r.application.stage == stage], totals.get(stage, 0))
        for stage in shown
    ]


# The table's columns, sorted in the database: (the value, whether an empty one
# comes first going up). Letters compare as lower case.
SORTS: dict[str, tuple[Any, bool]] = {
    "company": (Lower("company__name"), False),
    "role": (Lower("role"), False),
    "stage": (Case(*(When(stage=s, then=Value(n)) for n, s in enumerate(STAGES))), False),
    "applied": (F("applied_on"), True),
    "next": (F("next_due"), False),
}


def table(owner: User, sort: str, stage: str = "", text: str = "") -> QuerySet[Application]:
    """The user's applications of `stage` whose company or role holds `text`, in the
    order of `sort` (a key of SORTS, after a - when going down), the latest first
    among equals; read a page of it with `with_next_steps`."""
    applications = Application.objects.filter(owner=owner).select_related("company")
    if stage:
        applications = applications.filter(stage=stage)
    if text:
        applications = applications.filter(
            Q(role__icontains=text) | Q(company__name__icontains=text)
        )
    down = sort.startswith("-")
    value, empty_first = SORTS[sort.removeprefix("-")]
    if sort.removeprefix("-") == "next":
        first = NextStep.objects.to_do(timezone.now()).filter(application=OuterRef("pk"))
        applications = applications.annotate(
            next_due=Subquery(first.order_by("due", "id").values("due")[:1])
        )
    if empty_first != down:
        order = value.desc(nulls_first=True) if down else value.asc(nulls_first=True)
    else:
        order = value.desc(nulls_last=True) if down else value.asc(nulls_last=True)
    return applications.order_by(order, "id" if down else "-id")


def with_next_steps(owner: User, applications: Iterable[Application]) -> list[Row]:
    """The applications, each with its first step still worth doing. One query."""
    listed = list(applications)
    first = first_open_steps(owner, [a.id for a in listed])
    return [Row(a, first.get(a.id)) for a in listed]


def company_names(owner: User) -> list[str]:
    return list(Company.objects.filter(owner=owner).order_by("name").values_list("name", flat=True))


def contacts(owner: User) -> QuerySet[Contact]:
    """The user's contacts with their applications and when the user last reached
    them: by an event they were part of, or by a message on one of their applications."""
    tagged = Event.objects.filter(contacts=OuterRef("pk"))
    sent = Event.objects.filter(application__contacts=OuterRef("pk"), kind__in=REACHING_OUT)
    return (
        Contact.objects.filter(owner=owner)
        .select_related("company")
        .annotate(
            last_tagged=Subquery(tagged.order_by("-at").values("at")[:1]),
            last_sent=Subquery(sent.order_by("-at").values("at")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=Application.objects.select_related("company").order_by("-id"),
            )
        )
        .order_by("name", "id")
    )


def last_contacted(contact: Contact) -> datetime | None:
    seen = [
        at for at in (getattr(contact, "last_tagged", None), getattr(contact, "last_sent", None))
    ]
    return max((at for at in seen if at is not None), default=None)


def timeline(application: Application) -> list[Event]:
    return list(application.events.prefetch_related("contacts").order_by("-at", "-id"))
