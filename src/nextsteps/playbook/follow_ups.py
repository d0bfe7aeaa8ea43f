"""The follow-up rules: when to chase an employer, how often, and when to stop.

They share an interview round (see cadence.py): the count starts at the latest
interview, pauses while an interview is ahead, answers to a day the employer
names, and never runs ahead of a date they gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.build import on_day, sentence_case
from nextsteps.playbook.cadence import (
    Since,
    current_round,
    pending_interviews,
    since_last,
    stated_decision,
    stated_wait,
    their_latest_word,
)
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import EMPLOYER_ANSWERS, EventKind, Timeline
from nextsteps.playbook.workdays import Workdays


def first_follow_up(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan the first follow-up: seven days after the interview, or after their date.

    004: "Mark in your calendar to follow-up seven days after the interview if they
    haven't got back to you by then. Not one day earlier and not one day later."
    and, when they gave no date, "ask them 'when do you think you will know?'"
    001: "If the interviewer asked you to wait a week before following up on the
    position, respect their wishes." and, when they miss the date they gave,
    "Call or email if the employer doesn't get back to you"; never "the very next
    day to ask about the job — unless they specifically asked you to".
    000: "follow up after a few days with an email or phone call to check the
    status of your candidacy."
    """
    round_ = _open_round(timeline, workdays)
    if round_ is None or round_.follow_ups:
        return []
    start_day = workdays.local_date(round_.start.at)
    since = _START_NAMES[round_.start.kind]
    usual = _counted(workdays, playbook.follow_up_after_days, since, start_day)
    when = _when(round_, timeline, workdays, usual)
    question = "" if stated_decision(timeline) else " and, if not, when they think they will know"
    why = (
        f"{when.lead}. If they haven't got back to you by then, {playbook.follow_up_how} to "
        f"ask whether they have made a decision{question}. Thank them again for considering "
        "you, and don't apologise for following up."
    )
    cited = (playbook.follows, sources.BEST_PRACTICES, sources.DID_I_GET_THE_JOB)
    return [on_day(StepKind.FOLLOW_UP, when.day, why, cited, workdays, attempt=1)]


def next_follow_up(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan the follow-ups after the first: a week after the last one, while the
    playbook allows another in this interview round.

    004: "It doesn't really matter what their answer is. Their answer doesn't
    matter because you will mark your diary to follow up again in another seven
    days." and "If they haven't decided by then, don't follow up again."
    003 (the persistent playbook): "If you have interviewed for the job, check back
    in by phone and drop a note in the mail once per week until you know the outcome."
    """
    round_ = _open_round(timeline, workdays)
    if round_ is None or not round_.follow_ups:
        return []
    done = len(round_.follow_ups)
    last_day = workdays.local_date(round_.follow_ups[-1].at)
    usual = _counted(workdays, playbook.follow_up_every_days, "your follow-up", last_day)
    when = _when(round_, timeline, workdays, usual)
    allowed = playbook.follow_up_attempts
    if allowed is not None and done >= allowed and not when.asked:
        return []
    if allowed is None:
        closing = "Keep checking back every week until you know the outcome."
    elif done + 1 < allowed:
        closing = "Keep it short and polite."
    elif done + 1 == allowed:
        closing = "This is the last follow-up on this application."
    else:
        closing = "They asked you to; after this one, don't follow up again."
    why = (
        f"{when.lead}. If they still haven't answered, {playbook.follow_up_how} to ask "
        f"whether they have decided and, if not, when they think they will know. {closing}"
    )
    return [
        on_day(StepKind.FOLLOW_UP, when.day, why, (playbook.follows,), workdays, attempt=done + 1)
    ]


def move_on(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan giving up on an employer who did not answer the last follow-up.

    004: "If they haven't decided by then, don't follow up again." and "The best
    attitude is to assume you didn't get it and look for other opportunities."
    """
    round_ = _open_round(timeline, workdays)
    allowed = playbook.follow_up_attempts
    wait_days = playbook.move_on_after_days
    if round_ is None or allowed is None or wait_days is None:
        return []
    if len(round_.follow_ups) < allowed:
        return []
    last_day = workdays.local_date(round_.follow_ups[-1].at)
    usual = _counted(workdays, wait_days, "your last follow-up", last_day)
    when = _when(round_, timeline, workdays, usual)
    if when.asked:
        return []
    why = (
        f"{when.lead}. If they still haven't answered, don't follow up again: assume it's a "
        "no, close this application and put your energy into other openings."
    )
    return [on_day(StepKind.MOVE_ON, when.day, why, (sources.HOW_TO_FOLLOW_UP,), workdays)]


def check_in(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan one check-in on an application the employer has not answered.

    003: "Once you have applied for a job its ok to send an email or drop a note in
    the mail once."
    """
    application = since_last(timeline, EventKind.APPLIED)
    if application is None or any(e.kind in EMPLOYER_ANSWERS for e in timeline.events):
        return []
    done = len(application.follow_ups)
    if done >= playbook.check_in_attempts:
        return []
    last = application.follow_ups[-1].at if application.follow_ups else application.start.at
    since = "your last check-in" if application.follow_ups else "you applied"
    day, lead = _counted(workdays, playbook.check_in_after_days, since, workdays.local_date(last))
    day, lead = _respecting_their_dates(day, lead, timeline, workdays)
    closing = (
        "Once is enough: after that, leave it."
        if done + 1 == playbook.check_in_attempts
        else "Keep it short and friendly."
    )
    why = (
        f"{lead}. If you have had no word from them, send a short e-mail or drop a note in "
        f"the mail to check on your application. {closing}"
    )
    return [on_day(StepKind.CHECK_IN, day, why, (sources.DONT_ASSUME,), workdays, done + 1)]


@dataclass(frozen=True)
class _When:
    """The day of the next follow-up, why that day, and whether the employer asked
    to hear from you that day (then it comes even inside the seven days)."""

    day: date
    lead: str
    asked: bool = False


def _when(round_: Since, timeline: Timeline, workdays: Workdays, usual: tuple[date, str]) -> _When:
    """The usual count, unless the employer's latest word names a day: the day they
    asked you to get in touch, or the working day after the date they would decide
    by (001). Never before a date they gave, except the day they asked for."""
    word = their_latest_word(round_)
    if word is not None and word.contact_on is not None:
        said = f"They asked you to get in touch on {day_label(word.contact_on)}"
        day, lead = _on_or_after(word.contact_on, said, workdays)
        return _When(day, lead, asked=True)
    day, lead = usual
    if word is not None and word.decision_by is not None:
        day, lead = _after_their_decision(word.decision_by, workdays)
    return _When(*_respecting_their_dates(day, lead, timeline, workdays))


def _counted(workdays: Workdays, days: int, since: str, start: date) -> tuple[date, str]:
    """`days` after `start` on the user's calendar, with a reason that says so; when
    that day is not a working day, the reason names it and the next one."""
    target = start + timedelta(days=days)
    what = f"{days} days after {since} on {day_label(start)}"
    return _on_or_after(target, what, workdays, is_=True)


def _on_or_after(
    target: date, said: str, workdays: Workdays, is_: bool = False
) -> tuple[date, str]:
    """`target`, or the working day after it, and `said` telling which it is.
    `is_`: `said` names the day itself ("7 days after ... is Christmas Day")."""
    day = workdays.on_or_after(target)
    off = workdays.day_off(target)
    if off is None:
        return day, sentence_case(said)
    joint = " is" if is_ else ", which is"
    return day, f"{sentence_case(said)}{joint} {off}; the next working day is {day_label(day)}"


def _after_their_decision(decision: date, workdays: Workdays) -> tuple[date, str]:
    said = f"They said they would decide by {day_label(decision)}"
    day = workdays.after(decision)
    off = workdays.day_off(decision + timedelta(days=1))
    if off is None:
        return day, said
    return day, f"{said}, and the day after is {off}; the next working day is {day_label(day)}"


def _respecting_their_dates(
    day: date, lead: str, timeline: Timeline, workdays: Workdays
) -> tuple[date, str]:
    """Move `day` past the employer's decision date and onto their wait date,
    saying why when either moved it."""
    decision = stated_decision(timeline)
    if decision is not None and workdays.after(decision) > day:
        day, lead = _after_their_decision(decision, workdays)
    wait = stated_wait(timeline)
    if wait is not None and workdays.on_or_after(wait) > day:
        said = f"They asked you to wait until {day_label(wait)}"
        day, lead = _on_or_after(wait, said, workdays)
    return day, lead


_START_NAMES = {
    EventKind.INTERVIEW_HELD: "your interview",
    EventKind.EMPLOYER_REPLIED: "their reply",
    EventKind.MATERIALS_REQUESTED: "their request for material",
}


def _open_round(timeline: Timeline, workdays: Workdays) -> Since | None:
    """The round to follow up in, unless an interview is still ahead (then the
    next thing to do is prepare for it, not chase them)."""
    if pending_interviews(timeline, workdays):
        return None
    return current_round(timeline)
