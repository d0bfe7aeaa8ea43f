"""Importing a file: the dry run (`preview`) and the import itself (`run_import`).

Both read every row through the rules the web and the command line use: the
fields' (company, role, address, lengths, no line breaks) and check_event's (no
day before 1970, nothing that has not happened yet). The import then writes what
the dry run showed through add_application and record_event, so the playbook plans
from the imported events as from any other.

The import is one transaction: the report the user confirmed is created whole or
not at all, rather than row by row with a savepoint each, because a report that
held for some rows and not others would leave the user to work out which. A row
refused in the dry run is left out (and reported), never half written; if the
database fails while writing, nothing of the file stays, and the sentence says at
which line. Importing the same file again finds each row already
there (same company and role, and the same posting if both name one) and creates
nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import DatabaseError, transaction
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.fields import FieldRefused
from nextsteps.imports.cells import (
    DayOrder,
    RowRefused,
    day_order,
    events_of,
    is_temporary,
    parse_day,
    reached,
    writes_day_and_month,
    yes_or_no,
)
from nextsteps.imports.columns import FORMAT_NAMES, Columns, Field, Format, recognise
from nextsteps.imports.reading import ImportRefused, Row, json_of, table_of, text_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent
from nextsteps.tracker.models import COMPANY_NAME, POSTING_URL, ROLE, SOURCE, Application, Company
from nextsteps.tracker.services import add_application, check_event, moment_on, record_event

log = logging.getLogger("nextsteps.import")
# Where 03/04/2026 is the 4th of March.
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH"})
RESUME = (
    "This is a Reactive Resume résumé: it lists the jobs you have held, not the ones "
    "you applied for, so it holds nothing to import. Export your applications as CSV "
    "from your tracker or spreadsheet instead."
)
DATE_FIELDS = (
    Field.APPLIED_ON,
    Field.APPLIED,
    Field.SAVED_ON,
    Field.INTERVIEW_ON,
    Field.UPDATED_ON,
)
NOT_KEPT = (
    "Its salary, location and notes are left out: nextsteps keeps a note with what "
    "happened, and nothing has yet."
)


@dataclass(frozen=True)
class ToCreate:
    """A row the import will turn into an application and its events."""

    line: int
    company: str
    role: str
    events: tuple[PlannedEvent, ...]
    note: str  # kept on the first event
    posting_url: str = ""
    source: str = ""
    temporary: bool = False
    left_out: str = ""  # what of the row nextsteps has no place for


@dataclass(frozen=True)
class Duplicate:
    line: int
    company: str
    role: str
    application_id: int | None = None  # already in nextsteps
    first_line: int | None = None  # earlier in the same file


@dataclass(frozen=True)
class Refused:
    line: int
    reason: str


@dataclass
class Report:
    format: Format
    rows: int
    today: date  # on the user's clock, for the days the report names
    to_create: list[ToCreate] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    day_order: DayOrder | None = None  # how 03/04/2026 was read, if the file writes so
    imported: bool = False
    created: list[int] = field(default_factory=list)  # the applications, once imported

    @property
    def source_name(self) -> str:
        return FORMAT_NAMES[self.format]


def preview(owner: User, data: bytes, chosen: Format = Format.AUTO) -> Report:
    """What importing `data` would do, writing nothing. Raises ImportRefused (one
    sentence) for a file that cannot be read or is of no format nextsteps knows."""
    profile = profile_of(owner)
    now = timezone.now().astimezone(profile.zone)
    text = text_of(data)
    document = json_of(text)
    if document is not None:
        if _is_resume(document):
            raise ImportRefused(RESUME)
        raise ImportRefused("This JSON file is no export nextsteps knows: import a CSV file.")
    if chosen is Format.REACTIVE_RESUME:
        raise ImportRefused("This file is not a Reactive Resume export, which is JSON.")
    table = table_of(text)
    columns = recognise(table.header, chosen)
    dates = [columns.cell(row.cells, f) for row in table.rows for f in DATE_FIELDS]
    order = day_order(dates, profile.country in MONTH_FIRST_COUNTRIES)
    report = Report(
        format=columns.format,
        rows=len(table.rows),
        today=now.date(),
        ignored_columns=columns.ignored,
        day_order=order if writes_day_and_month(dates) else None,
    )
    known = _Known(owner)
    for row in table.rows:
        try:
            candidate = _candidate(row, columns, order, now)
        except (RowRefused, FieldRefused, InvalidEvent) as exc:
            report.refused.append(Refused(row.line, str(exc)))
            continue
        duplicate = known.duplicate(candidate)
        if duplicate is not None:
            report.duplicates.append(duplicate)
        else:
            report.to_create.append(known.add(candidate))
    return report


def run_import(
    owner: User,
    data: bytes,
    chosen: Format = Format.AUTO,
    progress: Callable[[int, int], Any] | None = None,
) -> Report:
    """Import what `preview` shows, in one transaction; `progress` hears how many
    applications are created so far, of how many. Raises ImportRefused, and writes
    nothing, if the file is refused or a row fails while it is written."""
    with transaction.atomic():
        # One import at a time for a user, so that two of the same file cannot both
        # find its rows new (SQLite's writers already take turns).
        Profile.objects.select_for_update().filter(user=owner).first()
        report = preview(owner, data, chosen)
        for candidate in report.to_create:
            try:
                report.created.append(_create(owner, candidate))
            except DatabaseError as exc:
                log.exception("Import stopped at line %s", candidate.line)
                raise ImportRefused(
                    f"Line {candidate.line} could not be written ({exc}): nothing was imported."
                ) from None
            if progress is not None:
                progress(len(report.created), len(report.to_create))
    report.imported = True
    return report


def _create(owner: User, candidate: ToCreate) -> int:
    application = add_application(
        owner,
        candidate.company,
        candidate.role,
        posting_url=candidate.posting_url,
        source=candidate.source,
        temporary=candidate.temporary,
    )
    for index, event in enumerate(candidate.events):
        record_event(application, event, note=candidate.note if index == 0 else "")
    return application.id


def _candidate(row: Row, columns: Columns, order: DayOrder, now: datetime) -> ToCreate:
    """The row as nextsteps would store it, checked by the same rules; raises
    RowRefused, FieldRefused or InvalidEvent with the sentence for the report."""

    def cell(name: Field) -> str:
        text = columns.cell(row.cells, name)
        return "" if text.casefold() in ("n/a", "none", "null") else text

    def day(name: Field, label: str) -> date | None:
        return parse_day(cell(name), label, order)

    company = COMPANY_NAME.clean(cell(Field.COMPANY))
    role = ROLE.clean(cell(Field.ROLE))
    applied = yes_or_no(cell(Field.APPLIED))
    applied_on = day(Field.APPLIED_ON, "The date applied")
    if applied is None:  # the bare "applied" column holds a day
        applied_on = applied_on or day(Field.APPLIED, "The date applied")
    events = events_of(
        reached(cell(Field.OUTCOME) or cell(Field.STATUS)),
        applied_on=applied_on,
        applied=bool(applied),
        saved_on=day(Field.SAVED_ON, "The date saved"),
        interview_on=day(Field.INTERVIEW_ON, "The interview date"),
        updated_on=day(Field.UPDATED_ON, "The date last updated"),
        today=now.date(),
    )
    kept = _kept(cell, columns.format)
    planned = _planned(events, now)
    note = check_event(planned[0], kept, now) if planned else ""
    for event in planned[1:]:
        check_event(event, "", now)
    details = any(cell(f) for f in (Field.SALARY, Field.MAX_SALARY, Field.LOCATION, Field.NOTES))
    return ToCreate(
        line=row.line,
        company=company,
        role=role,
        events=tuple(planned),
        note=note,
        posting_url=POSTING_URL.clean(cell(Field.URL)),
        source=SOURCE.clean(cell(Field.SOURCE)),
        temporary=is_temporary(cell(Field.JOB_TYPE)),
        left_out=NOT_KEPT if details and not planned else "",
    )


def _kept(cell: Callable[[Field], str], format: Format) -> str:
    """The note the first event keeps: where the row came from, and what nextsteps has
    no column for (salary, location, the row's notes)."""
    low, high = cell(Field.SALARY), cell(Field.MAX_SALARY)
    salary = f"{low} to {high}" if low and high else low or (high and f"up to {high}")
    location = cell(Field.LOCATION)
    lines = [
        f"Imported from {FORMAT_NAMES[format]}.",
        salary and f"Salary: {salary}",
        location and f"Location: {location}",
        cell(Field.NOTES),
    ]
    return "\n".join(line for line in lines if line)


def _planned(events: list[tuple[EventKind, date]], now: datetime) -> list[PlannedEvent]:
    """The events on the user's clock, in the order the row gives them: on a day
    already taken, a minute after the one before."""
    planned: list[PlannedEvent] = []
    for kind, day in sorted(events, key=lambda event: event[1]):
        at = moment_on(day, None, now)
        if planned and at <= planned[-1].at:
            at = planned[-1].at + timedelta(minutes=1)
        planned.append(PlannedEvent(kind, at))
    return planned


def _is_resume(document: Any) -> bool:
    """Reactive Resume's export (basics, sections, metadata), or a JSON Resume."""
    return (
        isinstance(document, dict)
        and "basics" in document
        and ("sections" in document or "work" in document)
    )


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


class _Known:
    """The user's applications and the rows already planned, to find duplicates: the
    same company and role, unless both name a posting and the postings differ."""

    def __init__(self, owner: User) -> None:
        self.seen: dict[tuple[str, str], list[tuple[str, int | None, int | None]]] = {}
        rows = Application.objects.filter(owner=owner).values_list(
            "id", "company__name", "role", "posting_url"
        )
        for application_id, company, role, url in rows:
            self.seen.setdefault((_folded(company), _folded(role)), []).append(
                (url, application_id, None)
            )
        names = Company.objects.filter(owner=owner).values_list("name", flat=True)
        self.companies = {_folded(name): name for name in names}

    def duplicate(self, candidate: ToCreate) -> Duplicate | None:
        key = (_folded(candidate.company), _folded(candidate.role))
        for url, application_id, line in self.seen.get(key, []):
            if not url or not candidate.posting_url or url == candidate.posting_url:
                return Duplicate(
                    candidate.line, candidate.company, candidate.role, application_id, line
                )
        return None

    def add(self, candidate: ToCreate) -> ToCreate:
        """Remember the row; it takes the spelling of a company already known."""
        key = (_folded(candidate.company), _folded(candidate.role))
        self.seen.setdefault(key, []).append((candidate.posting_url, None, candidate.line))
        company = self.companies.setdefault(key[0], candidate.company)
        return candidate if company == candidate.company else replace(candidate, company=company)
