"""The rules for an offer: get it in writing, then answer it by their deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.build import on_day
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import EventKind, Timeline
from nextsteps.playbook.workdays import Workdays


def ask_for_written_offer(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan asking for a spoken offer in writing, within a working day.

    000: "Until you actually get an offer, don't give up your job search. [...] You
    can give up the search once an offer of employment is official."
    003: "it's important not to get too wrapped up in a particular company until
    you have an offer of employment solidified."
    """
    offer = timeline.offer
    if not offer or timeline.offer_official:
        return []
    first = offer[0]
    if any(e.kind == EventKind.FOLLOW_UP_SENT and e.at > first.at for e in timeline.events):
        return []
    offered_on = workdays.local_date(first.at)
    day = offered_on
    for _ in range(playbook.offer_in_writing_working_days):
        day = workdays.after(day)
    why = (
        f"They offered you the job on {day_label(offered_on)}, but not in writing yet: "
        f"by {day_label(day)}, thank them and ask them to send you the offer in writing. "
        "Until it is official, keep your search going."
    )
    cited = (sources.DID_I_GET_THE_JOB, sources.DONT_ASSUME)
    step = on_day(StepKind.ASK_FOR_WRITTEN_OFFER, day, why, cited, workdays)
    return [_from(step, first.at)]


def answer_offer(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan answering an official offer by the date they need the answer.

    000: "You can give up the search once an offer of employment is official." An
    official offer is the moment to decide; until then, and if the answer is no,
    the search goes on.
    """
    offer = timeline.offer
    if not timeline.offer_official or any(e.kind == EventKind.OFFER_ACCEPTED for e in offer):
        return []
    official = next(e for e in offer if e.official)
    received = workdays.local_date(official.at)
    deadlines = [e.decision_by for e in offer if e.decision_by is not None]
    if deadlines:
        # Their deadline is a promise to them: a day off before it brings it forward.
        day = max(workdays.on_or_before(deadlines[-1]), received)
        by = f"they need your answer by {day_label(deadlines[-1])}"
    else:
        day = received
        for _ in range(playbook.offer_answer_working_days):
            day = workdays.after(day)
        by = f"they gave no deadline, so answer by {day_label(day)} or ask when they need it"
    why = (
        f"Their offer in writing came on {day_label(received)} and {by}: accept it or "
        "decline it, and thank them either way. Until you accept, keep your search going."
    )
    step = on_day(StepKind.ANSWER_OFFER, day, why, (sources.DID_I_GET_THE_JOB,), workdays)
    return [_from(step, official.at)]


def _from(step: Step, offered: datetime) -> Step:
    """The step can be done from the moment the offer came."""
    return replace(step, not_before=min(offered, step.due, key=lambda at: at.timestamp()))
