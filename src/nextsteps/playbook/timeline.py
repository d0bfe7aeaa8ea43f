"""What happened in one application, as facts in the past tense.

The shell stores these; the planner reads them. Times are aware datetimes,
dates are the user's calendar dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class InvalidEvent(ValueError):
    """An event that cannot have happened; the message is one sentence for the user."""


class EventKind(StrEnum):
    """The value is the word a user types: `nextsteps log 3 interview`."""

    APPLIED = "applied"
    INTERVIEW_SCHEDULED = "interview-scheduled"
    INTERVIEW_HELD = "interview"
    REFLECTED = "reflection"
    THANK_YOU_SENT = "thank-you"
    MATERIALS_REQUESTED = "materials-requested"
    MATERIALS_SENT = "materials-sent"
    FOLLOW_UP_SENT = "follow-up"
    EMPLOYER_REPLIED = "reply"
    OFFER_RECEIVED = "offer"
    OFFER_ACCEPTED = "accepted"
    OFFER_DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    REJECTION_ANSWERED = "rejection-reply"
    CLOSED_NO_RESPONSE = "no-response"
    # An automatic reply saying they are away: not an answer, but no follow-up
    # goes before the day they are back (its `wait_until`).
    OUT_OF_OFFICE = "out-of-office"


# Events that settle an application: after one, nobody follows up on it.
OUTCOMES = frozenset(
    {
        EventKind.OFFER_RECEIVED,
        EventKind.OFFER_ACCEPTED,
        EventKind.OFFER_DECLINED,
        EventKind.REJECTED,
        EventKind.WITHDRAWN,
        EventKind.CLOSED_NO_RESPONSE,
    }
)

# Events in which the employer speaks; each one resets the follow-up cadence.
EMPLOYER_ANSWERS = frozenset(
    {
        EventKind.INTERVIEW_SCHEDULED,
        EventKind.INTERVIEW_HELD,
        EventKind.MATERIALS_REQUESTED,
        EventKind.EMPLOYER_REPLIED,
    }
    | OUTCOMES - {EventKind.WITHDRAWN, EventKind.CLOSED_NO_RESPONSE}
)


# Events on which the employer can ask you to get in touch on a given day (001:
# don't call the next day "unless they specifically asked you to").
ASKS_FOR_CONTACT = frozenset({EventKind.INTERVIEW_HELD, EventKind.EMPLOYER_REPLIED})


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    CARD = "card"
    IN_PERSON = "in-person"


class Culture(StrEnum):
    """Article 001: a company with traditional values also gets a handwritten note."""

    MODERN = "modern"
    TRADITIONAL = "traditional"


class Stage(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    CLOSED = "closed"


@dataclass(frozen=True)
class Event:
    """One fact. `at` is when it happened (for a scheduled interview: when it starts),
    on the user's clock: its date is the user's day, which `decision_by` and
    `wait_until` must not precede.

    `end` is an interview's end; `decision_by` the date the employer said they
    would decide (on an offer: the date they need your answer by); `wait_until`
    the date they asked you to wait for; `contact_on` the day they asked you to
    get in touch (an interview or a reply only); `due` when requested material
    was promised.
    """

    kind: EventKind
    at: datetime
    end: datetime | None = None
    decision_by: date | None = None
    wait_until: date | None = None
    due: datetime | None = None
    channel: Channel | None = None
    official: bool = False
    contact_on: date | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise InvalidEvent("The event's time needs a timezone.")
        if self.end is not None and self.end <= self.at:
            raise InvalidEvent("The end must be after the start.")
        if self.due is not None and self.due < self.at:
            raise InvalidEvent("The material cannot be due before it was requested.")
        # `at`'s own date: the shell passes times on the user's clock, so this is
        # the user's calendar day.
        day = self.at.date()
        if self.wait_until is not None and self.wait_until < day:
            raise InvalidEvent(
                f"They cannot ask you to wait until {self.wait_until.isoformat()}, "
                f"which is before the {self.kind.value} on {day.isoformat()}."
            )
        if self.contact_on is not None:
            self._check_contact_on(day, self.contact_on)
        if self.decision_by is not None and self.decision_by < day:
            raise InvalidEvent(
                f"The decision date {self.decision_by.isoformat()} is before the "
                f"{self.kind.value} on {day.isoformat()}."
            )

    def _check_contact_on(self, day: date, contact_on: date) -> None:
        if self.kind not in ASKS_FOR_CONTACT:
            raise InvalidEvent("Only an interview or a reply can ask you to get in touch on a day.")
        if contact_on < day:
            raise InvalidEvent(
                f"They cannot ask you to get in touch on {contact_on.isoformat()}, "
                f"which is before the {self.kind.value} on {day.isoformat()}."
            )
        if self.wait_until is not None and contact_on < self.wait_until:
            raise InvalidEvent(
                f"They cannot ask you to get in touch on {contact_on.isoformat()} and "
                f"also to wait until {self.wait_until.isoformat()}."
            )


OFFERS = frozenset({EventKind.OFFER_RECEIVED, EventKind.OFFER_ACCEPTED})


@dataclass(frozen=True)
class Timeline:
    """An application's events, in the order they happened, and what the planner
    needs to know about the employer and the job. `temporary` is temporary or
    contract work, which 003 recommends "in the meantime": accepting it does not
    end the search."""

    events: tuple[Event, ...] = field(default=())
    culture: Culture = Culture.MODERN
    temporary: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "events", tuple(sorted(self.events, key=lambda e: e.at)))

    def of_kind(self, *kinds: EventKind) -> list[Event]:
        return [e for e in self.events if e.kind in kinds]

    def last(self, *kinds: EventKind) -> Event | None:
        found = self.of_kind(*kinds)
        return found[-1] if found else None

    @property
    def outcome(self) -> Event | None:
        return self.last(*OUTCOMES)

    @property
    def stage(self) -> Stage:
        """Where the application stands, from its events alone."""
        outcome = self.outcome
        if outcome is not None:
            offered = outcome.kind in {EventKind.OFFER_RECEIVED, EventKind.OFFER_ACCEPTED}
            return Stage.OFFER if offered else Stage.CLOSED
        kinds = {e.kind for e in self.events}
        if kinds & {EventKind.INTERVIEW_SCHEDULED, EventKind.INTERVIEW_HELD}:
            return Stage.INTERVIEWING
        if kinds:
            return Stage.APPLIED
        return Stage.SAVED

    @property
    def offer(self) -> tuple[Event, ...]:
        """The offer the application ended in, as it went: the offer events since
        the last outcome that was not one (a decline, a rejection, a withdrawal).
        Empty unless the latest outcome is an offer or its acceptance."""
        current: list[Event] = []
        for event in self.events:
            if event.kind in OFFERS:
                current.append(event)
            elif event.kind in OUTCOMES:
                current = []
        return tuple(current)

    @property
    def offer_official(self) -> bool:
        return any(e.official for e in self.offer)

    @property
    def search_over(self) -> bool:
        """Article 000: "You can give up the search once an offer of employment is official."

        So: an offer was accepted and marked official (the written offer may come
        before or after the yes), nothing since undid it (declined, withdrawn,
        rescinded), and it is not temporary work: 003 recommends "taking temporary
        assignments in the meantime".
        """
        accepted = any(e.kind == EventKind.OFFER_ACCEPTED for e in self.offer)
        return accepted and self.offer_official and not self.temporary
