"""Article 003's other habits while waiting for an answer: learning, networking and
temporary work, kept as activities with their own days.

003 ("Don't Assume You Got the Job!") names them: "enhance your marketable skills
while you are waiting", "now is the time to step things up" in networking, and
"keep working and earning by taking temporary assignments in the meantime".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nextsteps.playbook import sources
from nextsteps.playbook.humandates import say_day
from nextsteps.playbook.workdays import Workdays


class ActivityKind(StrEnum):
    """The value is the word a user types: `nextsteps activity add learning ...`."""

    LEARNING = "learning"
    NETWORKING = "networking"
    TEMPORARY_WORK = "temporary-work"


@dataclass(frozen=True)
class Habit:
    name: str  # as a page or a report names an activity of its kind
    why: str
    sources: tuple[str, ...]


HABITS = {
    ActivityKind.LEARNING: Habit(
        "Learning",
        "Keep learning while you are looking: courses that add to your skills or teach "
        'what employers ask for, to "enhance your marketable skills while you are waiting".',
        (sources.DONT_ASSUME,),
    ),
    ActivityKind.NETWORKING: Habit(
        "Networking",
        "Keep in touch with people at your target companies, recruiters and others in "
        'your field: while you wait, "now is the time to step things up".',
        (sources.DONT_ASSUME,),
    ),
    ActivityKind.TEMPORARY_WORK: Habit(
        "Temporary work",
        "Temporary or contract work keeps you earning, active and seen by recruiters. "
        '"Keep working and earning by taking temporary assignments in the meantime."',
        (sources.DONT_ASSUME,),
    ),
}


def next_due(done_on: date, every_days: int | None, workdays: Workdays) -> date | None:
    """The day an activity is due again once done on `done_on`: `every_days` later,
    on the first working day from then (people at work answer on working days).
    None for an activity done once, which is over."""
    if every_days is None:
        return None
    return workdays.on_or_after(done_on + timedelta(days=every_days))


def plan_label(
    due: date | None, every_days: int | None, last_done: date | None, today: date
) -> str:
    """`every 14 days, next today`, `once, tomorrow`, `done Fri 6 Nov`: an activity's
    days in the words the pages and the command line share."""
    if due is None:
        return f"done {say_day(last_done, today)}" if last_done else "over"
    when = say_day(due, today)
    if due < today:
        when = f"{when} (late)"
    if every_days is None:
        return f"once, {when}"
    every = "every day" if every_days == 1 else f"every {every_days} days"
    return f"{every}, next {when}"
