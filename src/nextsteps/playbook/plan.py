"""The planner: an application's timeline in, its next steps out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.rules import OPEN_RULES, OUTCOME_RULES
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import Timeline
from nextsteps.playbook.workdays import Workdays


def plan(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Every step the application calls for now, sorted by (due, kind).

    Deterministic: the same timeline, playbook and calendar give the same list.
    An outcome (offer, rejection, withdrawal, no response) ends every follow-up;
    what remains is the outcome's own: the reply to a rejection, the offer in
    writing, the answer to it. Each step carries the moment it lapses.
    """
    rules = OPEN_RULES if timeline.outcome is None else OUTCOME_RULES
    steps = [step for rule in rules for step in rule(timeline, playbook, workdays)]
    return sorted((_with_lapse(step, playbook, workdays) for step in steps), key=_order)


def next_step(steps: list[Step], now: datetime) -> Step | None:
    """An application's next step: the first of its plan still worth doing at `now`."""
    return next((step for step in sorted(steps, key=_order) if not step.lapsed(now)), None)


def keep_searching(
    active_applications: int,
    search_over: bool,
    last_applied: date | None,
    today: date,
    playbook: Playbook,
    workdays: Workdays,
) -> Step | None:
    """Nudge the user to apply elsewhere while they wait on applications in progress.

    000: "Until you actually get an offer, don't give up your job search."
    002: "While you should think positive thoughts, don't stop your job search, at
    least not yet."
    003: "Keep up the effort of applying for new jobs and companies that you are
    qualified for and interested in."

    The nudge appears once `keep_searching.every_days` have passed since the last
    application (applied on the 6th: from the 13th), dated on the working day that
    window ran out, so it reads the same whichever day it is computed and shows as
    overdue when it has been ignored. With no application dated at all, it is for
    today (or the next working day). Nothing while no application is in progress,
    or once an accepted offer is official.
    """
    if active_applications <= 0 or search_over:
        return None
    if last_applied is None:
        day = workdays.on_or_after(today)
        since = "You haven't recorded when you last applied for a job"
    else:
        window_ends = last_applied + timedelta(days=playbook.keep_searching_days)
        if window_ends > today:
            return None
        day = workdays.on_or_after(window_ends)
        since = f"You haven't applied for a job since {day_label(last_applied)}"
    why = (
        f"{since}: apply for another one you are qualified for while you wait. "
        "Until an offer is official, keep your search going."
    )
    morning = workdays.at(day)
    return Step(
        kind=StepKind.KEEP_SEARCHING,
        not_before=morning,
        due=morning,
        why=why,
        sources=(sources.DID_I_GET_THE_JOB, sources.FOUR_THINGS, sources.DONT_ASSUME),
        all_day=True,
    )


def _order(step: Step) -> tuple[float, str, int, float]:
    # Timestamps, not datetimes: in the repeated hour of a clock change, aware
    # datetimes sharing a zone compare by wall clock.
    return (step.due.timestamp(), step.kind.value, step.attempt or 0, step.not_before.timestamp())


def _with_lapse(step: Step, playbook: Playbook, workdays: Workdays) -> Step:
    """The step with the moment it lapses: its playbook window after it was due, or
    sooner when its rule says so (a reflection once the thank-you has gone)."""
    end = lapse_moment(step.kind, step.due, step.all_day, playbook, workdays)
    if end is None or (step.lapses is not None and step.lapses.timestamp() < end.timestamp()):
        return step
    return replace(step, lapses=end)


def lapse_moment(
    kind: StepKind, due: datetime, all_day: bool, playbook: Playbook, workdays: Workdays
) -> datetime | None:
    """When a step of `kind` due at `due` stops being worth doing: the playbook's
    window after it was due (None: never). A step for a day is due all that day,
    so its window counts from the day after."""
    window = playbook.lapse_window(kind)
    if window is None:
        return None
    if all_day:
        return workdays.at(workdays.local_date(due) + timedelta(days=1) + window, time())
    return due.astimezone(workdays.timezone) + window  # days on the user's calendar
