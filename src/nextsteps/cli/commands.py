"""The tracker's subcommands. Each parses what the user typed, calls a service, prints."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated, Any

import typer
from django.core.management import call_command

from nextsteps.accounts import services as accounts
from nextsteps.cli import output
from nextsteps.cli.app import Json, app, config_app, current_user, now_in
from nextsteps.cli.parse import BadInput, parse_contact, parse_day, parse_when
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.playbook.humandates import say_moment
from nextsteps.playbook.timeline import Channel, Culture
from nextsteps.tracker import services
from nextsteps.tracker.models import Application


@app.command()
def migrate() -> None:
    """Create or update the database tables (needed once for PostgreSQL)."""
    call_command("migrate", verbosity=1)


@app.command()
def add(
    company: str,
    role: str,
    applied: Annotated[
        str | None, typer.Option(help="The day you sent the application (YYYY-MM-DD).")
    ] = None,
    culture: Annotated[
        Culture | None, typer.Option(help="traditional: also plan a handwritten note.")
    ] = None,
    contact: Annotated[str | None, typer.Option(help="'Name <email>' of your contact.")] = None,
    json: Json = False,
) -> None:
    """Save a job; with --applied, record that you applied that day."""
    if not company.strip() or not role.strip():
        raise BadInput("The company and the role cannot be empty.")
    applied_on = parse_day(applied, "--applied") if applied else None
    details = services.ContactDetails(*parse_contact(contact)) if contact else None
    application = services.add_application(
        current_user(), company, role, applied_on=applied_on, culture=culture, contact=details
    )
    if json:
        output.print_json({"id": application.id})
    else:
        print(application.id)


@app.command()
def log(
    application_id: Annotated[int, typer.Argument(metavar="ID")],
    event: Annotated[str, typer.Argument(metavar="EVENT", help=", ".join(EventKind))],
    at: Annotated[str | None, typer.Option(help="When it happened (default: now).")] = None,
    end: Annotated[str | None, typer.Option(help="When the interview ended.")] = None,
    decision_by: Annotated[
        str | None, typer.Option(help="The day they said they would decide by.")
    ] = None,
    wait_until: Annotated[
        str | None, typer.Option(help="The day they asked you to wait until.")
    ] = None,
    due: Annotated[str | None, typer.Option(help="When you promised the material.")] = None,
    channel: Annotated[Channel | None, typer.Option(help="card = a handwritten note.")] = None,
    official: Annotated[bool, typer.Option("--official", help="The offer is in writing.")] = False,
    note: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
) -> None:
    """Record what happened: an interview, a thank-you, their reply, an outcome."""
    try:
        kind = EventKind(event)
    except ValueError:
        raise BadInput(f"Unknown event {event!r}; use one of: {', '.join(EventKind)}.") from None
    user = current_user()
    application = services.application_of(user, application_id)
    zone = accounts.profile_of(user).zone
    planned = PlannedEvent(
        kind=kind,
        at=parse_when(at, "--at", zone) if at else now_in(zone),
        end=parse_when(end, "--end", zone) if end else None,
        decision_by=parse_day(decision_by, "--decision-by") if decision_by else None,
        wait_until=parse_day(wait_until, "--wait-until") if wait_until else None,
        due=parse_when(due, "--due", zone) if due else None,
        channel=channel,
        official=official,
    )
    recorded = services.record_event(application, planned, note=note)
    for warning in recorded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    when = say_moment(planned.at, zone, now_in(zone).date())
    print(f"Recorded {kind.value} ({when}) for {application}. Next:")
    show_plan(application, zone)


def show_plan(application: Application, zone: Any) -> None:
    now = now_in(zone)
    rows = [output.step_row(s, application, zone, now) for s in services.open_steps(application)]
    output.print_steps(rows, now.date(), zone, empty="Nothing to do for this application.")


@app.command(name="next")
def next_(application_id: Annotated[int, typer.Argument(metavar="ID")], json: Json = False) -> None:
    """The application's open steps: what, by when, why, and from which article."""
    user = current_user()
    application = services.application_of(user, application_id)
    zone = accounts.profile_of(user).zone
    if json:
        now = now_in(zone)
        steps = services.open_steps(application)
        output.print_json([output.step_row(s, application, zone, now) for s in steps])
    else:
        show_plan(application, zone)


@app.command()
def today(
    on: Annotated[str | None, typer.Option(help="Another day (YYYY-MM-DD).")] = None,
    json: Json = False,
) -> None:
    """Everything you can act on by the end of the day, overdue steps first."""
    user = current_user()
    zone = accounts.profile_of(user).zone
    now = now_in(zone)
    day = parse_day(on, "--on") if on else now.date()
    if day != now.date():
        now = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    agenda = services.agenda(user, day)
    rows = [output.step_row(s, s.application, zone, now) for s in agenda.steps]
    if agenda.keep_searching:
        rows.append(output.step_row(agenda.keep_searching, None, zone, now))
    if json:
        output.print_json(rows)
    else:
        output.print_steps(rows, day, zone, empty="Nothing to do today. Keep applying!")


@app.command(name="list")
def list_(json: Json = False) -> None:
    """Your applications, each with its stage and next step."""
    user = current_user()
    zone = accounts.profile_of(user).zone
    applications = list(
        Application.objects.filter(owner=user).select_related("company").order_by("id")
    )
    next_step = services.first_open_steps(user)
    rows = [output.application_row(a, next_step.get(a.id), zone) for a in applications]
    if json:
        output.print_json(rows)
    else:
        output.print_applications(rows, now_in(zone).date(), zone)


@app.command()
def show(application_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """An application's timeline and plan."""
    user = current_user()
    application = services.application_of(user, application_id)
    zone = accounts.profile_of(user).zone
    output.print_timeline(application, list(application.events.order_by("at", "id")), zone)
    show_plan(application, zone)


@config_app.command(name="show")
def config_show() -> None:
    """Print your settings."""
    profile = accounts.profile_of(current_user())
    for key, value in accounts.profile_settings(profile).items():
        print(f"{key} = {value}")


@config_app.command(name="set")
def config_set(key: str, value: str) -> None:
    """Change a setting: timezone, country, subdivision, working_days, playbook,
    weekly_target, working_hours or digest_time (08:00, or off)."""
    user = current_user()
    profile = accounts.profile_of(user)
    try:
        accounts.change_profile(profile, key, value)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    services.replan_for_settings(user, [key])
    print(f"{key} = {accounts.profile_settings(profile)[key]}")
