"""The import's report in words, once for the page and the command line."""

from __future__ import annotations

from datetime import date

from nextsteps.imports.cells import DayOrder
from nextsteps.imports.services import Duplicate, Report, ToCreate
from nextsteps.playbook.describe import EVENT_NAMES
from nextsteps.playbook.humandates import say_day


def counted(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def summary(report: Report) -> str:
    """`A Teal export, 12 rows: 9 applications to create, 2 already in nextsteps, 1
    row refused.`; once imported, `Imported 9 applications from a Teal export; ...`"""
    rest = (
        f"{len(report.duplicates):,} already in nextsteps, "
        f"{counted(len(report.refused), 'row refused', 'rows refused')}"
    )
    if report.imported:
        created = counted(len(report.created), "application", "applications")
        return f"Imported {created} from {report.source_name}; {rest}."
    to_create = counted(len(report.to_create), "application", "applications")
    source = report.source_name[0].upper() + report.source_name[1:]
    return f"{source}, {counted(report.rows, 'row', 'rows')}: {to_create} to create, {rest}."


def reading_notes(report: Report) -> list[str]:
    """How the file was read, where it matters: its days, the columns left unread."""
    notes = []
    if report.day_order is DayOrder.DAY_FIRST:
        notes.append("Days such as 03/04/2026 are read day first: 3 April 2026.")
    elif report.day_order is DayOrder.MONTH_FIRST:
        notes.append("Days such as 03/04/2026 are read month first: 4 March 2026.")
    if report.ignored_columns:
        notes.append(f"Columns not read: {', '.join(report.ignored_columns)}.")
    return notes


def title(company: str, role: str) -> str:
    return f"{role} at {company}"


def events_said(candidate: ToCreate, today: date) -> str:
    """`Applied Mon 5 Oct, Interview held Mon 12 Oct`, or `Saved, not applied for`."""
    if not candidate.events:
        return "Saved, not applied for"
    return ", ".join(
        f"{EVENT_NAMES[e.kind]} {say_day(e.at.date(), today)}" for e in candidate.events
    )


def duplicate_of(duplicate: Duplicate) -> str:
    if duplicate.application_id is not None:
        return f"already in nextsteps (application {duplicate.application_id})"
    return f"the same as line {duplicate.first_line}"
