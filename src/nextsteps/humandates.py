"""Dates as a person says them: "today", "tomorrow", "Fri 13 Nov"."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from nextsteps.playbook.step import is_overdue
from nextsteps.playbook.workdays import day_label


def say_day(day: date, today: date) -> str:
    offset = (day - today).days
    named = {-1: "yesterday", 0: "today", 1: "tomorrow"}
    if offset in named:
        return named[offset]
    text = day_label(day)
    return text if day.year == today.year else f"{text} {day.year}"


def say_moment(moment: datetime, zone: tzinfo, today: date, all_day: bool = False) -> str:
    """A step's time on the user's calendar; a date-level step is just its day."""
    local = moment.astimezone(zone)
    day = say_day(local.date(), today)
    return day if all_day else f"{day} {local:%H:%M}"


def say_due(due: datetime, all_day: bool, zone: tzinfo, now: datetime) -> str:
    """ "due tomorrow 11:00", "due Fri 13 Nov", "was due yesterday"."""
    when = say_moment(due, zone, now.astimezone(zone).date(), all_day)
    return f"was due {when}" if is_overdue(due, all_day, now, zone) else f"due {when}"


def say_sending(send_at: datetime, zone: tzinfo, today: date) -> str:
    """A step whose message the outbox will send: the user must not send it as well."""
    return f"nextsteps sends your message {say_moment(send_at, zone, today)}."
