"""The tracker's subcommands. Each parses what the user typed, calls a service, prints.
Each imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from nextsteps.cli.app import (
    application_id,
    choice_of,
    cli,
    config,
    current_user,
    json_option,
    now_in,
)
from nextsteps.cli.parse import BadInput, parse_day, parse_happened, parse_when
from nextsteps.cli.terminal import say
from nextsteps.playbook.timeline import Channel, Culture, EventKind

if TYPE_CHECKING:
    from nextsteps.tracker.models import Application


@cli.command()
def migrate() -> None:
    """Create or update the database tables (needed once for PostgreSQL)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=1)


@cli.command()
@click.argument("company")
@click.argument("role")
@click.option("--applied", help="The day you sent the application (YYYY-MM-DD).")
@click.option(
    "--culture",
    type=choice_of("nextsteps.playbook.timeline.Culture"),
    help="traditional: also plan a handwritten note.",
)
@click.option("--contact", help="'Name <email>' of your contact.")
@click.option(
    "--temporary",
    is_flag=True,
    help="Temporary or contract work: accepting it does not end your search.",
)
@json_option
def add(
    company: str,
    role: str,
    applied: str | None,
    culture: str | None,
    contact: str | None,
    temporary: bool,
    as_json: bool,
) -> None:
    """Save a job; with --applied, record that you applied that day."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.tracker import services

    applied_on = parse_day(applied, "--applied") if applied is not None else None
    details = services.ContactDetails.typed(contact) if contact is not None else None
    application = services.add_application(
        current_user(),
        company,
        role,
        applied_on=applied_on,
        culture=Culture(culture) if culture else None,
        contact=details,
        temporary=temporary,
    )
    if as_json:
        output.print_json({"id": application.id})
        return
    application.refresh_from_db()  # the plan set its stage and the day it was sent
    zone = profile_of(application.owner).zone
    now = now_in(zone)
    say(output.saved_application(application, now.date()))
    steps = services.open_steps(application)
    say(output.first_step(application, steps[0] if steps else None, zone, now))


@cli.command(
    help="Record what happened: an interview, a thank-you, their reply, an outcome.\n\n"
    f"EVENT is one of: {', '.join(EventKind)}."
)
@application_id
@click.argument("event", metavar="EVENT")
@click.option("--at", help="When it happened (default: now).")
@click.option("--end", help="When the interview ended.")
@click.option("--decision-by", help="The day they said they would decide by.")
@click.option("--wait-until", help="The day they asked you to wait until.")
@click.option(
    "--contact-on",
    help="The day they asked you to get in touch (interview or reply): the next follow-up "
    "is due that day, even inside the seven days.",
)
@click.option("--due", help="When you promised the material.")
@click.option(
    "--channel",
    type=choice_of("nextsteps.playbook.timeline.Channel"),
    help="card = a handwritten note.",
)
@click.option("--official", is_flag=True, help="The offer is in writing.")
@click.option("--note", default="", help="Anything worth remembering.")
@click.option("--strength", multiple=True, help="Reflection: a strong point of yours (repeatable).")
@click.option("--improve", multiple=True, help="Reflection: what you could improve (repeatable).")
@click.option(
    "--topic", multiple=True, help="Reflection: a topic for your next messages (repeatable)."
)
def log(
    application_id: int,
    event: str,
    at: str | None,
    end: str | None,
    decision_by: str | None,
    wait_until: str | None,
    contact_on: str | None,
    due: str | None,
    channel: str | None,
    official: bool,
    note: str,
    strength: tuple[str, ...],
    improve: tuple[str, ...],
    topic: tuple[str, ...],
) -> None:
    from nextsteps.accounts.services import profile_of
    from nextsteps.playbook.describe import event_name
    from nextsteps.playbook.drafting import Reflection, reflection_items, write_reflection
    from nextsteps.playbook.humandates import say_moment
    from nextsteps.playbook.timeline import Event
    from nextsteps.tracker import services

    try:
        kind = EventKind(event)
    except ValueError:
        raise BadInput(f"Unknown event {event!r}; use one of: {', '.join(EventKind)}.") from None
    if (strength or improve or topic) and kind is not EventKind.REFLECTED:
        raise BadInput("--strength, --improve and --topic are for a reflection.")
    # The same note as the web form's: the thank-you's draft reads it.
    reflected = Reflection(
        *(
            tuple(i for text in texts for i in reflection_items(text))
            for texts in (strength, improve, topic)
        )
    )
    note = "\n".join(part for part in (write_reflection(reflected), note) if part)
    user = current_user()
    application = services.application_of(user, application_id)
    zone = profile_of(user).zone
    now = now_in(zone)
    planned = Event(
        kind=kind,
        at=parse_happened(at, "--at", now) if at is not None else now,
        end=parse_when(end, "--end", zone) if end is not None else None,
        decision_by=parse_day(decision_by, "--decision-by") if decision_by is not None else None,
        wait_until=parse_day(wait_until, "--wait-until") if wait_until is not None else None,
        contact_on=parse_day(contact_on, "--contact-on") if contact_on is not None else None,
        due=parse_when(due, "--due", zone) if due is not None else None,
        channel=Channel(channel) if channel else None,
        official=official,
    )
    recorded = services.record_event(application, planned, note=note)
    for warning in recorded.warnings:
        say(f"warning: {warning}", err=True)
    when = say_moment(recorded.event.at, zone, now_in(zone).date(), until=recorded.event.end)
    what = event_name(kind, planned.channel, planned.official)
    say(f"Recorded for {application}: {what}, {when}. Next:")
    show_plan(application, zone)


@cli.command()
@application_id
@click.option(
    "--temporary/--permanent",
    default=None,
    help="Temporary or contract work (accepting it keeps your search going), or permanent.",
)
def edit(application_id: int, temporary: bool | None) -> None:
    """Change what you said about an application."""
    from nextsteps.tracker import services

    if temporary is None:
        raise BadInput("Say what to change: --temporary or --permanent.")
    application = services.application_of(current_user(), application_id)
    services.change_application(application, temporary=temporary)
    kind = "temporary work" if temporary else "a permanent job"
    print(f"{application} is {kind}.")


def show_plan(application: Application, zone: Any, verbose: bool = False) -> None:
    from nextsteps.cli import output
    from nextsteps.tracker import services

    now = now_in(zone)
    rows = [output.step_row(s, application, zone, now) for s in services.open_steps(application)]
    empty = "Nothing to do for this application."
    output.print_steps(rows, now.date(), zone, empty=empty, verbose=verbose)


verbose_option = click.option(
    "--verbose", "-v", is_flag=True, help="Also say why, and from which article."
)


@cli.command(name="next")
@application_id
@json_option
@verbose_option
def next_(application_id: int, as_json: bool, verbose: bool) -> None:
    """The application's open steps: what, by when, why, and from which article."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.tracker import services

    user = current_user()
    application = services.application_of(user, application_id)
    zone = profile_of(user).zone
    if as_json:
        now = now_in(zone)
        steps = services.open_steps(application)
        output.print_json([output.step_row(s, application, zone, now) for s in steps])
    else:
        show_plan(application, zone, verbose)


@cli.command()
@click.option("--on", help="Another day (YYYY-MM-DD).")
@json_option
@verbose_option
def today(on: str | None, as_json: bool, verbose: bool) -> None:
    """Everything you can act on by the end of the day, overdue steps first."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.tracker import services

    user = current_user()
    zone = profile_of(user).zone
    now = now_in(zone)
    day = parse_day(on, "--on") if on is not None else now.date()
    if day != now.date():
        now = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    agenda = services.agenda(user, day)
    rows = [output.step_row(s, s.application, zone, now) for s in agenda.steps]
    if agenda.keep_searching:
        rows.append(output.step_row(agenda.keep_searching, None, zone, now))
    if as_json:
        output.print_json(rows)
    else:
        empty = "Nothing to do today. Keep applying!"
        output.print_steps(rows, day, zone, empty=empty, verbose=verbose)


@cli.command(name="list")
@json_option
def list_(as_json: bool) -> None:
    """Your applications, each with its stage and next step."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.tracker import services
    from nextsteps.tracker.models import Application

    user = current_user()
    zone = profile_of(user).zone
    applications = list(
        Application.objects.filter(owner=user).select_related("company").order_by("id")
    )
    next_step = services.first_open_steps(user)
    rows = [output.application_row(a, next_step.get(a.id), zone) for a in applications]
    if as_json:
        output.print_json(rows)
    else:
        output.print_applications(rows, now_in(zone).date(), zone)


@cli.command()
@application_id
def show(application_id: int) -> None:
    """An application's timeline and plan."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.tracker import services

    user = current_user()
    application = services.application_of(user, application_id)
    zone = profile_of(user).zone
    events = list(application.events.order_by("at", "id"))
    missed = services.missed_steps(application, now_in(zone))
    output.print_timeline(application, events, missed, zone)
    show_plan(application, zone, verbose=True)


@config.command(name="show")
def config_show() -> None:
    """Print your settings."""
    from nextsteps.accounts import services as accounts

    profile = accounts.profile_of(current_user())
    for key, value in accounts.profile_settings(profile).items():
        say(f"{key} = {value}")


@config.command(name="set")
@click.argument("key")
@click.argument("value")
def config_set(key: str, value: str) -> None:
    """Change a setting: name (it signs your messages), timezone, country, subdivision,
    working_days, playbook, weekly_target, working_hours or digest_time (08:00, or off)."""
    from nextsteps.accounts import services as accounts
    from nextsteps.tracker import services

    user = current_user()
    try:
        services.save_settings(user, {key: value})
    except accounts.SettingsRejected as exc:
        raise BadInput(str(exc)) from None
    say(f"{key} = {accounts.profile_settings(accounts.profile_of(user))[key]}")
