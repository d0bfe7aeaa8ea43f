"""Steps as a person reads them on a page: what, by when, why, from which article,
and what they can do about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from django.urls import reverse

from nextsteps.outreach.models import Message
from nextsteps.outreach.services import StepSend
from nextsteps.playbook import Step, StepKind
from nextsteps.playbook.drafting import MESSAGE_NAMES, message_kind_of_step
from nextsteps.playbook.humandates import say_due, say_moment
from nextsteps.playbook.step import STEP_WORDS, is_overdue, title
from nextsteps.tracker.models import Application, NextStep
from nextsteps.tracker.services import NEEDS_A_FORM, Glance, can_start
from nextsteps.web.paths import path_to

# Steps done best with a form on the application page: (form, link text).
FORMS: dict[StepKind, tuple[str, str]] = {
    StepKind.PREPARE_INTERVIEW: ("interview", "Log the interview"),
    StepKind.REFLECT: ("reflection", "Write down how it went"),
}


@dataclass(frozen=True)
class StepPaths:
    """Where a step's card leads: its application, its buttons, its message."""

    application: str
    done: str
    skip: str
    write_again: str
    message: str = ""  # the step's message in the outbox, with its cancel and retry
    cancel: str = ""
    retry: str = ""


def step_paths(step: NextStep, send: StepSend | None) -> StepPaths:
    message = send.message_id if send else None
    return StepPaths(
        application=path_to("application", step.application_id),
        done=path_to("step-done", step.id),
        skip=path_to("step-skip", step.id),
        write_again=path_to("message-editor", step.id),
        message=path_to("message", message) if message else "",
        cancel=path_to("message-cancel", message) if message else "",
        retry=path_to("message-retry", message) if message else "",
    )


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
    action_url: str = ""  # the card's main action: write its message, fill in its form
    action_label: str = ""
    send: StepSend | None = None  # the step's message in the outbox, if it has one
    message_status: str = ""  # what became of that message, in words
    paths: StepPaths | None = None  # a step's (the nudge to keep applying has none)

    @property
    def needs_you(self) -> bool:
        """Its message failed, or may not have gone out."""
        return self.send is not None and self.send.needs_you

    @property
    def can_cancel(self) -> bool:
        return self.send is not None and self.send.state == Message.State.SCHEDULED

    @property
    def can_retry(self) -> bool:
        return self.send is not None and self.send.state == Message.State.FAILED


def card(step: NextStep, zone: tzinfo, now: datetime, send: StepSend | None = None) -> Card:
    kind = StepKind(step.kind)
    application = step.application
    ready = can_start(step, now.astimezone(zone))
    today = now.astimezone(zone).date()
    starts = say_moment(step.not_before, zone, today, step.all_day)
    if ready or starts == say_moment(step.due, zone, today, step.all_day):
        starts = ""
    action_url, action_label = _action(step, kind, send)
    # While a message is on its way (or may have gone), "done" would send it twice.
    on_its_way = send is not None and send.state != Message.State.FAILED
    done = ready and kind not in NEEDS_A_FORM and not on_its_way
    return Card(
        title=step.title(),
        due=say_due(step.due, step.all_day, zone, now),
        overdue=is_overdue(step.due, step.all_day, now, zone),
        why=step.why,
        sources=list(step.sources),
        step=step,
        application=application,
        starts=f"from {starts}" if starts else "",
        done_label=STEP_WORDS[kind].done if done else "",
        action_url=action_url,
        action_label=action_label,
        send=send,
        message_status=send.sentence(zone, today) if send else "",
        paths=step_paths(step, send),
    )


def _action(step: NextStep, kind: StepKind, send: StepSend | None) -> tuple[str, str]:
    """The card's main button: the step's form, or its message to write (again)."""
    if kind in FORMS:
        form, label = FORMS[kind]
        return reverse("log", args=[step.application_id, form]), label
    message_kind = message_kind_of_step(kind, step.attempt)
    if message_kind is None:
        return "", ""
    if send is None:
        return path_to("message-editor", step.id), f"Write the {MESSAGE_NAMES[message_kind]}"
    return "", ""


def nudge_card(nudge: Step, zone: tzinfo, now: datetime) -> Card:
    return Card(
        title=title(StepKind.KEEP_SEARCHING),
        due=say_due(nudge.due, nudge.all_day, zone, now),
        overdue=is_overdue(nudge.due, nudge.all_day, now, zone),
        why=nudge.why,
        sources=list(nudge.sources),
        action_url=reverse("add-application"),
        action_label="Add an application",
    )


# Today shows this many steps as whole cards, what to do now; past them a list stops
# helping anyone decide, and the rest are a link away.
OVERDUE_CARDS = 10
TODAY_CARDS = 20
# ... and what comes next as one line each.
COMING_UP_LINES = 10
SHOWN = (OVERDUE_CARDS, TODAY_CARDS, COMING_UP_LINES)


@dataclass(frozen=True)
class Line:
    """A step coming up, in one line: when, what, and where it is explained."""

    when: str
    title: str
    url: str


@dataclass
class Day:
    """Today's page: whole cards for what is late (latest first) and what is for
    today, one line for each step coming up, and how many more are left out."""

    overdue: list[Card] = field(default_factory=list)
    overdue_more: int = 0
    today: list[Card] = field(default_factory=list)
    today_more: int = 0
    coming_up: list[Line] = field(default_factory=list)
    later: int = 0
    nudge: Card | None = None

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.coming_up or self.nudge or self.later)

    @property
    def left_out(self) -> int:
        return self.overdue_more + self.today_more + self.later


def day_of(
    glance: Glance, now: datetime, sends_of: Callable[[list[int]], dict[int, StepSend]]
) -> Day:
    """The agenda's first steps as the page's groups; `now` is on the user's clock,
    and `sends_of` looks up the shown steps' messages in the outbox."""
    zone = now.tzinfo
    assert zone is not None
    overdue, today, coming_up = glance.overdue.steps, glance.today.steps, glance.later.steps
    sends = sends_of([step.id for step in overdue + today])
    day_today = now.date()
    return Day(
        overdue=[card(step, zone, now, sends.get(step.id)) for step in overdue],
        overdue_more=glance.overdue.count - len(overdue),
        today=[card(step, zone, now, sends.get(step.id)) for step in today],
        today_more=glance.today.count - len(today),
        coming_up=[
            Line(
                when=say_moment(step.due, zone, day_today, step.all_day),
                title=step.title(),
                url=f"{path_to('application', step.application_id)}#step-{step.id}",
            )
            for step in coming_up
        ],
        later=glance.later.count - len(coming_up),
        nudge=nudge_card(glance.keep_searching, zone, now) if glance.keep_searching else None,
    )
