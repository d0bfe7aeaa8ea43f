"""The record of a job search that benefit offices ask for: every work-search activity
of a date range with its date, employer, position, contact, method and result, as US
states' weekly work-search logs, the UK's Universal Credit journal and Germany's
Bewerbungsnachweis list them.

What counts: the seeker's own steps towards a job (an application, an interview, a
thank-you, material sent, a follow-up, a reply to a rejection) and article 003's
other habits done while waiting (learning, networking, temporary work). The result
of a step is what the employer did next, as known when the record is made.

Pure: the facts come in as plain values; the shell reads them and writes the files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextsteps.playbook.describe import CHANNEL_WORDS, event_name
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.insights import monday_of
from nextsteps.playbook.timeline import EMPLOYER_ANSWERS, OUTCOMES, Channel, EventKind

# The seeker's own steps, each one a contact with an employer.
WORK_SEARCH_STEPS = frozenset(
    {
        EventKind.APPLIED,
        EventKind.INTERVIEW_HELD,
        EventKind.THANK_YOU_SENT,
        EventKind.MATERIALS_SENT,
        EventKind.FOLLOW_UP_SENT,
        EventKind.REJECTION_ANSWERED,
    }
)
# What can come of a step: the employer's answers, and how the application ended.
RESULTS = EMPLOYER_ANSWERS | OUTCOMES
NO_ANSWER_YET = "No answer yet"
DONE = "Done"
# The files the record is made as: to print or attach, and for a spreadsheet.
FORMATS = ("pdf", "csv")
# The columns, in the order the offices' forms have them.
COLUMNS = ("Date", "Activity", "Employer", "Position", "Contact", "Method", "Result")
# How the totals name each step, in the order they are said.
TALLIED = {
    EventKind.APPLIED: ("application", "applications"),
    EventKind.INTERVIEW_HELD: ("interview", "interviews"),
    EventKind.FOLLOW_UP_SENT: ("follow-up", "follow-ups"),
    EventKind.THANK_YOU_SENT: ("thank-you note", "thank-you notes"),
    EventKind.MATERIALS_SENT: ("material sent", "materials sent"),
    EventKind.REJECTION_ANSWERED: ("reply to a rejection", "replies to rejections"),
}
OTHER_ACTIVITY = ("other activity", "other activities")


@dataclass(frozen=True)
class Happened:
    """One event of an application: `at` on the seeker's clock."""

    kind: EventKind
    at: datetime
    channel: Channel | None = None
    official: bool = False


@dataclass(frozen=True)
class Entry:
    """One line of the record. `result_on` is the day of the result, when there is one."""

    day: date
    activity: str
    employer: str
    position: str
    contact: str
    method: str
    result: str
    result_on: date | None = None
    kind: EventKind | None = None  # None for learning, networking, temporary work


def method(channel: Channel | None, source: str = "") -> str:
    """`E-mail`, `Phone`, `Post`, `In person`; for a step said without one, where the
    job was found (`via LinkedIn`), else nothing: the record says only what is known."""
    if channel is not None:
        return CHANNEL_WORDS[channel].removeprefix("by ").capitalize()
    return f"via {source}" if source else ""


def result(step: Happened, timeline: Iterable[Happened]) -> tuple[str, date | None]:
    """What came of `step`: the employer's first answer after it, or how the
    application ended; `No answer yet` when nothing has come of it."""
    later = sorted((e for e in timeline if e.at > step.at and e.kind in RESULTS), key=_when)
    if not later:
        return NO_ANSWER_YET, None
    first = later[0]
    return event_name(first.kind, first.channel, first.official), first.at.date()


def _when(happened: Happened) -> datetime:
    return happened.at


def step_entry(
    step: Happened,
    timeline: Sequence[Happened],
    employer: str,
    position: str,
    contact: str,
    source: str = "",
) -> Entry:
    """The line for one of the seeker's steps on an application."""
    said, on = result(step, timeline)
    how = method(step.channel, source if step.kind == EventKind.APPLIED else "")
    return Entry(
        day=step.at.date(),
        activity=event_name(step.kind, step.channel, step.official),
        employer=employer,
        position=position,
        contact=contact,
        method=how,
        result=said,
        result_on=on,
        kind=step.kind,
    )


def activity_entry(day: date, habit: str, what: str) -> Entry:
    """The line for learning, networking or temporary work done on `day`."""
    return Entry(day, f"{habit}: {what}", "", "", "", "", DONE)


def sorted_entries(entries: Iterable[Entry]) -> list[Entry]:
    """Day by day; on one day, the applications' steps first, in the order they came."""
    return sorted(entries, key=lambda e: (e.day, e.kind is None))


def record_day(day: date) -> str:
    """`Fri 6 Nov 2026`: a day in the printed record, whatever the reader's country."""
    return f"{day_label(day)} {day.year}"


def result_text(entry: Entry, write_day: Callable[[date], str]) -> str:
    """`Interview booked, Fri 13 Nov 2026`, with the day as `write_day` writes days."""
    return (
        entry.result if entry.result_on is None else f"{entry.result}, {write_day(entry.result_on)}"
    )


def tally(entries: Iterable[Entry]) -> str:
    """`5 applications, 2 interviews, 1 follow-up and 3 other activities`."""
    counts = Counter(e.kind for e in entries)
    if not counts:
        return "nothing recorded"
    parts = [_count(counts[kind], *words) for kind, words in TALLIED.items() if counts.get(kind)]
    if counts.get(None):
        parts.append(_count(counts[None], *OTHER_ACTIVITY))
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True)
class Week:
    """The record's lines of one week, Monday to Sunday, cut to the record's range."""

    first_day: date
    last_day: date
    entries: list[Entry]


def by_week(entries: Sequence[Entry], first: date, last: date) -> list[Week]:
    """Every week from `first` to `last`, those with nothing recorded too: an office
    counts its weekly activities, and a week without any must show as such."""
    per_week: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        if first <= entry.day <= last:
            per_week[monday_of(entry.day)].append(entry)
    weeks: list[Week] = []
    monday = monday_of(first)
    while monday <= last:
        start, end = max(monday, first), min(monday + timedelta(days=6), last)
        weeks.append(Week(start, end, per_week.get(monday, [])))
        monday += timedelta(weeks=1)
    return weeks


def quiet_stretches(weeks: Sequence[Week]) -> list[Week | tuple[date, date]]:
    """The weeks, with each run of weeks where nothing was recorded said once, as its
    first and last day: a year's record does not print fifty empty headings."""
    shown: list[Week | tuple[date, date]] = []
    for week in weeks:
        previous = shown[-1] if shown else None
        if week.entries:
            shown.append(week)
        elif isinstance(previous, tuple):
            shown[-1] = (previous[0], week.last_day)
        else:
            shown.append((week.first_day, week.last_day))
    return shown
