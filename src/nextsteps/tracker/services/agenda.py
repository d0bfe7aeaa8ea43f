"""What the user has to do: the agenda, the nudge to keep applying, the counts behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Step, keep_searching
from nextsteps.playbook.step import is_overdue
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker.models import AGENDA_DAY, Application, NextStep, missed_at, to_do_at

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


def overdue_at(now: datetime) -> Q:
    """`is_overdue` as a query's condition: a timed step once its moment has passed,
    one for a day once its day has passed on the user's calendar (`now` is on their
    clock)."""
    zone = now.tzinfo
    started_today = datetime.combine(now.date(), datetime.min.time(), zone)
    return Q(all_day=True, due__lt=started_today) | Q(all_day=False, due__lt=now)


@dataclass(frozen=True)
class FirstSteps:
    """The first of a group of steps, as many as a page shows, and how many it has."""

    steps: list[NextStep]
    count: int


@dataclass(frozen=True)
class Glance:
    """The agenda as a page shows it, read in a fixed number of queries however
    many steps are open: the latest overdue steps, the first for today and the
    first of those to come, each with the count of its group."""

    overdue: FirstSteps
    today: FirstSteps
    later: FirstSteps
    keep_searching: Step | None


def agenda_at_a_glance(
    owner: User, profile: Profile, now: datetime, ahead_days: int, shown: tuple[int, int, int]
) -> Glance:
    """`agenda` for `now` (on the user's clock) cut to the `shown` number of steps
    overdue, for today and later, grouped as `by_urgency` groups them."""
    workdays = profile.workdays()
    day = now.date()
    until = workdays.at(day + timedelta(days=1 + ahead_days), datetime.min.time())
    tomorrow = datetime.combine(day + timedelta(days=1), datetime.min.time(), now.tzinfo)
    steps = NextStep.objects.to_do(now).filter(owner=owner, not_before__lt=until)
    overdue = overdue_at(now)
    groups = {
        "overdue": steps.filter(overdue).order_by("-due", "-id"),
        "today": steps.exclude(overdue).filter(not_before__lt=tomorrow).order_by("due", "id"),
        "later": steps.exclude(overdue).filter(not_before__gte=tomorrow).order_by("due", "id"),
    }
    counts = steps.aggregate(
        every=Count("id"),
        overdue=Count("id", filter=overdue),
        today=Count("id", filter=~overdue & Q(not_before__lt=tomorrow)),
    )
    counts["later"] = counts["every"] - counts["overdue"] - counts["today"]
    first = {
        name: FirstSteps(_first(query, limit), counts[name])
        for (name, query), limit in zip(groups.items(), shown, strict=True)
    }
    return Glance(**first, keep_searching=search_nudge(owner, profile, day))


def _first(steps: QuerySet[NextStep], limit: int) -> list[NextStep]:
    """The first `limit` of `steps` with their application and company: chosen by
    the index before the whole rows are read and joined (twice as fast on SQLite)."""
    chosen = steps.values("id")[:limit]
    order = steps.query.order_by
    return list(
        NextStep.objects.filter(id__in=chosen)
        .select_related("application__company")
        .order_by(*order)
    )


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


def first_open_steps(owner: User, among: list[int] | None = None) -> dict[int, NextStep]:
    """Each application's first step still worth doing (the next thing to do), by
    application id: of all the user's applications, or of those `among` ids."""
    steps = (
        NextStep.objects.to_do(timezone.now())
        .only("application_id", "kind", "attempt", "not_before", "due", "all_day")
        .order_by("due", "id")
    )
    # Those of a few applications are found by application, all of them by owner.
    if among is None:
        steps = steps.filter(owner=owner)
    else:
        steps = steps.filter(owner=owner, application_id__in=among)
    first: dict[int, NextStep] = {}
    for step in steps:
        first.setdefault(step.application_id, step)
    return first


def open_steps(application: Application, now: datetime | None = None) -> list[NextStep]:
    """The application's steps still worth doing, first due first."""
    steps = application.steps.to_do(now or timezone.now())
    return list(steps.order_by("due", "id"))


@dataclass(frozen=True)
class Plan:
    """An application's steps as its page shows them."""

    to_do: list[NextStep]  # still worth doing, first due first
    missed: list[NextStep]  # nobody did them while they were worth doing, latest first
    skipped: list[NextStep]  # set aside by the user, latest first


def plan_of(application: Application, now: datetime) -> Plan:
    """`open_steps`, `missed_steps` and the skipped steps of the application, in one
    query: the database says which is which."""
    worth_doing, let_pass = to_do_at(now), missed_at(now)
    steps = list(
        application.steps.filter(worth_doing | let_pass | Q(state=NextStep.State.SKIPPED))
        .annotate(
            is_to_do=ExpressionWrapper(worth_doing, BooleanField()),
            is_missed=ExpressionWrapper(let_pass, BooleanField()),
        )
        .order_by("due", "id")
    )
    for step in steps:
        step.application = application
    missed = sorted(
        (s for s in steps if s.is_missed),  # type: ignore[attr-defined]
        key=lambda s: (s.lapses_at or s.due, s.id),
        reverse=True,
    )
    skipped = sorted(
        (s for s in steps if s.state == NextStep.State.SKIPPED),
        key=lambda s: (s.closed_at or s.due, s.id),
        reverse=True,
    )
    to_do = [s for s in steps if s.is_to_do]  # type: ignore[attr-defined]
    return Plan(to_do=to_do, missed=missed, skipped=skipped)


def missed_steps(application: Application, now: datetime) -> list[NextStep]:
    """The application's steps nobody did while they were worth doing, latest first."""
    return list(application.steps.missed(now).order_by("-lapses_at", "-id"))


def applied_since(owner: User, day: date) -> int:
    """How many applications the user has sent since `day` (their weekly target's count)."""
    return Application.objects.filter(owner=owner, applied_on__gte=day).count()
