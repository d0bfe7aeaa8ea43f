"""An application's events as lines a person reads: what happened, when, and the
details that matter later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from django.urls import reverse

from nextsteps.humandates import say_day, say_moment
from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Channel
from nextsteps.tracker.models import Contact, Event

LABELS: dict[EventKind, str] = {
    EventKind.APPLIED: "Applied",
    EventKind.INTERVIEW_SCHEDULED: "Interview booked",
    EventKind.INTERVIEW_HELD: "Interview held",
    EventKind.REFLECTED: "Noted how the interview went",
    EventKind.THANK_YOU_SENT: "Thank-you sent",
    EventKind.MATERIALS_REQUESTED: "They asked for material",
    EventKind.MATERIALS_SENT: "Material sent",
    EventKind.FOLLOW_UP_SENT: "Followed up",
    EventKind.EMPLOYER_REPLIED: "They replied",
    EventKind.OFFER_RECEIVED: "Offer",
    EventKind.OFFER_ACCEPTED: "Offer accepted",
    EventKind.OFFER_DECLINED: "Offer declined",
    EventKind.REJECTED: "Not offered the job",
    EventKind.WITHDRAWN: "Withdrew",
    EventKind.REJECTION_ANSWERED: "Replied to the rejection",
    EventKind.CLOSED_NO_RESPONSE: "Closed: no answer",
}


def label(kind: str, channel: str = "", official: bool = False) -> str:
    if kind == EventKind.THANK_YOU_SENT and channel == Channel.CARD:
        return "Handwritten note posted"
    if kind in (EventKind.OFFER_RECEIVED, EventKind.OFFER_ACCEPTED):
        written = "in writing" if official else "verbal"
        return f"{LABELS[EventKind(kind)]} ({written})"
    return LABELS[EventKind(kind)]


@dataclass(frozen=True)
class Line:
    when: str
    what: str
    details: list[str]
    people: list[Contact]
    note: str
    calendar_file: str = ""  # a booked interview, to add to the user's calendar app


def line(event: Event, zone: tzinfo, today: date) -> Line:
    details = [
        f"{name} {value}"
        for name, value in (
            ("until", event.end and f"{event.end.astimezone(zone):%H:%M}"),
            ("they will decide by", event.decision_by and say_day(event.decision_by, today)),
            ("they asked you to wait until", event.wait_until and say_day(event.wait_until, today)),
            ("promised by", event.due and say_moment(event.due, zone, today)),
            ("by", event.channel),
        )
        if value
    ]
    return Line(
        when=say_moment(event.at, zone, today),
        what=label(event.kind, event.channel, event.official),
        details=details,
        people=list(event.contacts.all()),
        note=event.note,
        calendar_file=reverse("interview-ics", args=[event.pk])
        if event.kind == EventKind.INTERVIEW_SCHEDULED
        else "",
    )
