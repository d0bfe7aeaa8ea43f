"""Steps as a person reads them on a page: what, by when, why, from which article,
and what they can do about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from django.urls import reverse

from nextsteps.outreach.services import StepSend
from nextsteps.playbook import Step, StepKind
from nextsteps.playbook.humandates import say_due, say_moment
from nextsteps.playbook.step import STEP_WORDS, is_overdue, title
from nextsteps.tracker.models import Application, NextStep
from nextsteps.tracker.services import NEEDS_A_FORM, Agenda, can_start

# Steps done best with a form on the application page: (form, link text).
FORMS: dict[StepKind, tuple[str, str]] = {
    StepKind.PREPARE_INTERVIEW: ("interview", "Log the interview"),
    StepKind.REFLECT: ("reflection", "Write down how it went"),
}


@dataclass(frozen=True)
class Card:
    title: str
    due: str
    overdue: bool
    why: str
    sources: list[str]
    step: NextStep | None = None
    application: Application | None = None
    starts: str = ""  # when it can first be done, if that is later than now
    done_label: str = ""
    form_url: str = ""
    form_label: str = ""
    sending: str = ""  # when the outbox sends the step's message, or why it did not
    send: StepSend | None = None


def card(step: NextStep, zone: tzinfo, now: datetime, send: StepSend | None = None) -> Card:
    kind = StepKind(step.kind)
    application = step.application
    ready = can_start(step, now.astimezone(zone))
    form_url, form_label = "", ""
    if kind in FORMS:
        form, form_label = FORMS[kind]
        form_url = reverse("log", args=[application.id, form])
    today = now.astimezone(zone).date()
    starts = say_moment(step.not_before, zone, today, step.all_day)
    if ready or starts == say_moment(step.due, zone, today, step.all_day):
        starts = ""
    return Card(
        title=step.title(),
        due=say_due(step.due, step.all_day, zone, now),
        overdue=is_overdue(step.due, step.all_day, now, zone),
        why=step.why,
        sources=list(step.sources),
        step=step,
        application=application,
        starts=f"from {starts}" if starts else "",
        done_label=STEP_WORDS[kind].done if ready and kind not in NEEDS_A_FORM else "",
        form_url=form_url,
        form_label=form_label,
        sending=send.sentence(zone, today) if send else "",
        send=send,
    )


def nudge_card(nudge: Step, zone: tzinfo, now: datetime) -> Card:
    return Card(
        title=title(StepKind.KEEP_SEARCHING),
        due=say_due(nudge.due, nudge.all_day, zone, now),
        overdue=is_overdue(nudge.due, nudge.all_day, now, zone),
        why=nudge.why,
        sources=list(nudge.sources),
        form_url=reverse("add-application"),
        form_label="Add an application",
    )


# A group longer than this is cut: past it, a list stops helping anyone decide.
GROUP_LIMIT = 50


@dataclass
class Day:
    """Today's page: what is late (latest first), what is for today, and what comes
    next; each group cut at GROUP_LIMIT, with how many were left out."""

    overdue: list[Card] = field(default_factory=list)
    today: list[Card] = field(default_factory=list)
    coming_up: list[Card] = field(default_factory=list)
    nudge: Card | None = None
    left_out: int = 0

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.coming_up or self.nudge)


def day_of(agenda: Agenda, zone: tzinfo, now: datetime, sends: dict[int, StepSend]) -> Day:
    """Sort the agenda's steps (in due order) into the page's groups; `sends` holds
    the steps' messages in the outbox."""
    local = now.astimezone(zone)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), zone)
    overdue: list[NextStep] = []
    today: list[NextStep] = []
    coming_up: list[NextStep] = []
    for step in agenda.steps:
        if is_overdue(step.due, step.all_day, now, zone):
            overdue.append(step)
        elif step.not_before < tomorrow:
            today.append(step)
        else:
            coming_up.append(step)
    overdue.reverse()  # what was missed just now first; a step months late matters least

    def cards(steps: list[NextStep]) -> list[Card]:
        return [card(step, zone, now, sends.get(step.id)) for step in steps[:GROUP_LIMIT]]

    day = Day(overdue=cards(overdue), today=cards(today), coming_up=cards(coming_up))
    day.left_out = len(agenda.steps) - len(day.overdue) - len(day.today) - len(day.coming_up)
    if agenda.keep_searching is not None:
        day.nudge = nudge_card(agenda.keep_searching, zone, now)
    return day
