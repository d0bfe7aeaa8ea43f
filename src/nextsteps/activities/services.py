"""The use cases of momentum activities. The command line and the pages call these and
never write Activity or ActivityDone rows themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.activities.models import DONE_ON, DUE_ON, EVERY_DAYS, WHAT, Activity, ActivityDone
from nextsteps.fields import FieldRefused, shown
from nextsteps.playbook.habits import HABITS, ActivityKind, next_due
from nextsteps.tracker.services.errors import NotFound, owned


def kind_of(text: str) -> ActivityKind:
    try:
        return ActivityKind(text.strip())
    except ValueError:
        kinds = ", ".join(ActivityKind)
        raise FieldRefused(f"An activity is one of {kinds}, not {shown(text)}.") from None


def today_of(owner: User) -> date:
    return timezone.now().astimezone(profile_of(owner).zone).date()


def add_activity(
    owner: User, kind: str, what: str, due: date | None = None, every_days: int | str | None = None
) -> Activity:
    """A new activity, due on `due` (today by default) and, with `every_days`, again
    that many days after each time it is done. FieldRefused for what breaks a rule."""
    today = today_of(owner)
    every = None if every_days in (None, "") else EVERY_DAYS.clean(every_days)
    return Activity.objects.create(
        owner=owner,
        kind=kind_of(kind),
        what=WHAT.clean(what),
        every_days=every,
        due=DUE_ON.clean(due or today, today),
    )


def activity_of(owner: User, pk: int) -> Activity:
    """The owner's activity `pk` that is still kept; NotFound for anybody else's."""
    return owned(Activity.objects.filter(removed=False), owner, pk, "activity")


def complete_activity(activity: Activity, on: date | None = None) -> ActivityDone:
    """Log the activity done on `on` (today by default) and plan its next day, or end
    it when it is done once. FieldRefused for a day ahead, or for a one-off done already."""
    profile = profile_of(activity.owner)
    today = today_of(activity.owner)
    day = DONE_ON.clean(on or today, today)
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.due is None:
            raise FieldRefused(f"You did {shown(locked.what)} already; it was for once.")
        done = ActivityDone.objects.create(activity=locked, owner=locked.owner, on=day)
        locked.due = next_due(day, locked.every_days, profile.workdays())
        locked.save(update_fields=["due"])
    activity.due = locked.due
    return done


def remove_activity(activity: Activity) -> None:
    """Stop keeping the activity: nothing more is planned, and an activity never done
    goes entirely. What was done stays in the report."""
    with transaction.atomic():
        if not ActivityDone.objects.filter(activity=activity).exists():
            activity.delete()
            return
        Activity.objects.filter(pk=activity.pk).update(removed=True, due=None)


@dataclass(frozen=True)
class Kept:
    """An activity as the list shows it: how often it was done, and when last."""

    activity: Activity
    times_done: int
    last_done: date | None


def kept_activities(owner: User) -> list[Kept]:
    """The owner's activities, those due first, in one query."""
    rows = (
        Activity.objects.filter(owner=owner, removed=False)
        .annotate(times_done=Count("done"), last_done=Max("done__on"))
        .order_by("due", "id")
    )
    planned = [Kept(a, a.times_done, a.last_done) for a in rows]
    # Those planned by day first, then those done once and over.
    return [k for k in planned if k.activity.due] + [k for k in planned if not k.activity.due]


def due_activities(owner: User, day: date, limit: int) -> list[Activity]:
    """The first `limit` activities for `day` or late, the longest waiting first, as Today lists
    them: one index range."""
    due = Activity.objects.filter(owner=owner, due__lte=day).order_by("due", "id")
    return list(due[:limit])


def done_between(owner: User, first: date, last: date) -> list[ActivityDone]:
    """What the owner did from `first` to `last` (both included), for the report."""
    return list(
        ActivityDone.objects.filter(owner=owner, on__gte=first, on__lte=last)
        .select_related("activity")
        .order_by("on", "id")
    )


def done_per_day(owner: User, first: date, last: date) -> dict[date, dict[str, int]]:
    """How many times each kind of activity was done on each day from `first` to `last`
    (both included), keyed by the kind's name ("Learning"): the weekly figures' count,
    in one query."""
    rows = (
        ActivityDone.objects.filter(owner=owner, on__gte=first, on__lte=last)
        .values("on", "activity__kind")
        .annotate(count=Count("id"))
        .order_by()
    )
    per_day: dict[date, dict[str, int]] = {}
    for row in rows:
        name = HABITS[ActivityKind(row["activity__kind"])].name
        per_day.setdefault(row["on"], {})[name] = row["count"]
    return per_day


def times_done_between(owner: User, first: date, last: date) -> int:
    """How many times activities were done from `first` to `last`, for the weekly review."""
    return ActivityDone.objects.filter(owner=owner, on__gte=first, on__lte=last).count()


__all__ = [
    "Kept",
    "NotFound",
    "activity_of",
    "add_activity",
    "complete_activity",
    "done_between",
    "done_per_day",
    "due_activities",
    "kept_activities",
    "remove_activity",
    "times_done_between",
]
