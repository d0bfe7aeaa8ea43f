"""What the pages read, each in a fixed number of queries whatever the number of
rows. Writing goes through tracker.services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker.models import Application, Company, Contact, Event, NextStep
from nextsteps.tracker.services import first_open_steps

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


def pipeline(owner: User, stage: str = "", text: str = "") -> list[Row]:
    """The user's applications, each with its first step still worth doing. Two queries."""
    applications = Application.objects.filter(owner=owner).select_related("company")
    if stage:
        applications = applications.filter(stage=stage)
    if text:
        applications = applications.filter(
            Q(role__icontains=text) | Q(company__name__icontains=text)
        )
    first = first_open_steps(owner)
    return [Row(a, first.get(a.id)) for a in applications.order_by("-id")]


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


def missed_steps(application: Application, now: datetime) -> list[NextStep]:
    """Steps nobody did while they were worth doing, latest first."""
    return list(application.steps.missed(now).order_by("-lapses_at", "-id"))


def skipped_steps(application: Application) -> list[NextStep]:
    return list(
        application.steps.filter(state=NextStep.State.SKIPPED).order_by("-closed_at", "-id")
    )
