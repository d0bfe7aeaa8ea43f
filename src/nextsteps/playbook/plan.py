"""The planner: an application's timeline in, its next steps out."""

from __future__ import annotations

from datetime import date, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.rules import CLOSED_RULES, OPEN_RULES
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import Timeline
from nextsteps.playbook.workdays import Workdays


def plan(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Every step the application calls for now, sorted by (due, kind).

    Deterministic: the same timeline, playbook and calendar give the same list.
    An outcome (offer, rejection, withdrawal, no response) ends every step but the
    reply to a rejection.
    """
    rules = OPEN_RULES if timeline.outcome is None else CLOSED_RULES
    steps = [step for rule in rules for step in rule(timeline, playbook, workdays)]
    return sorted(steps, key=_order)


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
