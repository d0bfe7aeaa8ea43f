"""An application's events as lines a person reads: what happened, when, and the
details that matter later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from django.urls import reverse

from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.describe import event_details, event_name, missed_details, missed_name
from nextsteps.playbook.humandates import say_moment
from nextsteps.tracker.models import Contact, Event, NextStep


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


def lines(
    events: list[Event],
    sent: dict[int, int],
    missed: list[NextStep],
    zone: tzinfo,
    today: date,
) -> list[Line]:
    """The events (with the message nextsteps sent for each, by event id) and the
    steps nobody did in time, latest first: a missed step shows where its window
    closed."""
    dated = [(e.at, line(e, zone, today, sent.get(e.id))) for e in events]
    dated += [(s.lapses_at or s.due, missed_line(s, zone, today)) for s in missed]
    return [entry for _, entry in sorted(dated, key=lambda pair: pair[0], reverse=True)]


def missed_line(step: NextStep, zone: tzinfo, today: date) -> Line:
    return Line(
        when=say_moment(step.lapses_at or step.due, zone, today),
        what=missed_name(StepKind(step.kind), step.attempt),
        details=[missed_details(step.due, step.all_day, zone, today)],
        people=[],
        note="",
    )
