"""Doing and skipping a step."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction

from nextsteps.fields import FieldRefused
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import StepKind
from nextsteps.playbook.step import COMPLETING_EVENT
from nextsteps.tracker.models import SKIP_REASON, Application, NextStep
from nextsteps.tracker.services.errors import StepRefused, owned
from nextsteps.tracker.services.events import Recorded, record_event

# Steps whose event needs more than a click: the interview's time and what was
# said, or a yes or a no to an offer.
NEEDS_A_FORM = frozenset(
    {StepKind.PREPARE_INTERVIEW, StepKind.KEEP_SEARCHING, StepKind.ANSWER_OFFER}
)


def step_of(owner: User, step_id: int) -> NextStep:
    return owned(NextStep.objects.select_related("application__company"), owner, step_id, "step")


def _lock_open(step: NextStep) -> NextStep:
    """The step, re-read under its application's lock; refuses one already closed."""
    Application.objects.select_for_update().filter(pk=step.application_id).first()
    step.refresh_from_db()
    if step.state != NextStep.State.OPEN:
        raise StepRefused(f"That step is already {step.get_state_display().lower()}.")
    return step


def can_start(step: NextStep, now: datetime) -> bool:
    """Whether the step can be done at `now` (on the user's clock): a step for a day
    can be done all that day, a timed one from its moment."""
    if step.all_day:
        return step.not_before.astimezone(now.tzinfo).date() <= now.date()
    return step.not_before <= now


def complete_step(step: NextStep, now: datetime) -> Recorded:
    """Mark a step done by recording the event that does it: "thank-you sent" is an
    event, not a checkbox. `now` is on the user's clock."""
    kind = StepKind(step.kind)
    if kind in NEEDS_A_FORM:
        raise StepRefused("That step is done by filling in its form.")
    with transaction.atomic():
        step = _lock_open(step)
        if not can_start(step, now):
            raise StepRefused("That step cannot be done yet.")
        event_kind, channel = COMPLETING_EVENT[kind]
        return record_event(step.application, PlannedEvent(event_kind, now, channel=channel))


def skip_step(step: NextStep, reason: str, now: datetime) -> None:
    """Set a step aside for a reason; replans do not bring it back unchanged."""
    try:
        reason = SKIP_REASON.clean(reason)
    except FieldRefused as exc:
        raise StepRefused(str(exc)) from None
    with transaction.atomic():
        step = _lock_open(step)
        step.state = NextStep.State.SKIPPED
        step.skip_reason = reason
        step.closed_at = now
        step.save(update_fields=["state", "skip_reason", "closed_at", "updated"])
