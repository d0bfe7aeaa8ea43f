"""What the planner hands back: things to do, each with its reason and its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from nextsteps.playbook.timeline import Channel, Event, EventKind


class StepKind(StrEnum):
    PREPARE_INTERVIEW = "prepare_interview"
    REFLECT = "reflect"
    THANK_YOU = "thank_you"
    HANDWRITTEN_NOTE = "handwritten_note"
    SEND_MATERIALS = "send_materials"
    FOLLOW_UP = "follow_up"
    MOVE_ON = "move_on"
    CHECK_IN = "check_in"
    REPLY_TO_REJECTION = "reply_to_rejection"
    KEEP_SEARCHING = "keep_searching"
    ASK_FOR_WRITTEN_OFFER = "ask_for_written_offer"
    ANSWER_OFFER = "answer_offer"


@dataclass(frozen=True)
class Step:
    """One thing to do.

    `not_before` is when it can first be done (a thank-you not before the interview
    has ended); `due` is when it should be done by. `all_day` marks a step that
    belongs to a day rather than a moment ("follow up on the 13th"): its times are
    09:00 local and it is overdue only once that day has passed. `lapses` is when
    it stops being worth doing (None: never); from then on nobody should be asked
    to do it.
    """

    kind: StepKind
    not_before: datetime
    due: datetime
    why: str
    sources: tuple[str, ...]
    attempt: int | None = None
    all_day: bool = False
    lapses: datetime | None = None

    def __post_init__(self) -> None:
        if self.not_before.tzinfo is None or self.due.tzinfo is None:
            raise ValueError(f"{self.kind} needs aware times.")
        # Timestamps, because aware datetimes sharing a tzinfo compare by wall clock,
        # which is wrong in the repeated hour when the clocks go back.
        if self.due.timestamp() < self.not_before.timestamp():
            raise ValueError(f"{self.kind} is due before it may be done.")
        if not self.why or not self.sources:
            raise ValueError(f"{self.kind} needs a reason and a source.")
        if self.lapses is not None and self.lapses.timestamp() < self.not_before.timestamp():
            raise ValueError(f"{self.kind} lapses before it may be done.")

    def lapsed(self, now: datetime) -> bool:
        return has_lapsed(self.lapses, now)


def has_lapsed(lapses: datetime | None, now: datetime) -> bool:
    """Whether a step is no longer worth doing at `now`."""
    return lapses is not None and lapses.timestamp() <= now.timestamp()


def is_overdue(due: datetime, all_day: bool, now: datetime, zone: tzinfo) -> bool:
    """A timed step is overdue once its moment has passed; a date-level one only
    once its day has passed on the user's calendar."""
    if all_day:
        return due.astimezone(zone).date() < now.astimezone(zone).date()
    return due < now


# The event a user records when they have done a step ("thank-you sent" is an
# event, not a checkbox), with the channel that tells a card from an e-mail.
COMPLETING_EVENT: dict[StepKind, tuple[EventKind, Channel | None]] = {
    StepKind.PREPARE_INTERVIEW: (EventKind.INTERVIEW_HELD, None),
    StepKind.REFLECT: (EventKind.REFLECTED, None),
    StepKind.THANK_YOU: (EventKind.THANK_YOU_SENT, Channel.EMAIL),
    StepKind.HANDWRITTEN_NOTE: (EventKind.THANK_YOU_SENT, Channel.CARD),
    StepKind.SEND_MATERIALS: (EventKind.MATERIALS_SENT, None),
    StepKind.FOLLOW_UP: (EventKind.FOLLOW_UP_SENT, None),
    StepKind.MOVE_ON: (EventKind.CLOSED_NO_RESPONSE, None),
    StepKind.CHECK_IN: (EventKind.FOLLOW_UP_SENT, None),
    StepKind.REPLY_TO_REJECTION: (EventKind.REJECTION_ANSWERED, None),
    StepKind.KEEP_SEARCHING: (EventKind.APPLIED, None),
    # Asking for the offer in writing is a message to them.
    StepKind.ASK_FOR_WRITTEN_OFFER: (EventKind.FOLLOW_UP_SENT, None),
    StepKind.ANSWER_OFFER: (EventKind.OFFER_ACCEPTED, None),
}

# Other events that also mean the step was done: the written offer arriving is
# what asking for it was for; a no answers an offer as much as a yes.
_ALSO_COMPLETED_BY: dict[StepKind, frozenset[EventKind]] = {
    StepKind.ASK_FOR_WRITTEN_OFFER: frozenset({EventKind.OFFER_RECEIVED}),
    StepKind.ANSWER_OFFER: frozenset({EventKind.OFFER_DECLINED}),
}


def completed_by(step: StepKind, event: Event) -> bool:
    """Whether recording `event` means the user did `step`. A thank-you counts
    whichever channel it went by (002: "Send a Thank You Email/Card")."""
    kind, _ = COMPLETING_EVENT[step]
    return event.kind == kind or event.kind in _ALSO_COMPLETED_BY.get(step, frozenset())


@dataclass(frozen=True)
class StepWords:
    """How a person reads one kind of step, written once for the pages, the command
    line, the calendar feed and the digest."""

    name: str  # in a word or two, for the board, the table and the command line's lists
    title: str  # what to do, with {company} and {role}: a card, a calendar entry
    done: str  # the fact its button records ("" where a form records it)


STEP_WORDS: dict[StepKind, StepWords] = {
    StepKind.PREPARE_INTERVIEW: StepWords(
        "Interview", "Prepare for the {company} interview ({role})", ""
    ),
    StepKind.REFLECT: StepWords(
        "Reflect", "Note how the {company} interview went", "Done, no notes"
    ),
    StepKind.THANK_YOU: StepWords(
        "Thank-you", "Thank {company} for the {role} interview", "Thank-you sent"
    ),
    StepKind.HANDWRITTEN_NOTE: StepWords(
        "Handwritten note", "Post a handwritten note to {company}", "Note posted"
    ),
    StepKind.SEND_MATERIALS: StepWords(
        "Send material", "Send {company} the material they asked for", "Material sent"
    ),
    StepKind.FOLLOW_UP: StepWords(
        "Follow-up", "Follow up with {company} about {role}", "Followed up"
    ),
    StepKind.MOVE_ON: StepWords("Move on", "Close {role} at {company} and move on", "Closed it"),
    StepKind.CHECK_IN: StepWords("Check-in", "Check in with {company} about {role}", "Checked in"),
    StepKind.REPLY_TO_REJECTION: StepWords(
        "Reply to rejection", "Reply graciously to {company}", "Reply sent"
    ),
    StepKind.KEEP_SEARCHING: StepWords("Apply elsewhere", "Apply for another job", ""),
    StepKind.ASK_FOR_WRITTEN_OFFER: StepWords(
        "Offer in writing",
        "Ask {company} for the {role} offer in writing",
        "Asked for it in writing",
    ),
    StepKind.ANSWER_OFFER: StepWords(
        "Answer the offer", "Answer the {role} offer from {company}", ""
    ),
}

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def ordinal(number: int) -> str:
    """`second`; past the ninth, `12th` (a persistent playbook can go on for weeks)."""
    return _ORDINALS[number - 1] if 0 < number <= len(_ORDINALS) else f"{number}th"


def step_name(kind: StepKind, attempt: int | None = None) -> str:
    """The step in a word or two: `Thank-you`, `Follow-up`, `Second follow-up`."""
    name = STEP_WORDS[kind].name
    if kind is StepKind.FOLLOW_UP and attempt and attempt > 1:
        return f"{ordinal(attempt).capitalize()} {name.lower()}"
    return name


def title(kind: StepKind, company: str = "", role: str = "", attempt: int | None = None) -> str:
    """What to do, in a few words a calendar or a list can show."""
    text = STEP_WORDS[kind].title.format(company=company, role=role)
    if kind is StepKind.FOLLOW_UP and attempt and attempt > 1:
        return f"{text} ({step_name(kind, attempt).lower()})"
    return text
