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
) -> Step:
    """A step for a day ("follow up on the 13th"), placed at 09:00 local."""
    morning = workdays.at(day)
    return Step(kind, morning, morning, why, cited, attempt=attempt, all_day=True)


def timed(
    kind: StepKind,
    not_before: datetime,
    due: datetime,
    why: str,
    cited: tuple[str, ...],
    workdays: Workdays,
) -> Step:
    """A step for a moment, its times shown in the user's timezone."""
    zone = workdays.timezone
    return Step(kind, not_before.astimezone(zone), due.astimezone(zone), why, cited)


def clock_label(moment: datetime, workdays: Workdays) -> str:
    return f"{moment.astimezone(workdays.timezone):%H:%M}"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
