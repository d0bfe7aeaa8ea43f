"""Reminders where the user already looks: their calendar."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, tzinfo

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Max
from django.urls import reverse

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.rules import INTERVIEW_CHECKLIST
from nextsteps.playbook.step import title
from nextsteps.reminders.ics import Entry, calendar
from nextsteps.reminders.models import CalendarFeed, new_token
from nextsteps.tracker.models import Event, NextStep
from nextsteps.tracker.services import search_nudge

# A deadline shows as the half hour before it, so it can be seen in a day view.
DEADLINE_SLOT = timedelta(minutes=30)
INTERVIEW_LENGTH = timedelta(hours=1)
# Where a reminder helps: before the interview, and before the thank-you is late.
REMIND_BEFORE_INTERVIEW = timedelta(hours=1)
REMIND_BEFORE = {StepKind.THANK_YOU: timedelta(hours=3)}
INTERVIEWS = (EventKind.INTERVIEW_SCHEDULED, EventKind.INTERVIEW_HELD)


def feed_of(user: User) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


def rotate_feed(user: User) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed = feed_of(user)
    feed.token = new_token()
    feed.save(update_fields=["token"])
    return feed


def site_link(name: str, *args: object) -> str:
    """The absolute address of one of nextsteps' pages, for links that leave the site
    (calendar entries, e-mails, the address to subscribe to)."""
    return f"{settings.SITE_URL.rstrip('/')}{reverse(name, args=args)}"


def feed_url(user: User) -> str:
    return site_link("calendar-feed", feed_of(user).token)


def owner_of_token(token: str) -> Profile | None:
    """The profile (and user) whose feed the token opens, in one query."""
    return Profile.objects.select_related("user").filter(user__calendar_feed__token=token).first()


def feed_version(profile: Profile, now: datetime) -> str:
    """Changes whenever the feed would (any step of the user changed, an open step's
    window passed, their timezone, the day for the keep-applying nudge): an ETag
    without building the feed."""
    steps = NextStep.objects.filter(owner_id=profile.user_id)
    changed = steps.aggregate(latest=Max("updated"))["latest"]
    passed = steps.filter(state=NextStep.State.OPEN, lapses_at__lte=now)
    lapsed = passed.aggregate(latest=Max("lapses_at"))["latest"]
    today = now.astimezone(profile.zone).date()
    parts = (profile.timezone, str(changed), str(lapsed), today.isoformat())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def application_url(application_id: int) -> str:
    return site_link("application", application_id)


def step_url(step: NextStep) -> str:
    """The step on its application's page."""
    return f"{application_url(step.application_id)}#step-{step.pk}"


def feed(profile: Profile, now: datetime) -> bytes:
    """Every open step, every interview, and the keep-applying nudge."""
    user = profile.user
    zone = profile.zone
    steps = NextStep.objects.to_do(now).filter(owner=user).select_related("application__company")
    entries = [step_entry(step, zone) for step in steps.order_by("due", "id")]
    entries += interview_entries(user, zone)
    today = now.astimezone(zone).date()
    nudge = search_nudge(user, profile, today)
    if nudge is not None:
        entries.append(
            Entry(
                uid=f"keep-searching-{user.pk}@nextsteps",
                summary=title(nudge.kind),
                description=_description(nudge.why, nudge.sources, site_link("today")),
                start=today,
                end=today + timedelta(days=1),
                sequence=0,
                stamp=now,
            )
        )
    return calendar(entries, name="nextsteps")


def step_entry(step: NextStep, zone: tzinfo) -> Entry:
    link = step_url(step)
    due = step.due.astimezone(zone)
    start: date | datetime = max(step.not_before.astimezone(zone), due - DEADLINE_SLOT)
    end: date | datetime = due
    if step.all_day:
        start, end = due.date(), due.date() + timedelta(days=1)
    return Entry(
        uid=f"step-{step.pk}@nextsteps",
        summary=step.title(),
        description=_description(step.why, step.sources, link),
        start=start,
        end=end,
        sequence=step.sequence,
        stamp=step.updated,
        url=link,
        remind_before=REMIND_BEFORE.get(StepKind(step.kind)),
    )


def interview_entries(user: User, zone: tzinfo) -> list[Entry]:
    """Interviews, once each: a held interview replaces the one scheduled that day."""
    events = (
        Event.objects.filter(application__owner=user, kind__in=INTERVIEWS)
        .select_related("application__company")
        .order_by("at", "id")
    )
    held = {
        (e.application_id, e.at.astimezone(zone).date())
        for e in events
        if e.kind == EventKind.INTERVIEW_HELD
    }
    shown = [
        e
        for e in events
        if e.kind == EventKind.INTERVIEW_HELD
        or (e.application_id, e.at.astimezone(zone).date()) not in held
    ]
    return [interview_entry(event, zone) for event in shown]


def interview_entry(event: Event, zone: tzinfo) -> Entry:
    application = event.application
    link = application_url(application.id)
    start = event.at.astimezone(zone)
    ahead = event.kind == EventKind.INTERVIEW_SCHEDULED
    return Entry(
        uid=f"interview-{event.pk}@nextsteps",
        summary=f"Interview: {application.role} at {application.company.name}",
        description=_description(INTERVIEW_CHECKLIST if ahead else event.note, [], link),
        start=start,
        end=(event.end or event.at + INTERVIEW_LENGTH).astimezone(zone),
        sequence=0,
        stamp=event.recorded_at,
        url=link,
        remind_before=REMIND_BEFORE_INTERVIEW,
    )


def interview_file(event: Event) -> bytes:
    """One interview as a file to open in a calendar app ("add to my calendar")."""
    zone = profile_of(event.application.owner).zone
    return calendar([interview_entry(event, zone)], name="nextsteps interview")


def _description(why: str, sources: list[str] | tuple[str, ...], link: str) -> str:
    cited = f"\nFrom: {'; '.join(sources)}" if sources else ""
    return f"{why}{cited}\n{link}".lstrip()
