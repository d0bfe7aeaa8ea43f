"""What a cell says: a day, a yes or no, a status and the events it stands for.
Pure: text in, values out, or RowRefused with the sentence the report shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import Enum

from nextsteps.fields import shown
from nextsteps.playbook.timeline import EventKind


class RowRefused(ValueError):
    """A row nextsteps cannot import as it is; the message is one sentence."""


# Numeric days: 2026-03-23 and 2026/03/23 are year first; 23.03.2026 is day first
# everywhere that writes dots; 03/04/2026 depends on who wrote it (DayOrder).
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]\d)")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:$|[T ]\d)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
# "Mar 23, 2026", "23 March 2026", "Mon, Mar 23, 2026": words and numbers, any order.
_WORDS = re.compile(r"[a-z]+|\d+")
NONE_WORDS = frozenset({"", "n/a", "na", "none", "-", "--", "null", "nil"})


class DayOrder(Enum):
    """How a file writes 03/04/2026: decided once for the whole file (see day_order)."""

    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"


def day_order(cells: Iterable[str], month_first_country: bool) -> DayOrder:
    """A file that writes a 13 or more in first place writes days first; one that
    writes it in second place, months first; a file that never shows it is read the
    way the user's country writes dates."""
    for text in cells:
        found = _SLASHED.match(text.strip())
        if found is None:
            continue
        first, second = int(found[1]), int(found[2])
        if first > 12 >= second:
            return DayOrder.DAY_FIRST
        if second > 12 >= first:
            return DayOrder.MONTH_FIRST
    return DayOrder.MONTH_FIRST if month_first_country else DayOrder.DAY_FIRST


def writes_day_and_month(cells: Iterable[str]) -> bool:
    """Whether the file writes a day as 03/04/2026, which day_order decides."""
    return any(_SLASHED.match(text.strip()) for text in cells)


def parse_day(text: str, label: str, order: DayOrder) -> date | None:
    """The day a cell names, None for an empty one ("N/A" included). Raises
    RowRefused naming the column (`label`) for anything else."""
    cell = text.strip()
    if cell.casefold() in NONE_WORDS:
        return None
    try:
        parts = _numbers(cell, order) or _worded(cell.casefold())
        if parts is not None:
            return date(*parts)
    except ValueError:
        pass
    raise RowRefused(f"{label} {shown(cell)} is not a day: write it as 2026-03-23.")


def _numbers(cell: str, order: DayOrder) -> tuple[int, int, int] | None:
    if found := _YEAR_FIRST.match(cell):
        return int(found[1]), int(found[2]), int(found[3])
    if found := _DOTTED.match(cell):
        return int(found[3]), int(found[2]), int(found[1])
    if found := _SLASHED.match(cell):
        first, second = int(found[1]), int(found[2])
        day, month = (first, second) if order is DayOrder.DAY_FIRST else (second, first)
        return int(found[3]), month, day
    return None


def _worded(cell: str) -> tuple[int, int, int] | None:
    words = _WORDS.findall(cell)
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 100]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        return None
    return years[0], months[0], days[0]


YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "applied"})
NO = frozenset({"no", "n", "false", "0"})


def yes_or_no(text: str) -> bool | None:
    """A cell that says yes or no; None when it says something else (a date, say)."""
    word = text.strip().casefold()
    if word in YES:
        return True
    if word in NO or word in NONE_WORDS:
        return False
    return None


TEMPORARY_WORDS = ("contract", "temporary", "temp", "freelance", "interim", "fixed term")


def is_temporary(job_type: str) -> bool:
    """Temporary or contract work, whose acceptance keeps the search going (003)."""
    words = " ".join(re.sub(r"[^a-z]+", " ", job_type.casefold()).split())
    return any(re.search(rf"\b{word}\b", words) for word in TEMPORARY_WORDS)


class Reached(Enum):
    """How far a status says the application went. Past "applied", the event that
    brought it there; CLOSED (archived, expired) is closed if it was ever sent, and
    still saved if not."""

    SAVED = None
    APPLIED = EventKind.APPLIED
    REPLIED = EventKind.EMPLOYER_REPLIED
    INTERVIEWED = EventKind.INTERVIEW_HELD
    OFFERED = EventKind.OFFER_RECEIVED
    ACCEPTED = EventKind.OFFER_ACCEPTED
    DECLINED = EventKind.OFFER_DECLINED
    REJECTED = EventKind.REJECTED
    WITHDRAWN = EventKind.WITHDRAWN
    NO_RESPONSE = EventKind.CLOSED_NO_RESPONSE
    CLOSED = "closed"


# The status words of Teal, Huntr, JobSync, nextsteps' own stages and a spreadsheet's,
# as `status_key()` writes them.
STATUS_WORDS: dict[Reached, tuple[str, ...]] = {
    Reached.SAVED: (
        "saved", "wishlist", "wish list", "bookmarked", "bookmark", "draft", "applying",
        "interested", "to apply", "not applied", "not yet applied", "prospect",
        "prospective", "researching", "planned", "new",
    ),
    Reached.APPLIED: (
        "applied", "application sent", "submitted", "application submitted", "in review",
        "under review", "in progress", "pending", "waiting", "awaiting response",
    ),
    Reached.REPLIED: (
        "screening", "phone screen", "recruiter screen", "screen", "responded", "replied",
        "interview scheduled", "interview booked", "assessment", "in contact",
    ),
    Reached.INTERVIEWED: (
        "interview", "interviews", "interviewing", "interviewed", "final round", "onsite",
        "on site", "technical interview", "first interview", "second interview",
    ),
    Reached.OFFERED: ("offer", "offered", "offer received", "negotiating", "negotiation"),
    Reached.ACCEPTED: ("accepted", "offer accepted", "hired", "signed"),
    Reached.DECLINED: ("declined", "offer declined", "i declined"),
    Reached.REJECTED: (
        "rejected", "not selected", "rejection", "unsuccessful", "denied",
        "not moving forward",
    ),
    Reached.WITHDRAWN: ("withdrawn", "withdrew", "i withdrew"),
    Reached.NO_RESPONSE: ("no response", "ghosted", "no answer", "no reply"),
    Reached.CLOSED: ("closed", "expired", "archived"),
}  # fmt: skip
REACHED_BY = {word: reached for reached, words in STATUS_WORDS.items() for word in words}
UNDERSTOOD = (
    "saved, applied, screening, interview, offer, accepted, declined, rejected, "
    "withdrawn or no response"
)


def status_key(text: str) -> str:
    """A status as the table writes it: Teal's "No Response 🔇" is `no response`."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def reached(status: str) -> Reached | None:
    """How far the status says the application went; None for an empty cell."""
    word = status_key(status)
    if not word:
        return None
    found = REACHED_BY.get(word)
    if found is None:
        raise RowRefused(
            f"The status {shown(status.strip())} means nothing to nextsteps: use {UNDERSTOOD}."
        )
    return found


OUTCOMES_ABOVE = frozenset(
    {Reached.OFFERED, Reached.ACCEPTED, Reached.DECLINED, Reached.REJECTED, Reached.WITHDRAWN}
)
# What an interview date or a later status makes of a status below it.
SAID_BY_THE_INTERVIEW = frozenset({Reached.REPLIED, Reached.INTERVIEWED})


def events_of(
    status: Reached | None,
    *,
    applied_on: date | None,
    applied: bool,
    saved_on: date | None,
    interview_on: date | None,
    updated_on: date | None,
    today: date,
) -> list[tuple[EventKind, date]]:
    """The events a row stands for, in order, each on its day.

    A job was applied for if the row gives the day, says yes, or has a status past
    "applied"; it was applied for on that day, else the earliest the row knows (when
    it was saved, last changed or interviewed). An interview date is an interview held, or booked
    if it is still ahead. A status past "applied" is the event that took the job
    there, on the day the row last changed, else the interview's, else the day it
    was sent: the report shows which, before anything is written.
    """
    if status is Reached.CLOSED:
        status = Reached.NO_RESPONSE if applied_on or applied else Reached.SAVED
    sent = bool(applied_on or applied or interview_on) or status not in (None, Reached.SAVED)
    if not sent:
        return []
    past_interview = interview_on if interview_on is not None and interview_on < today else None
    known = [d for d in (saved_on, updated_on, past_interview) if d is not None]
    sent_on = applied_on or min(known, default=None)
    if sent_on is None:
        raise RowRefused("The row says you applied but gives no day: add the date applied.")
    events = [(EventKind.APPLIED, sent_on)]
    if interview_on is not None:
        ahead = interview_on >= today
        if ahead and status in OUTCOMES_ABOVE | {Reached.NO_RESPONSE}:
            raise RowRefused(
                f"The interview on {interview_on.isoformat()} is still ahead, "
                "yet the status says the application is settled."
            )
        held = EventKind.INTERVIEW_SCHEDULED if ahead else EventKind.INTERVIEW_HELD
        events.append((held, interview_on))
    said = interview_on is not None and status in SAID_BY_THE_INTERVIEW
    kind = status.value if status is not None else None
    if isinstance(kind, EventKind) and kind is not EventKind.APPLIED and not said:
        events.append((kind, updated_on or past_interview or sent_on))
    for later, day in events[1:]:
        if day < sent_on:
            raise RowRefused(
                f"{EVENT_WORDS[later]} on {day.isoformat()} is before the day you applied, "
                f"{sent_on.isoformat()}."
            )
    return events


EVENT_WORDS = {
    EventKind.INTERVIEW_SCHEDULED: "The interview",
    EventKind.INTERVIEW_HELD: "The interview",
    EventKind.EMPLOYER_REPLIED: "Their answer",
    EventKind.OFFER_RECEIVED: "The offer",
    EventKind.OFFER_ACCEPTED: "Accepting the offer",
    EventKind.OFFER_DECLINED: "Declining the offer",
    EventKind.REJECTED: "The rejection",
    EventKind.WITHDRAWN: "Withdrawing",
    EventKind.CLOSED_NO_RESPONSE: "Closing it",
}
