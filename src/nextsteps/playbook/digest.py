"""The daily digest: when it goes out, what it holds, and the review of last week.

004: "Mark in your calendar to follow-up seven days after the interview [...] Not
one day earlier and not one day later." nextsteps brings the day's steps to the
user's inbox at the hour they chose, on their working days.

003: "Keep up the effort of applying for new jobs": the first digest of each week
reviews the week before against the user's weekly target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.workdays import Workdays

DEFAULT_DIGEST_TIME = time(8, 0)
DIGEST_OFF = "off"
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_digest_time(text: str) -> time | None:
    """`08:00`, or `off` for no digest; ValueError with a sentence for the user."""
    if text.strip().lower() in (DIGEST_OFF, "none", ""):
        return None
    match = _CLOCK.match(text)
    try:
        if not match:
            raise ValueError
        return time(int(match[1]), int(match[2]))
    except ValueError:
        raise ValueError(
            f"The digest time must be a time like 08:00, or off; not {text!r}."
        ) from None


def format_digest_time(clock: time | None) -> str:
    return DIGEST_OFF if clock is None else f"{clock:%H:%M}"


def next_digest(after: datetime, clock: time, workdays: Workdays, sent_on: date | None) -> datetime:
    """The first digest moment later than `after`: `clock` on a working day, and not
    on `sent_on`, the day whose digest already went (one a day, even when the user
    moves the hour later after it went)."""
    day = workdays.local_date(after)
    while True:
        day = workdays.on_or_after(day)
        moment = workdays.at(day, clock)
        if day != sent_on and moment.timestamp() > after.timestamp():
            return moment
        day += timedelta(days=1)


def replan_digest(
    pending: datetime | None,
    now: datetime,
    clock: time,
    workdays: Workdays,
    sent_on: date | None,
) -> datetime:
    """The next digest after the user changed its hour or their calendar at `now`;
    `pending` is the one planned before.

    A digest still owed today stays owed: moved to an hour that has already passed,
    it goes at the worker's next look instead of tomorrow.
    """
    today = workdays.local_date(now)
    todays = workdays.at(today, clock)
    owed_today = (
        pending is not None
        and pending.timestamp() <= workdays.end_of_day(today).timestamp()
        and sent_on != today
        and workdays.is_working_day(today)
    )
    if owed_today and todays.timestamp() <= now.timestamp():
        return todays
    return next_digest(now, clock, workdays, sent_on)


@dataclass(frozen=True)
class DigestTurn:
    """What the worker does with a digest that fell due: send the one for
    `send_for` (None: nothing to send), and look again at `look_again_at`."""

    send_for: date | None
    look_again_at: datetime


def digest_turn(
    due: datetime, now: datetime, clock: time, workdays: Workdays, sent_on: date | None
) -> DigestTurn:
    """The worker found the digest planned for `due` due at `now`.

    Today's digest goes when its moment has come, was not yet sent, and was the one
    planned (or a later one was missed: a laptop opened at 10:00 still gets the
    08:00 digest). A day that has passed is not made up for: yesterday's steps are
    in today's digest, as overdue.
    """
    today = workdays.local_date(now)
    todays = workdays.at(today, clock).timestamp()
    send = (
        workdays.is_working_day(today)
        and due.timestamp() <= todays <= now.timestamp()
        and sent_on != today
    )
    sent = today if send else sent_on
    return DigestTurn(
        send_for=today if send else None,
        look_again_at=next_digest(now, clock, workdays, sent),
    )


def is_review_day(day: date, workdays: Workdays) -> bool:
    """The first working day of its week: a Monday, or the Tuesday after a bank holiday."""
    monday = day - timedelta(days=day.weekday())
    return workdays.on_or_after(monday) == day


def review_week(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the week before `day`'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


@dataclass(frozen=True)
class WeekReview:
    """Last week in five numbers, against the weekly target of applications."""

    first_day: date
    last_day: date
    applications: int
    target: int
    interviews: int
    answers: int
    follow_ups: int
    # Learning, networking and temporary work done (003's other habits).
    activities: int = 0

    @property
    def period(self) -> str:
        return f"{day_label(self.first_day)} to {day_label(self.last_day)}"

    @property
    def anything_happened(self) -> bool:
        return any(
            (self.applications, self.interviews, self.answers, self.follow_ups, self.activities)
        )

    def verdict(self) -> str:
        """One sentence on the applications against the target, with its source."""
        if self.target == 0:
            return f"You have no weekly target of applications. ({sources.DONT_ASSUME})"
        if self.applications >= self.target:
            return (
                f"You met your target of {self.target}: keep it up until an offer is "
                f"official. ({sources.DONT_ASSUME})"
            )
        short = self.target - self.applications
        return (
            f"{short} short of your target of {self.target}: keep applying for jobs you are "
            f"qualified for while you wait. ({sources.DONT_ASSUME})"
        )


def digest_subject(day: date, overdue: int, today: int, review: bool) -> str:
    """`nextsteps Tue 24 Nov: 1 overdue, 2 for today`, what the inbox list shows."""
    parts = [f"{overdue} overdue"] if overdue else []
    if today:
        parts.append(f"{today} for today")
    if review:
        parts.append("last week's review")
    return f"nextsteps {day_label(day)}: {', '.join(parts)}"
