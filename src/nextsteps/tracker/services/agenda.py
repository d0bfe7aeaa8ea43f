"""What the user has to do: the agenda, the nudge to keep applying, the counts behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Step, keep_searching
from nextsteps.playbook.step import is_overdue
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker.models import AGENDA_DAY, Application, NextStep

ACTIVE_STAGES = (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)


@dataclass(frozen=True)
class Agenda:
    steps: list[NextStep]
    keep_searching: Step | None

    def by_urgency(self, now: datetime) -> Urgency:
        return by_urgency(self.steps, now)


@dataclass(frozen=True)
class Urgency:
    """Steps sorted for a person: what is late (what was missed just now first: a
    step months late matters least), what is for today, and what can wait."""

    overdue: list[NextStep]
    today: list[NextStep]
    later: list[NextStep]


def by_urgency(steps: list[NextStep], now: datetime) -> Urgency:
    """`steps` in due order; `now` on the user's clock (its tzinfo is their zone)."""
    zone = now.tzinfo
    assert zone is not None
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), zone)
    overdue: list[NextStep] = []
    today: list[NextStep] = []
    later: list[NextStep] = []
    for step in steps:
        if is_overdue(step.due, step.all_day, now, zone):
            overdue.append(step)
        elif step.not_before < tomorrow:
            today.append(step)
        else:
            later.append(step)
    overdue.reverse()
    return Urgency(overdue, today, later)


def agenda(owner: User, day: date, ahead_days: int = 0) -> Agenda:
    """Every open step the user can act on by the end of `day`, overdue ones included,
    and with `ahead_days` those they can act on in the days after it. FieldRefused
    for a day nextsteps cannot plan with (before 1970, over two years ahead)."""
    profile = profile_of(owner)
    AGENDA_DAY.clean(day, timezone.now().astimezone(profile.zone).date())
    workdays = profile.workdays()
    until = workdays.at(day + timedelta(days=1 + ahead_days), datetime.min.time())
    # Another day's agenda shows what is still worth doing when that day starts.
    moment = max(timezone.now(), workdays.at(day, datetime.min.time()))
    steps = list(
        NextStep.objects.to_do(moment)
        .filter(owner=owner, not_before__lt=until)
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


def first_open_steps(owner: User) -> dict[int, NextStep]:
    """Each application's first step still worth doing (the next thing to do), by
    application id."""
    steps = (
        NextStep.objects.to_do(timezone.now())
        .filter(owner=owner)
        .only("application_id", "kind", "attempt", "not_before", "due", "all_day")
        .order_by("due", "id")
    )
    first: dict[int, NextStep] = {}
    for step in steps:
        first.setdefault(step.application_id, step)
    return first


def open_steps(application: Application, now: datetime | None = None) -> list[NextStep]:
    """The application's steps still worth doing, first due first."""
    steps = application.steps.to_do(now or timezone.now())
    return list(steps.order_by("due", "id"))


def applied_since(owner: User, day: date) -> int:
    """How many applications the user has sent since `day` (their weekly target's count)."""
    return Application.objects.filter(owner=owner, applied_on__gte=day).count()
