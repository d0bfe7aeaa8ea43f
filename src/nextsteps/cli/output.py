"""What the command prints: JSON for scripts, tables with spoken dates for people."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from datetime import date, datetime, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any

from nextsteps.cli.terminal import fit, say, styled, visible
from nextsteps.playbook.describe import event_details, event_name, missed_details, missed_name
from nextsteps.playbook.drafting import MessageKind, word_of_kind
from nextsteps.playbook.humandates import say_day, say_due, say_moment
from nextsteps.playbook.step import StepKind, is_overdue, step_name

if TYPE_CHECKING:
    from nextsteps.outreach.models import Message
    from nextsteps.playbook import Step
    from nextsteps.tracker.models import Application, Event, NextStep

OVERDUE = "1;31"  # bold red
HEADING = "1"  # bold


@cache
def width() -> int:
    """The terminal's width in columns: COLUMNS if set, 80 when not on a terminal."""
    return shutil.get_terminal_size().columns


def print_line(text: str, lead: str = "", style: str = "") -> None:
    """`lead` (in `style` on a terminal), then `text`, on one line cut to the terminal's
    width; both shown as written, never acted on (terminal.visible)."""
    lead = visible(lead)
    line = fit(lead + visible(text), width())
    if not line.startswith(lead):  # the lead alone was cut
        lead = line
    print(styled(lead, style) + line[len(lead) :])


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


def print_steps(
    rows: list[dict[str, Any]], today: date, zone: tzinfo, empty: str, verbose: bool = False
) -> None:
    """One line per step: when, what, for which application; with `verbose`, why and
    from which article under each, wrapped to the terminal."""
    if not rows:
        say(empty)
        return
    lines = [
        (_when(row, zone, today), step_name(StepKind(row["kind"]), row["attempt"]), row)
        for row in rows
    ]
    when_width = max(len(when) for when, _, _ in lines)
    step_width = max(len(step) for _, step, _ in lines)
    room = max(width() - when_width - step_width - 4, 12)
    for when, step, row in lines:
        rest = f"  {step.ljust(step_width)}  {fit(_where(row), room)}".rstrip()
        print_line(rest, lead=when.ljust(when_width), style=OVERDUE if row["overdue"] else "")
        if verbose:
            for text in (row["why"], f"From {'; '.join(row['sources'])}"):
                _under(text)
            say()


def _under(text: str) -> None:
    """What goes under a line (a step's why, a message's reason, an event's details),
    wrapped and indented; its own line breaks kept."""
    for paragraph in visible(text).splitlines() or [""]:
        say(textwrap.fill(paragraph, width(), initial_indent="    ", subsequent_indent="    "))


def _when(row: dict[str, Any], zone: tzinfo, today: date) -> str:
    when = say_moment(datetime.fromisoformat(row["due"]), zone, today, row["all_day"])
    return f"was due {when}" if row["overdue"] else when


def _where(row: dict[str, Any]) -> str:
    if row["application_id"] is None:
        return ""
    return visible(f"{row['application_id']} {row['company']} · {row['role']}")


def saved_application(application: Application, today: date) -> str:
    """What `add` saved, in a sentence."""
    parts = [
        f"Saved application {application.id}: {application.role} at {application.company.name}"
    ]
    if application.applied_on:
        parts.append(f"applied {say_day(application.applied_on, today)}")
    contact = application.contacts.order_by("id").first()
    if contact is not None:
        parts.append(f"contact {contact}")
    return ", ".join(parts) + "."


def first_step(application: Application, step: NextStep | None, zone: tzinfo, now: datetime) -> str:
    if step is None:
        return f"No step yet: nextsteps log {application.id} applied records the day you apply."
    due = say_due(step.due, step.all_day, zone, now)
    name = step_name(StepKind(step.kind), step.attempt)
    return f"First step: {name}, {due} (nextsteps next {application.id} -v says why)."


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
    """One line per application: its id, stage, next step and when, then what it is."""
    if not rows:
        say("No applications yet: nextsteps add COMPANY ROLE --applied YYYY-MM-DD")
        return
    lines = []
    for row in rows:
        step = "no step"
        if row["next_step"]:
            due = datetime.fromisoformat(row["next_due"])
            when = say_moment(due, zone, today, row["next_all_day"])
            step = f"{step_name(StepKind(row['next_step']))}, {when}"
        what = visible(f"{row['company']} · {row['role']}")
        lines.append((str(row["id"]), row["stage"], step, what))
    widths = [max(len(line[column]) for line in lines) for column in range(3)]
    room = max(width() - sum(widths) - 6, 12)
    for id_, stage, step, what in lines:
        text = f"{id_.rjust(widths[0])}  {stage.ljust(widths[1])}  {step.ljust(widths[2])}  "
        print_line(text + fit(what, room))


def print_timeline(
    application: Application, events: list[Event], missed: list[NextStep], zone: tzinfo
) -> None:
    """The application, then one line per event and per step nobody did in time (when,
    what), oldest first, the details under each."""
    today = datetime.now(zone).date()
    heading = visible(f"{application.role} at {application.company.name}")
    print(f"{styled(heading, HEADING)} ({application.stage})")
    dated = []
    for event in events:
        fact = event.as_planned()
        parts = [*event_details(fact, zone, today), event.note.strip()]
        what = event_name(fact.kind, fact.channel, fact.official)
        dated.append((event.at, what, "; ".join(part for part in parts if part)))
    for step in missed:
        what = missed_name(StepKind(step.kind), step.attempt)
        dated.append(
            (step.lapses_at or step.due, what, missed_details(step.due, step.all_day, zone, today))
        )
    lines = [
        (say_moment(moment, zone, today), what, details)
        for moment, what, details in sorted(dated, key=lambda line: line[0])
    ]
    when_width = max((len(when) for when, _, _ in lines), default=0)
    for when, what, details in lines:
        print_line(f"{when.ljust(when_width)}  {what}")
        if details:
            _under(details)


def message_name(kind: MessageKind) -> str:
    """A message in a word or two, from the step names: `Thank-you`, `Follow-up`."""
    if kind is MessageKind.CALL_SCRIPT:
        return "Call script"
    return step_name(
        StepKind(word_of_kind(kind)), 2 if kind is MessageKind.FOLLOW_UP_AGAIN else None
    )


def print_outbox(messages: list[Message], zone: tzinfo, today: date) -> None:
    """One line per message: its number, state, when, what and to whom; why it failed
    or waits under it."""
    for message in messages:
        if message.is_digest:
            what = "Your daily digest"
        else:
            company = message.application.company.name if message.application else ""
            to = message.to_name or message.to_address
            what = f"{message_name(MessageKind(message.kind))} to {to}, {company}"
        when = say_moment(message.send_at, zone, today)
        print_line(f"{message.id:>4}  {message.state:<9}  {when:<16}  {what}")
        if message.reason:
            _under(message.reason)
