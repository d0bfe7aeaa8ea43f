"""What the command prints: JSON for scripts, tables with spoken dates for people."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any

from nextsteps.playbook.describe import event_details, event_name
from nextsteps.playbook.humandates import say_day, say_moment
from nextsteps.playbook.step import StepKind, is_overdue, step_name

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from nextsteps.playbook import Step
    from nextsteps.tracker.models import Application, Event, NextStep


@cache
def console() -> Console:
    """Where tables go; rich is loaded only by the commands that print one."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def new_table(**options: Any) -> Table:
    from rich.table import Table

    return Table(**options)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2) + "\n")


def step_row(
    step: NextStep | Step, application: Application | None, zone: tzinfo, now: datetime
) -> dict[str, Any]:
    """One step as the JSON the CLI (and later the API) promises."""
    return {
        "application_id": application.id if application else None,
        "company": application.company.name if application else None,
        "role": application.role if application else None,
        "kind": str(step.kind),
        "attempt": step.attempt,
        "not_before": step.not_before.astimezone(zone).isoformat(),
        "due": step.due.astimezone(zone).isoformat(),
        "all_day": step.all_day,
        "overdue": is_overdue(step.due, step.all_day, now, zone),
        "why": step.why,
        "sources": list(step.sources),
    }


def print_steps(rows: list[dict[str, Any]], today: date, zone: tzinfo, empty: str) -> None:
    if not rows:
        console().print(empty)
        return
    table = new_table(show_lines=True)
    for column in ("application", "step", "due", "why", "source"):
        table.add_column(column, overflow="fold")
    for row in rows:
        when = say_moment(datetime.fromisoformat(row["due"]), zone, today, row["all_day"])
        where = f"{row['application_id']} {row['company']}" if row["application_id"] else ""
        table.add_row(
            where,
            step_name(StepKind(row["kind"]), row["attempt"]),
            f"[bold red]{when}, overdue[/]" if row["overdue"] else when,
            row["why"],
            "\n".join(row["sources"]),
        )
    console().print(table)


def application_row(
    application: Application, step: NextStep | None, zone: tzinfo
) -> dict[str, Any]:
    return {
        "id": application.id,
        "company": application.company.name,
        "role": application.role,
        "stage": application.stage,
        "applied_on": application.applied_on.isoformat() if application.applied_on else None,
        "next_step": step.kind if step else None,
        "next_due": step.due.astimezone(zone).isoformat() if step else None,
        "next_all_day": step.all_day if step else None,
    }


def print_applications(rows: list[dict[str, Any]], today: date, zone: tzinfo) -> None:
    if not rows:
        console().print("No applications yet: nextsteps add COMPANY ROLE --applied YYYY-MM-DD")
        return
    table = new_table()
    for column in ("id", "company", "role", "stage", "applied", "next step"):
        table.add_column(column, overflow="fold")
    for row in rows:
        applied = say_day(date.fromisoformat(row["applied_on"]), today) if row["applied_on"] else ""
        step = ""
        if row["next_step"]:
            due = say_moment(
                datetime.fromisoformat(row["next_due"]), zone, today, row["next_all_day"]
            )
            step = f"{step_name(StepKind(row['next_step']))}, {due}"
        table.add_row(str(row["id"]), row["company"], row["role"], row["stage"], applied, step)
    console().print(table)


def print_timeline(application: Application, events: list[Event], zone: tzinfo) -> None:
    today = datetime.now(zone).date()
    console().print(
        f"[bold]{application.role} at {application.company.name}[/] ({application.stage})"
    )
    table = new_table(title="timeline", title_justify="left")
    for column in ("when", "what", "details"):
        table.add_column(column, overflow="fold")
    for event in events:
        fact = event.as_planned()
        details = [*event_details(fact, zone, today), event.note.strip()]
        table.add_row(
            say_moment(event.at, zone, today),
            event_name(fact.kind, fact.channel, fact.official),
            "; ".join(d for d in details if d),
        )
    console().print(table)
