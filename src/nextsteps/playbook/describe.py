"""Events as a person reads them: what happened, and the details that matter later.
One table for the application page and the command line's timeline."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from nextsteps.playbook.humandates import clock, say_day, say_moment
from nextsteps.playbook.step import StepKind, step_name
from nextsteps.playbook.timeline import Channel, Event, EventKind

EVENT_NAMES: dict[EventKind, str] = {
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
    EventKind.OUT_OF_OFFICE: "Their out-of-office reply",
}

CHANNEL_WORDS: dict[Channel, str] = {
    Channel.EMAIL: "by e-mail",
    Channel.PHONE: "by phone",
    Channel.CARD: "by post",
    Channel.IN_PERSON: "in person",
}


def event_name(kind: EventKind, channel: Channel | None = None, official: bool = False) -> str:
    """`Thank-you sent`, `Handwritten note posted`, `Offer (in writing)`."""
    if kind is EventKind.THANK_YOU_SENT and channel is Channel.CARD:
        return "Handwritten note posted"
    if kind in (EventKind.OFFER_RECEIVED, EventKind.OFFER_ACCEPTED):
        return f"{EVENT_NAMES[kind]} ({'in writing' if official else 'verbal'})"
    return EVENT_NAMES[kind]


def event_details(event: Event, zone: tzinfo, today: date) -> list[str]:
    """What else the user said about it: `until 11:00`, `they will decide by Fri 20 Nov`."""
    end = ""
    if event.end is not None:
        same_day = event.end.astimezone(zone).date() == event.at.astimezone(zone).date()
        end = clock(event.end.astimezone(zone)) if same_day else say_moment(event.end, zone, today)
    channel = "" if event.channel in (None, Channel.CARD) else CHANNEL_WORDS[event.channel]
    return [
        f"{name} {value}".strip()
        for name, value in (
            ("until", end),
            ("they will decide by", event.decision_by and say_day(event.decision_by, today)),
            ("they asked you to wait until", event.wait_until and say_day(event.wait_until, today)),
            (
                "they asked you to get in touch on",
                event.contact_on and say_day(event.contact_on, today),
            ),
            ("promised by", event.due and say_moment(event.due, zone, today)),
            ("", channel),
        )
        if value
    ]


def missed_name(kind: StepKind, attempt: int | None = None) -> str:
    """A step nobody did while it was worth doing: `Missed: Thank-you`."""
    return f"Missed: {step_name(kind, attempt)}"


def missed_details(due: datetime, all_day: bool, zone: tzinfo, today: date) -> str:
    return f"it was due {say_moment(due, zone, today, all_day)}; it no longer helps now"
