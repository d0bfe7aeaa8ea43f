"""Reading a timeline the way the follow-up rules need it: which interview round
the follow-ups count in, which interviews are still ahead, and what the employer
said about dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextsteps.playbook.book import Playbook
from nextsteps.playbook.timeline import Event, EventKind, Timeline
from nextsteps.playbook.workdays import Workdays

# The employer's own moves: on these they can name a date (decide by, wait until,
# get in touch on) that the next follow-up answers to.
EMPLOYER_MOVES = (
    EventKind.INTERVIEW_HELD,
    EventKind.EMPLOYER_REPLIED,
    EventKind.MATERIALS_REQUESTED,
)

# Without any interview, the employer's first answer opens the round.
ANSWERS_WITHOUT_INTERVIEW = (EventKind.EMPLOYER_REPLIED, EventKind.MATERIALS_REQUESTED)


@dataclass(frozen=True)
class Since:
    """An event of some kind, and everything that happened after it."""

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


def current_round(timeline: Timeline) -> Since | None:
    """The interview round the follow-ups count in: from the latest interview held,
    or, when there was none, from the employer's first answer.

    A reply or a request for material does not start a new round: 004 follows up
    twice "whatever their answer to the first"; only a new interview does.
    """
    latest = since_last(timeline, EventKind.INTERVIEW_HELD)
    if latest is not None:
        return latest
    events = timeline.events
    for index, event in enumerate(events):
        if event.kind in ANSWERS_WITHOUT_INTERVIEW:
            return Since(start=event, after=events[index + 1 :])
    return None


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


def their_latest_word(round_: Since) -> Event | None:
    """The employer's latest move in the round, since the last follow-up, that names
    a day to decide by or to get in touch on: the next follow-up answers to it.

    A date given in answer to a follow-up (004's "when do you think you will know?")
    is not such a move: "Their answer doesn't matter because you will mark your
    diary to follow up again in another seven days", unless it is later.
    """
    moves = [round_.start]
    for event in round_.after:
        moves = [] if event.kind == EventKind.FOLLOW_UP_SENT else [*moves, event]
    naming = [
        e
        for e in moves
        if e.kind in EMPLOYER_MOVES and (e.contact_on is not None or e.decision_by is not None)
    ]
    return naming[-1] if naming else None
