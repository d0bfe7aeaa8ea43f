"""Dates and times as nextsteps says them, in its own words whatever the machine's
locale: "today", "tomorrow", "Fri 13 Nov", "Friday 13 November", "14:05".

Every page, the command line, the feed, the digest and the playbook's reasons name
days through this module, so a date reads the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from nextsteps.playbook.step import is_overdue

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def weekday_name(day: date) -> str:
    """`Friday`."""
    return WEEKDAYS[day.weekday()]


def day_label(day: date) -> str:
    """`Fri 6 Nov`: how a list or a step's reason names a day."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def long_day(day: date) -> str:
    """`Friday 6 November`: how a letter names a day."""
    return f"{weekday_name(day)} {day.day} {MONTHS[day.month - 1]}"


def clock(moment: datetime | time) -> str:
    """`14:05`, on whatever clock `moment` is on."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def say_day(day: date, today: date) -> str:
    offset = (day - today).days
    named = {-1: "yesterday", 0: "today", 1: "tomorrow"}
    if offset in named:
        return named[offset]
    text = day_label(day)
    return text if day.year == today.year else f"{text} {day.year}"


def say_moment(
    moment: datetime,
    zone: tzinfo,
    today: date,
    all_day: bool = False,
    until: datetime | None = None,
) -> str:
    """A step's time on the user's calendar; a date-level step is just its day. An
    event that lasted (an interview) says when it ended too: "today 13:38 to 14:38"."""
    local = moment.astimezone(zone)
    day = say_day(local.date(), today)
    if all_day:
        return day
    if until is None:
        return f"{day} {clock(local)}"
    ended = until.astimezone(zone)
    if ended.date() == local.date():
        return f"{day} {clock(local)} to {clock(ended)}"
    return f"{day} {clock(local)} to {say_moment(ended, zone, today)}"


def say_due(due: datetime, all_day: bool, zone: tzinfo, now: datetime) -> str:
    """ "due tomorrow 11:00", "due Fri 13 Nov", "was due yesterday"."""
    when = say_moment(due, zone, now.astimezone(zone).date(), all_day)
    return f"was due {when}" if is_overdue(due, all_day, now, zone) else f"due {when}"


def say_sending(send_at: datetime, zone: tzinfo, today: date) -> str:
    """A step whose message the outbox will send: the user must not send it as well."""
    return f"nextsteps sends your message {say_moment(send_at, zone, today)}."
