"""Placing steps on the user's calendar, and naming moments in a step's reason."""

from __future__ import annotations

from datetime import date, datetime

from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.workdays import Workdays


def on_day(
    kind: StepKind,
    day: date,
    why: str,
    cited: tuple[str, ...],
    workdays: Workdays,
    attempt: int | None = None,
    from_day: date | None = None,
) -> Step:
    """A step for a day ("follow up on the 13th"), or for the days from `from_day` to
    `day` ("within two days"), placed at 09:00 local. A step whose rule gives no
    clock time is one of these: it must not inherit the time of the event behind it."""
    first = workdays.at(from_day) if from_day is not None else workdays.at(day)
    return Step(kind, first, workdays.at(day), why, cited, attempt=attempt, all_day=True)


def timed(
    kind: StepKind,
    not_before: datetime,
    due: datetime,
    why: str,
    cited: tuple[str, ...],
    workdays: Workdays,
) -> Step:
    """A step for a moment the rule computes (the thank-you's 24 hours, the
    interview itself, a time the user promised), shown in the user's timezone."""
    zone = workdays.timezone
    return Step(kind, not_before.astimezone(zone), due.astimezone(zone), why, cited)


def clock_label(moment: datetime, workdays: Workdays) -> str:
    return f"{moment.astimezone(workdays.timezone):%H:%M}"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
