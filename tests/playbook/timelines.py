"""Short ways to write the timelines the articles describe.

Days are November 2026 unless a test says otherwise: Fri 6 Nov is "the 6th".
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from nextsteps.playbook import (
    Culture,
    Event,
    EventKind,
    Step,
    StepKind,
    Timeline,
    Workdays,
    load_playbook,
    plan,
    public_holidays,
)
from nextsteps.playbook.timeline import Channel

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")

ENGLAND = Workdays(LONDON, holidays=public_holidays("GB", "ENG"))
UNITED_STATES = Workdays(NEW_YORK, holidays=public_holidays("US"))
CALIFORNIA = Workdays(LOS_ANGELES, holidays=public_holidays("US", "CA"))


def nov(day: int, month: int = 11, year: int = 2026) -> date:
    return date(year, month, day)


def moment(day: date, clock: str = "10:00", zone: ZoneInfo = LONDON) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=zone)


def event(
    kind: EventKind, day: date, clock: str = "10:00", zone: ZoneInfo = LONDON, **fields: Any
) -> Event:
    return Event(kind, moment(day, clock, zone), **fields)


def applied(day: date, **fields: Any) -> Event:
    return event(EventKind.APPLIED, day, **fields)


def scheduled(day: date, clock: str = "10:00", **fields: Any) -> Event:
    return event(EventKind.INTERVIEW_SCHEDULED, day, clock, **fields)


def held(day: date, clock: str = "10:00", **fields: Any) -> Event:
    return event(EventKind.INTERVIEW_HELD, day, clock, **fields)


def followed_up(day: date, clock: str = "10:00", **fields: Any) -> Event:
    return event(EventKind.FOLLOW_UP_SENT, day, clock, **fields)


def replied(day: date, clock: str = "10:00", **fields: Any) -> Event:
    return event(EventKind.EMPLOYER_REPLIED, day, clock, **fields)


def thanked(day: date, clock: str = "17:00", channel: Channel = Channel.EMAIL) -> Event:
    return event(EventKind.THANK_YOU_SENT, day, clock, channel=channel)


def steps_for(
    *events: Event,
    playbook: str = "seven-day",
    workdays: Workdays = ENGLAND,
    culture: Culture = Culture.MODERN,
) -> list[Step]:
    return plan(Timeline(events, culture), load_playbook(playbook), workdays)


def of_kind(kind: StepKind, steps: list[Step]) -> list[Step]:
    return [s for s in steps if s.kind == kind]


def only(kind: StepKind, steps: list[Step]) -> Step:
    found = of_kind(kind, steps)
    assert len(found) == 1, f"expected one {kind}, got {steps}"
    return found[0]


def local_day(step: Step, workdays: Workdays = ENGLAND) -> date:
    return workdays.local_date(step.due)
