"""What the user has to do: the agenda, the nudge to keep applying, the counts behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Step, keep_searching
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker.models import Application, NextStep

ACTIVE_STAGES = (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)


@dataclass(frozen=True)
class Agenda:
    steps: list[NextStep]
    keep_searching: Step | None


def agenda(owner: User, day: date, ahead_days: int = 0) -> Agenda:
    """Every open step the user can act on by the end of `day`, overdue ones included,
    and with `ahead_days` those they can act on in the days after it."""
    profile = profile_of(owner)
    workdays = profile.workdays()
    until = workdays.at(day + timedelta(days=1 + ahead_days), datetime.min.time())
    steps = list(
        NextStep.objects.filter(owner=owner, state=NextStep.State.OPEN, not_before__lt=until)
        .select_related("application__company")
        .order_by("due", "id")
    )
    return Agenda(steps=steps, keep_searching=search_nudge(owner, profile, day))


def search_nudge(owner: User, profile: Profile, day: date) -> Step | None:
    """Articles 000, 002, 003: keep applying while you wait. Three index lookups."""
    mine = Application.objects.filter(owner=owner)
    last = mine.filter(applied_on__isnull=False).order_by("-applied_on").first()
    return keep_searching(
        active_applications=int(has_active_applications(owner)),
        search_over=mine.filter(ends_search=True).exists(),
        last_applied=last.applied_on if last else None,
        today=day,
        playbook=profile.chosen_playbook(),
        workdays=profile.workdays(),
    )


def has_active_applications(owner: User) -> bool:
    """Whether any application is still going: applied, interviewing or offered."""
    return Application.objects.filter(owner=owner, stage__in=ACTIVE_STAGES).exists()


def open_steps(application: Application) -> list[NextStep]:
    return list(application.steps.filter(state=NextStep.State.OPEN).order_by("due", "id"))


def applied_since(owner: User, day: date) -> int:
    """How many applications the user has sent since `day` (their weekly target's count)."""
    return Application.objects.filter(owner=owner, applied_on__gte=day).count()
