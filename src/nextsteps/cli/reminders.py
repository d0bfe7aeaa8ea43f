"""Subcommands for reminders: the calendar and the daily digest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.cli.app import app, current_user, now_in
from nextsteps.cli.parse import BadInput, parse_day
from nextsteps.playbook.digest import DEFAULT_DIGEST_TIME
from nextsteps.playbook.humandates import day_label
from nextsteps.reminders import digests, services

calendar_app = typer.Typer(help="Your steps and interviews in your calendar app.")
app.add_typer(calendar_app, name="calendar")


@calendar_app.command()
def export(
    out: Annotated[
        Path | None, typer.Option(help="Write the .ics file here instead of to the screen.")
    ] = None,
) -> None:
    """Write your calendar feed: every open step, every interview, as iCalendar."""
    body = services.feed(profile_of(current_user()), timezone.now())
    if out is None:
        sys.stdout.buffer.write(body)
        return
    try:
        out.write_bytes(body)
    except OSError as exc:
        raise BadInput(f"Cannot write {out}: {exc.strerror}.") from None
    print(f"Wrote {out}")


@calendar_app.command()
def url() -> None:
    """Print your secret calendar address to subscribe to."""
    print(f"{services.feed_url(current_user())}")


@app.command()
def digest(
    on: Annotated[str | None, typer.Option(help="Another day (YYYY-MM-DD).")] = None,
) -> None:
    """Print the daily digest as it would be e-mailed today (or on another day)."""
    user = current_user()
    profile = profile_of(user)
    now = now_in(profile.zone)
    day = parse_day(on, "--on") if on else now.date()
    if day != now.date():
        now = profile.workdays().at(day, profile.digest_clock() or DEFAULT_DIGEST_TIME)
    composed = digests.compose(user, profile, day, now)
    if composed.empty:
        print(f"Nothing to send for {day_label(day)}: no step is overdue or due that day.")
    else:
        print(f"Subject: {composed.subject}\n\n{composed.body}")
    print(digests.digest_status(user, profile), file=sys.stderr)
