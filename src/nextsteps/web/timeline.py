"""An application's events as lines a person reads: what happened, when, and the
details that matter later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from django.urls import reverse

from nextsteps.playbook import EventKind
from nextsteps.playbook.describe import event_details, event_name
from nextsteps.playbook.humandates import say_moment
from nextsteps.tracker.models import Contact, Event


@dataclass(frozen=True)
class Line:
    when: str
    what: str
    details: list[str]
    people: list[Contact]
    note: str
    calendar_file: str = ""  # a booked interview, to add to the user's calendar app
    message_url: str = ""  # the message nextsteps sent, when the event records one


def line(event: Event, zone: tzinfo, today: date, message_id: int | None = None) -> Line:
    fact = event.as_planned()
    return Line(
        when=say_moment(event.at, zone, today),
        what=event_name(fact.kind, fact.channel, fact.official),
        details=event_details(fact, zone, today),
        people=list(event.contacts.all()),
        note=event.note,
        calendar_file=reverse("interview-ics", args=[event.pk])
        if event.kind == EventKind.INTERVIEW_SCHEDULED
        else "",
        message_url=reverse("message", args=[message_id]) if message_id else "",
    )
