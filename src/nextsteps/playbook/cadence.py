"""Reading a timeline the way the follow-up rules need it: what the cadence counts
from, which interviews are still ahead, and what the employer said about dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextsteps.playbook.book import Playbook
from nextsteps.playbook.timeline import Event, EventKind, Timeline
from nextsteps.playbook.workdays import Workdays

# The employer moved things on: the seven days count again from here (a second
# interview starts a new cadence, a reply resets it).
CADENCE_STARTS = (
    EventKind.INTERVIEW_HELD,
    EventKind.EMPLOYER_REPLIED,
    EventKind.MATERIALS_REQUESTED,
)


@dataclass(frozen=True)
class Since:
    """The last event of some kinds, and everything that happened after it."""

    start: Event
    after: tuple[Event, ...]

    @property
    def follow_ups(self) -> tuple[Event, ...]:
        return tuple(e for e in self.after if e.kind == EventKind.FOLLOW_UP_SENT)


def since_last(timeline: Timeline, *kinds: EventKind) -> Since | None:
    events = timeline.events
    for index in reversed(range(len(events))):
        if events[index].kind in kinds:
            return Since(start=events[index], after=events[index + 1 :])
    return None


def current_cadence(timeline: Timeline) -> Since | None:
    return since_last(timeline, *CADENCE_STARTS)


def pending_interviews(timeline: Timeline, workdays: Workdays) -> list[Event]:
    """Scheduled interviews not yet held: none held on or after the scheduled day."""
    held_days = [workdays.local_date(e.at) for e in timeline.of_kind(EventKind.INTERVIEW_HELD)]
    return [
        scheduled
        for scheduled in timeline.of_kind(EventKind.INTERVIEW_SCHEDULED)
        if not any(day >= workdays.local_date(scheduled.at) for day in held_days)
    ]


def interview_end(interview: Event, playbook: Playbook) -> datetime:
    if interview.end is not None:
        return interview.end
    return interview.at + timedelta(minutes=playbook.interview_minutes)


def stated_decision(timeline: Timeline) -> date | None:
    """The date the employer last said they would decide by.

    The latest statement wins, so "actually, by the 12th" replaces "by the 20th",
    while a materials request that names no date keeps the interview's date.
    """
    stated = [e.decision_by for e in timeline.events if e.decision_by is not None]
    return stated[-1] if stated else None


def stated_wait(timeline: Timeline) -> date | None:
    """The date the employer last asked you to wait for; the latest statement wins."""
    stated = [e.wait_until for e in timeline.events if e.wait_until is not None]
    return stated[-1] if stated else None
