"""Subcommands for reminders: the calendar."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from django.utils import timezone

from nextsteps.cli.app import app, current_user
from nextsteps.cli.parse import BadInput
from nextsteps.reminders import services

calendar_app = typer.Typer(help="Your steps and interviews in your calendar app.")
app.add_typer(calendar_app, name="calendar")


@calendar_app.command()
def export(
    out: Annotated[
        Path | None, typer.Option(help="Write the .ics file here instead of to the screen.")
    ] = None,
) -> None:
    """Write your calendar feed: every open step, every interview, as iCalendar."""
    body = services.feed(current_user(), timezone.now())
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
