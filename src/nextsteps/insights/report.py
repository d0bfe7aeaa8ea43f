"""The record of the owner's job search for a date range, as benefit offices ask for it
(see playbook/worksearch.py), read in a constant number of queries however long the
range and however many applications: the steps in the range, what came of them, the
people on them, and the other activities done."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from nextsteps.accounts.models import Profile
from nextsteps.activities.services import done_between
from nextsteps.fields import Day, DayRange
from nextsteps.playbook.habits import HABITS, ActivityKind
from nextsteps.playbook.timeline import Channel, EventKind
from nextsteps.playbook.worksearch import (
    RESULTS,
    WORK_SEARCH_STEPS,
    Entry,
    Happened,
    activity_entry,
    sorted_entries,
    step_entry,
)
from nextsteps.tracker.models import Application, Event

# The one rule of a report's days, for the command line and the page alike.
REPORT_DAYS = DayRange(Day("The report's first day"), Day("The report's last day"))
# Countries whose offices print on US Letter paper; the others on A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO"})


@dataclass(frozen=True)
class Record:
    name: str  # the seeker's, as in their settings; may be empty
    first: date
    last: date
    made_on: date
    entries: list[Entry]
    letter_paper: bool


def work_search_record(
    owner: User, profile: Profile, first: date | str, last: date | str, now: datetime
) -> Record:
    """Every work-search activity of the owner's from `first` to `last` (both included,
    on their calendar), as typed or as dates; FieldRefused in one sentence for days
    that are no dates, out of bounds, or the wrong way round. `now` on their clock."""
    today = now.date()
    first_day, last_day = REPORT_DAYS.clean(first, last, today)
    zone = profile.zone
    start = datetime.combine(first_day, time.min, zone)
    end = datetime.combine(last_day + timedelta(days=1), time.min, zone)
    entries = steps_between(owner, start, end, zone)
    entries += [
        activity_entry(done.on, HABITS[ActivityKind(done.activity.kind)].name, done.activity.what)
        for done in done_between(owner, first_day, last_day)
    ]
    return Record(
        name=profile.name,
        first=first_day,
        last=last_day,
        made_on=today,
        entries=sorted_entries(entries),
        letter_paper=profile.country in LETTER_COUNTRIES,
    )


def steps_between(owner: User, start: datetime, end: datetime, zone: tzinfo) -> list[Entry]:
    """The owner's steps from `start` to `end`, each with what came of it and the people
    to reach about it, in four queries."""
    stepped = Event.objects.filter(
        application__owner=owner, kind__in=WORK_SEARCH_STEPS, at__gte=start, at__lt=end
    )
    # Plain values, not models: a year's record has thousands of steps.
    steps = stepped.order_by("at", "id").values_list(
        "id", "application_id", "kind", "at", "channel", "official",
        "application__role", "application__source",
        "application__company__name", "application__company__website",
    )  # fmt: skip
    # What came of the steps: any answer after the range began (a result comes after its step).
    results: dict[int, list[Happened]] = defaultdict(list)
    for application_id, kind, at, channel, official in Event.objects.filter(
        application__owner=owner, kind__in=RESULTS, at__gte=start
    ).values_list("application_id", "kind", "at", "channel", "official"):
        results[application_id].append(_happened(kind, at, channel, official, zone))
    on_event = _people(
        Event.contacts.through.objects.filter(event__in=stepped.values("id")), "event_id"
    )
    on_application = _people(
        Application.contacts.through.objects.filter(
            application__in=stepped.values("application_id")
        ),
        "application_id",
    )
    entries: list[Entry] = []
    for event_id, application_id, kind, at, channel, official, role, source, name, site in steps:
        people = on_event.get(event_id) or on_application.get(application_id, [])
        entries.append(
            step_entry(
                _happened(kind, at, channel, official, zone),
                results[application_id],
                employer=f"{name}, {site}" if site else name,
                position=role,
                contact="; ".join(people),
                source=source,
            )
        )
    return entries


def _happened(kind: str, at: datetime, channel: str, official: bool, zone: tzinfo) -> Happened:
    return Happened(
        EventKind(kind), at.astimezone(zone), Channel(channel) if channel else None, official
    )


def _people(links: QuerySet[Any], key: str) -> dict[int, list[str]]:
    """How to reach the people of each event or application, by its id, in one query:
    `Jane Doe, HR Manager, jane@acme.example, 020 7946 0000`."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = links.order_by("contact__name", "contact_id").values_list(
        key, "contact__name", "contact__title", "contact__email", "contact__phone"
    )
    for owner_id, *parts in rows:
        found[owner_id].append(", ".join(part for part in parts if part))
    return found
