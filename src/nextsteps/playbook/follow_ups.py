"""The follow-up rules: when to chase an employer, how often, and when to stop.

They share a cadence (see cadence.py): it counts from the employer's last move,
pauses while an interview is ahead, and never runs ahead of a date they gave.
"""

from __future__ import annotations

from datetime import date, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.build import on_day, sentence_case
from nextsteps.playbook.cadence import (
    Since,
    current_cadence,
    pending_interviews,
    since_last,
    stated_decision,
    stated_wait,
)
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import EMPLOYER_ANSWERS, EventKind, Timeline
from nextsteps.playbook.workdays import Workdays, day_label


def first_follow_up(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan the first follow-up: seven days after the interview, or after their date.

    004: "Mark in your calendar to follow-up seven days after the interview if they
    haven't got back to you by then. Not one day earlier and not one day later."
    001: "If the interviewer asked you to wait a week before following up on the
    position, respect their wishes." and, when they miss the date they gave,
    "Call or email if the employer doesn't get back to you".
    000: "follow up after a few days with an email or phone call to check the
    status of your candidacy."
    """
    cadence = _open_cadence(timeline, workdays)
    if cadence is None or cadence.follow_ups:
        return []
    start_day = workdays.local_date(cadence.start.at)
    decision = stated_decision(timeline)
    if decision is not None and decision >= start_day:
        # Their own date replaces the seven days, even when it comes sooner (001).
        day, reason = workdays.after(decision), _decided_by(decision)
    else:
        a_week_on = start_day + timedelta(days=playbook.follow_up_after_days)
        day, reason = workdays.on_or_after(a_week_on), ""
    day, reason = _respecting_their_dates(day, reason, timeline, workdays)
    if reason:
        lead = f"{sentence_case(reason)}; if they haven't got back to you by now"
    else:
        what = _name_of_start(cadence, timeline, workdays)
        lead = (
            f"{playbook.follow_up_after_days} days after {what} on {day_label(start_day)}, "
            "if they haven't got back to you"
        )
    why = (
        f"{lead}, {playbook.follow_up_how} to ask whether they have made a decision. "
        "Thank them again for considering you, and don't apologise for following up."
    )
    sources_ = (playbook.follows, sources.BEST_PRACTICES, sources.DID_I_GET_THE_JOB)
    return [on_day(StepKind.FOLLOW_UP, day, why, sources_, workdays, attempt=1)]


def next_follow_up(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan the follow-ups after the first: a week after the last one, while the
    playbook allows another.

    004: "If they haven't made a decision, ask them 'when do you think you will
    know?'" and "you will mark your diary to follow up again in another seven days."
    003 (the persistent playbook): "If you have interviewed for the job, check back
    in by phone and drop a note in the mail once per week until you know the outcome."
    """
    cadence = _open_cadence(timeline, workdays)
    if cadence is None or not cadence.follow_ups:
        return []
    done = len(cadence.follow_ups)
    allowed = playbook.follow_up_attempts
    if allowed is not None and done >= allowed:
        return []
    last_day = workdays.local_date(cadence.follow_ups[-1].at)
    day = workdays.on_or_after(last_day + timedelta(days=playbook.follow_up_every_days))
    day, reason = _respecting_their_dates(day, "", timeline, workdays)
    lead = (
        f"Still no answer since your follow-up on {day_label(last_day)}, and {reason}"
        if reason
        else f"Still no answer {playbook.follow_up_every_days} days after your follow-up "
        f"on {day_label(last_day)}"
    )
    if allowed is not None and done + 1 == allowed:
        closing = "This is the last follow-up on this application."
    else:
        closing = "Keep checking back every week until you know the outcome."
    why = (
        f"{lead}: {playbook.follow_up_how} to ask whether they have decided and, if not, "
        f"when they think they will know. {closing}"
    )
    return [on_day(StepKind.FOLLOW_UP, day, why, (playbook.follows,), workdays, attempt=done + 1)]


def move_on(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan giving up on an employer who did not answer the last follow-up.

    004: "If they haven't decided by then, don't follow up again." and "The best
    attitude is to assume you didn't get it and look for other opportunities."
    """
    cadence = _open_cadence(timeline, workdays)
    allowed = playbook.follow_up_attempts
    wait_days = playbook.move_on_after_days
    if cadence is None or allowed is None or wait_days is None:
        return []
    if len(cadence.follow_ups) < allowed:
        return []
    last_day = workdays.local_date(cadence.follow_ups[-1].at)
    day = workdays.on_or_after(last_day + timedelta(days=wait_days))
    day, reason = _respecting_their_dates(day, "", timeline, workdays)
    lead = f"No answer {wait_days} days after your last follow-up on {day_label(last_day)}"
    if reason:
        lead = f"No answer since your last follow-up on {day_label(last_day)}, and {reason}"
    why = (
        f"{lead}: don't follow up again. Assume it's a no, close this application and put "
        "your energy into other openings."
    )
    return [on_day(StepKind.MOVE_ON, day, why, (sources.HOW_TO_FOLLOW_UP,), workdays)]


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
    applied_day = workdays.local_date(application.start.at)
    last = application.follow_ups[-1].at if application.follow_ups else application.start.at
    day = workdays.on_or_after(
        workdays.local_date(last) + timedelta(days=playbook.check_in_after_days)
    )
    day, reason = _respecting_their_dates(day, "", timeline, workdays)
    lead = f"{sentence_case(reason)}, and no word yet" if reason else "No word from them"
    closing = (
        "Once is enough: after that, leave it."
        if done + 1 == playbook.check_in_attempts
        else "Keep it short and friendly."
    )
    why = (
        f"{lead} since you applied on {day_label(applied_day)}: send a short e-mail or drop a "
        f"note in the mail to check on your application. {closing}"
    )
    return [on_day(StepKind.CHECK_IN, day, why, (sources.DONT_ASSUME,), workdays, done + 1)]


_CADENCE_START_NAMES = {
    EventKind.INTERVIEW_HELD: "your interview",
    EventKind.EMPLOYER_REPLIED: "their last reply",
    EventKind.MATERIALS_REQUESTED: "their request for material",
}


def _name_of_start(cadence: Since, timeline: Timeline, workdays: Workdays) -> str:
    """What the seven days count from, as the user remembers it: a request made at
    the interview is still "your interview"."""
    start_day = workdays.local_date(cadence.start.at)
    held_days = {workdays.local_date(e.at) for e in timeline.of_kind(EventKind.INTERVIEW_HELD)}
    if start_day in held_days:
        return _CADENCE_START_NAMES[EventKind.INTERVIEW_HELD]
    return _CADENCE_START_NAMES[cadence.start.kind]


def _open_cadence(timeline: Timeline, workdays: Workdays) -> Since | None:
    """The cadence to follow up on, unless an interview is still ahead (then the
    next thing to do is prepare for it, not chase them)."""
    if pending_interviews(timeline, workdays):
        return None
    return current_cadence(timeline)


def _respecting_their_dates(
    day: date, reason: str, timeline: Timeline, workdays: Workdays
) -> tuple[date, str]:
    """Move `day` past the employer's decision date and onto their wait date,
    saying why when either moved it."""
    decision = stated_decision(timeline)
    if decision is not None and workdays.after(decision) > day:
        day, reason = workdays.after(decision), _decided_by(decision)
    wait = stated_wait(timeline)
    if wait is not None and workdays.on_or_after(wait) > day:
        day, reason = workdays.on_or_after(wait), f"they asked you to wait until {day_label(wait)}"
    return day, reason


def _decided_by(decision: date) -> str:
    return f"they said they would decide by {day_label(decision)}"
