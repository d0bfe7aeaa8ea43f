"""Subcommands for reminders: the calendar and the daily digest. Each imports what
it uses in its body (see cli/app.py)."""

from __future__ import annotations

import sys

import click

from nextsteps.cli.app import cli, current_user, now_in
from nextsteps.cli.parse import BadInput, parse_day
from nextsteps.cli.terminal import say


@cli.group()
def calendar() -> None:
    """Your steps and interviews in your calendar app."""


@calendar.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write the .ics file here instead of to the screen.",
)
def export(out: str | None) -> None:
    """Write your calendar feed: every open step, every interview, as iCalendar."""
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.reminders import services

    body = services.feed(profile_of(current_user()), timezone.now())
    if out is None:
        if sys.stdout.isatty():  # read by a person: shown safely, not as iCalendar bytes
            say(body.decode().replace("\r\n", "\n"), end="")
        else:
            sys.stdout.buffer.write(body)
        return
    try:
        with open(out, "wb") as file:
            file.write(body)
    except OSError as exc:
        raise BadInput(f"Cannot write {out}: {exc.strerror}.") from None
    say(f"Wrote {out}")


@calendar.command()
def url() -> None:
    """Print your secret calendar address to subscribe to."""
    from nextsteps.reminders import services

    say(f"{services.feed_url(current_user())}")


@cli.command()
@click.option("--on", help="Another day (YYYY-MM-DD).")
def digest(on: str | None) -> None:
    """Print the daily digest as it would be e-mailed today (or on another day)."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.playbook.digest import DEFAULT_DIGEST_TIME
    from nextsteps.playbook.humandates import day_label
    from nextsteps.reminders import digests

    user = current_user()
    profile = profile_of(user)
    now = now_in(profile.zone)
    day = parse_day(on, "--on") if on is not None else now.date()
    if day != now.date():
        now = profile.workdays().at(day, profile.digest_clock() or DEFAULT_DIGEST_TIME)
    composed = digests.compose(user, profile, day, now)
    if composed.empty:
        say(f"Nothing to send for {day_label(day)}: no step is overdue or due that day.")
    else:
        say(f"Subject: {composed.subject}\n\n{composed.body}")
    say(digests.digest_status(user, profile), err=True)
