"""`nextsteps demo`: an account with three weeks of a job search in it, recorded
through the services as a person would have, relative to today."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from nextsteps.accounts.models import TIMEZONE, USERNAME
from nextsteps.accounts.services import create_account
from nextsteps.activities.services import add_activity, complete_activity
from nextsteps.playbook import Event, EventKind
from nextsteps.playbook.timeline import Channel, Culture
from nextsteps.tracker import services
from nextsteps.tracker.services import ContactDetails


class AccountExists(ValueError):
    pass


def local_timezone() -> str:
    """This computer's timezone as an IANA name, or UTC when it cannot tell."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("zoneinfo/")[2])
    for name in candidates:
        try:
            if name:
                ZoneInfo(name)
                return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


@dataclass(frozen=True)
class Happened:
    days_ago: int  # negative: still ahead
    kind: EventKind
    at: time = time(10, 0)
    # Instead of a day and a time: this many hours before the demo is made, so that a
    # thank-you is due whatever the hour or the day the demo is opened.
    hours_ago: int | None = None
    minutes: int = 0  # an interview's length
    decision_in: int | None = None  # days from the event's day
    wait_in: int | None = None
    channel: Channel | None = None
    official: bool = False
    note: str = ""
    people: tuple[ContactDetails, ...] = ()


@dataclass(frozen=True)
class Job:
    company: str
    role: str
    applied_days_ago: int | None
    culture: Culture = Culture.MODERN
    contact: ContactDetails | None = None
    events: tuple[Happened, ...] = field(default=())


PRIYA = ContactDetails("Priya Shah", "priya.shah@harbour.example", title="Head of Analytics")
TOM = ContactDetails("Tom Okafor", "tom@brightline.example", "+44 20 7946 0321", "BI Lead")
INTERVIEW = EventKind.INTERVIEW_HELD

SEARCH = (
    Job(
        "Harbour Analytics",
        "Data Analyst",
        21,
        events=(
            Happened(14, INTERVIEW, minutes=60, decision_in=7, people=(PRIYA,)),
            Happened(14, EventKind.REFLECTED, time(12, 30), note="Strong points: SQL exercise."),
            Happened(14, EventKind.THANK_YOU_SENT, time(16, 0)),
            Happened(6, EventKind.FOLLOW_UP_SENT, time(9, 30)),
            Happened(
                4,
                EventKind.EMPLOYER_REPLIED,
                time(11, 0),
                decision_in=7,
                note="Still interviewing; a decision by the end of next week.",
            ),
        ),
    ),
    Job(
        "Brightline Energy",
        "BI Developer",
        20,
        contact=TOM,
        events=(
            Happened(10, INTERVIEW, time(14, 0), minutes=90, decision_in=7),
            Happened(10, EventKind.REFLECTED, time(16, 0)),
            Happened(10, EventKind.THANK_YOU_SENT, time(18, 0)),
            Happened(2, EventKind.OFFER_RECEIVED, time(15, 0), note="Verbal offer by phone."),
        ),
    ),
    Job(
        "Kestrel Retail",
        "Junior Data Scientist",
        19,
        events=(
            Happened(12, INTERVIEW, time(9, 30), minutes=45),
            Happened(12, EventKind.THANK_YOU_SENT, time(13, 0)),
            Happened(3, EventKind.REJECTED, time(10, 0), note="They chose someone with more ML."),
        ),
    ),
    Job(
        "Marlow & Finch",
        "Reporting Analyst",
        18,
        events=(Happened(11, EventKind.FOLLOW_UP_SENT, time(9, 0), channel=Channel.EMAIL),),
    ),
    Job(
        "Tideway Logistics",
        "Analytics Engineer",
        15,
        events=(Happened(8, EventKind.INTERVIEW_SCHEDULED, time(11, 0)),),
    ),
    Job("Oakridge Health", "Data Analyst (contract)", 13),
    Job(
        "Lumen Insurance",
        "Insights Analyst",
        10,
        events=(Happened(3, EventKind.FOLLOW_UP_SENT, time(9, 15)),),
    ),
    Job(
        "Copperleaf Foods",
        "Supply Chain Analyst",
        8,
        culture=Culture.TRADITIONAL,
        events=(
            Happened(
                0,
                INTERVIEW,
                hours_ago=4,
                minutes=60,
                decision_in=10,
                people=(ContactDetails("Margaret Hale", "m.hale@copperleaf.example"),),
            ),
            Happened(
                0,
                EventKind.REFLECTED,
                hours_ago=2,
                note="To improve: give shorter answers on the forecasting case.",
            ),
        ),
    ),
    Job(
        "Fernhill Bank",
        "Data Analyst",
        9,
        events=(
            Happened(5, INTERVIEW, time(10, 0), minutes=60),
            Happened(5, EventKind.MATERIALS_REQUESTED, time(11, 0), note="Two references."),
            Happened(5, EventKind.THANK_YOU_SENT, time(15, 0)),
            Happened(4, EventKind.MATERIALS_SENT, time(8, 45)),
        ),
    ),
    Job("Northgate Travel", "Pricing Analyst", 4),
    Job("Quayside Media", "Data Coordinator", 2),
    Job("Saltmarsh Games", "Player Insights Analyst", None),
)


def create_demo(username: str, timezone_name: str) -> tuple[User, str]:
    """The demo account and its password."""
    username = USERNAME.clean(username)
    if User.objects.filter(username=username).exists():
        raise AccountExists(f"There is already an account called {username!r}; pick another.")
    password = secrets.token_urlsafe(12)
    zone = ZoneInfo(TIMEZONE.clean(timezone_name))
    now = timezone.now().astimezone(zone)
    with transaction.atomic():
        user = create_account(username, password, timezone_name)
        for job in SEARCH:
            _record(user, job, now)
        _keep_habits(user, now.date())
    return user, password


def _keep_habits(user: User, today: date) -> None:
    """Article 003's other habits, kept while waiting: a person to call every fortnight,
    due today (Today shows it); a weekly class, done last week and today; a stint of
    temporary work, done once."""
    add_activity(user, "networking", "Call Priya Shah, Head of Analytics", every_days=14)
    last_week = today - timedelta(days=7)
    course = add_activity(user, "learning", "SQL evening class", due=last_week, every_days=7)
    complete_activity(course, last_week)
    complete_activity(course, today)
    cover = _weekday(today - timedelta(days=10))
    complete_activity(add_activity(user, "temporary-work", "Cover at Temps Ltd", due=cover), cover)


def _weekday(day: date) -> date:
    """Things happen on working days: a weekend day moves to the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _record(user: User, job: Job, now: datetime) -> None:
    today, zone = now.date(), now.tzinfo
    applied = today - timedelta(days=job.applied_days_ago) if job.applied_days_ago else None
    application = services.add_application(
        user, job.company, job.role, applied_on=applied, culture=job.culture, contact=job.contact
    )
    for happened in job.events:
        day = _weekday(today - timedelta(days=happened.days_ago))
        at = datetime.combine(day, happened.at, zone)
        if happened.hours_ago is not None:
            at = now - timedelta(hours=happened.hours_ago)
            day = at.date()
        elif happened.kind == EventKind.INTERVIEW_SCHEDULED:
            # Booked that day, for an interview on a working day two or more days from now.
            ahead = today + timedelta(days=2)
            ahead += timedelta(days=max(0, 7 - ahead.weekday()) if ahead.weekday() > 4 else 0)
            at = datetime.combine(ahead, happened.at, zone)
        event = Event(
            happened.kind,
            at,
            end=at + timedelta(minutes=happened.minutes) if happened.minutes else None,
            decision_by=day + timedelta(days=happened.decision_in)
            if happened.decision_in is not None
            else None,
            channel=happened.channel,
            official=happened.official,
        )
        services.record_event(application, event, happened.note, happened.people)
