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
from nextsteps.tracker.models import Application, Contact, Event

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
    stepped = Event.objects.filter(
        application__owner=owner, kind__in=WORK_SEARCH_STEPS, at__gte=start, at__lt=end
    )
    steps = list(stepped.select_related("application__company").order_by("at", "id"))
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
    entries = [
        _step_entry(event, results[event.application_id], on_event, on_application, zone)
        for event in steps
    ]
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


def _happened(kind: str, at: datetime, channel: str, official: bool, zone: tzinfo) -> Happened:
    return Happened(
        EventKind(kind), at.astimezone(zone), Channel(channel) if channel else None, official
    )


def _people(links: QuerySet[Any], key: str) -> dict[int, list[Contact]]:
    """The contacts of each event or application, by its id, in one query."""
    found: dict[int, list[Contact]] = defaultdict(list)
    for link in links.select_related("contact").order_by("contact__name", "contact_id"):
        found[getattr(link, key)].append(link.contact)
    return found


def _step_entry(
    event: Event,
    results: list[Happened],
    on_event: dict[int, list[Contact]],
    on_application: dict[int, list[Contact]],
    zone: tzinfo,
) -> Entry:
    application = event.application
    company = application.company
    people = on_event.get(event.id) or on_application.get(application.id, [])
    employer = f"{company.name}, {company.website}" if company.website else company.name
    return step_entry(
        _happened(event.kind, event.at, event.channel, event.official, zone),
        results,
        employer,
        application.role,
        "; ".join(_contact(person) for person in people),
        application.source,
    )


def _contact(person: Contact) -> str:
    """`Jane Doe, HR Manager, jane@acme.example, 020 7946 0000`: how to reach them."""
    return ", ".join(
        part for part in (person.name, person.title, person.email, person.phone) if part
    )
