"""Dates stored before each field had its rule (nextsteps.fields: 1970 to two years
ahead) are brought within those bounds, so that every plan, calendar, digest and page
can be made from them: a decision date of 9999-12-31 once broke the calendar feed for
good, an application on 0001-01-01 its page.

A date out of bounds is clamped to the nearest day nextsteps plans with, not marked
and kept: a mark would have to be checked by every computation there is and will be,
while a clamped date needs no reader to know it ever was wrong. What the user typed
is not lost: the event's note says what it was. Steps and messages are made from the
events and carry no note; theirs are clamped the same way, and the next replan makes
them again from the clamped events."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

from nextsteps.fields import EARLIEST_DAY, latest_day
from nextsteps.tracker.models import (
    CONTACT_ON,
    DECISION_BY,
    DUE,
    HAPPENED_ON,
    INTERVIEW_END,
    WAIT_UNTIL,
)

EVENT_DAYS = {"decision_by": DECISION_BY, "wait_until": WAIT_UNTIL, "contact_on": CONTACT_ON}
EVENT_MOMENTS = {"at": HAPPENED_ON, "end": INTERVIEW_END, "due": DUE}
STEP_MOMENTS = ("not_before", "due", "lapses_at", "closed_at")
MESSAGE_MOMENTS = ("send_at", "send_by", "deadline")


def _zone(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _outside(names, first, last):
    """Rows with any of the columns `names` before `first` or after `last`."""
    query = Q()
    for name in names:
        query |= Q(**{f"{name}__lt": first}) | Q(**{f"{name}__gt": last})
    return query


def _clamped_event(event, first_day, last_day):
    """Clamps the event's dates in its own timezone; returns the sentences for its note."""
    zone = _zone(event.timezone)
    first = datetime.combine(first_day, time.min, zone)
    last = datetime.combine(last_day, time(23, 59), zone)
    said = []
    for name, field in EVENT_DAYS.items():
        day = getattr(event, name)
        if day is not None and not first_day <= day <= last_day:
            setattr(event, name, min(max(day, first_day), last_day))
            said.append((field, day, getattr(event, name)))
    for name, field in EVENT_MOMENTS.items():
        moment = getattr(event, name)
        if moment is not None and not first <= moment <= last:
            setattr(event, name, min(max(moment, first), last))
            # The day as stored (UTC): the user's timezone cannot hold it.
            said.append((field, moment.date(), getattr(event, name).astimezone(zone).date()))
    if event.end is not None and event.end <= event.at:
        event.end = None  # an interview ends an hour after it starts, as if left out
    return [
        f"{field.label} was {was.isoformat()}: nextsteps moved it to {now.isoformat()}, "
        f"the {'earliest' if now > was else 'furthest'} day it plans with."
        for field, was, now in said
    ]


def dates_within_bounds(apps, schema_editor):
    first_day, last_day = EARLIEST_DAY, latest_day(timezone.now().date())
    # A day's moments in any timezone fall within a day either side of it in UTC.
    first = datetime.combine(first_day - timedelta(days=1), time.min, UTC)
    last = datetime.combine(last_day + timedelta(days=1), time.max, UTC)

    Event = apps.get_model("tracker", "Event")
    suspects = _outside(EVENT_DAYS, first_day, last_day) | _outside(EVENT_MOMENTS, first, last)
    for event in Event.objects.filter(suspects).iterator():
        sentences = _clamped_event(event, first_day, last_day)
        if sentences:
            event.note = "\n".join(filter(None, [event.note, *sentences]))
            event.save(update_fields=[*EVENT_DAYS, *EVENT_MOMENTS, "note"])

    Application = apps.get_model("tracker", "Application")
    Application.objects.filter(applied_on__lt=first_day).update(applied_on=first_day)
    Application.objects.filter(applied_on__gt=last_day).update(applied_on=last_day)
    for model, names in (
        (apps.get_model("tracker", "NextStep"), STEP_MOMENTS),
        (apps.get_model("outreach", "Message"), MESSAGE_MOMENTS),
    ):
        for name in names:
            model.objects.filter(**{f"{name}__lt": first}).update(**{name: first})
            model.objects.filter(**{f"{name}__gt": last}).update(**{name: last})


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0005_lapses_and_contact_on"),
        ("outreach", "0004_sent_notes_without_message_id"),
    ]

    operations = [migrations.RunPython(dates_within_bounds, migrations.RunPython.noop)]
