"""The calendar feed as iCalendar text (RFC 5545), from plain entries.

Knows nothing of the database: `reminders.services` turns steps and interviews
into entries, this module writes them the way calendar apps expect.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

# Calendar apps poll a subscription; an hour keeps a new follow-up date fresh
# without hammering the server.
REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class Entry:
    """One calendar event. A `date` start makes an all-day event."""

    uid: str
    summary: str
    description: str
    start: datetime | date
    end: datetime | date
    sequence: int
    stamp: datetime
    url: str = ""
    remind_before: timedelta | None = None


def calendar(entries: list[Entry], name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//nextsteps//follow-up reminders//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    for zone in sorted(_zones(entries)):
        cal.add_component(_vtimezone(zone))
    for entry in entries:
        cal.add_component(_event(entry))
    body: bytes = cal.to_ical()
    return body


def _zones(entries: list[Entry]) -> set[str]:
    """The IANA names of the timezones the timed entries use. (Read off the entries:
    icalendar's own search walks every property of every event, a quarter of a
    second for a thousand steps.)"""
    return {
        moment.tzinfo.key
        for entry in entries
        for moment in (entry.start, entry.end)
        if isinstance(moment, datetime) and isinstance(moment.tzinfo, ZoneInfo)
    }


@functools.cache
def _vtimezone(name: str) -> icalendar.Timezone:
    """A timezone's rules as a VTIMEZONE, made once per process: only read afterwards."""
    return icalendar.Timezone.from_tzid(name)


def _event(entry: Entry) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", entry.stamp)
    event.add("sequence", entry.sequence)
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end)
    event.add("transp", "TRANSPARENT")
    if entry.url:
        event.add("url", entry.url)
    if entry.remind_before is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", -entry.remind_before)
        event.add_component(alarm)
    return event
