"""`nextsteps inbox`: what the inbox sync matched, and settling what waits for you.
Each command imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from nextsteps.cli.app import cli, current_user, json_option, prepare_database
from nextsteps.cli.parse import BadInput, parse_day
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from nextsteps.inbox.models import MatchedMail

mail_id = click.argument("mail_id", metavar="N", type=int)


@cli.group(invoke_without_command=True)
@json_option
@click.pass_context
def inbox(ctx: click.Context, as_json: bool) -> None:
    """What nextsteps found in your mailbox: replies it recorded, and what waits for
    you to confirm or dismiss."""
    if ctx.invoked_subcommand is not None:
        return
    prepare_database(migrate_if_needed=True)
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.inbox import services

    user = current_user()
    zone = profile_of(user).zone
    today = timezone.now().astimezone(zone).date()
    rows = services.inbox_of(user)
    if as_json:
        output.print_json([_row(m, zone, today) for m in rows])
        return
    if not rows:
        say("Nothing matched yet: replies to your applications show here once the inbox is read.")
        return
    for row in rows:
        _print(row, zone, today)


def _row(row: MatchedMail, zone: tzinfo, today: date) -> dict[str, Any]:
    from nextsteps.inbox.wording import how_matched, question, what_was_done
    from nextsteps.playbook.inbox import MailKind, Proposal, sources_of

    waiting = row.state == row.State.WAITING
    return {
        "id": row.id,
        "application_id": row.application_id,
        "company": row.application.company.name,
        "role": row.application.role,
        "state": row.state,
        "kind": row.kind,
        "match": row.match,
        "matched": how_matched(row),
        "from_name": row.from_name,
        "from_address": row.from_address,
        "subject": row.subject,
        "sent_at": row.sent_at.astimezone(zone).isoformat(),
        "snippet": row.snippet,
        "proposal": row.proposal or None,
        "proposed_day": row.proposed_day.isoformat() if row.proposed_day else None,
        "paused_until": row.paused_until.isoformat() if row.paused_until else None,
        "bounced_address": row.bounced_address or None,
        "stopped": row.stopped,
        "event_id": row.event_id,
        "done": what_was_done(row, today),
        "question": question(row, today) if waiting else None,
        "sources": list(
            sources_of(MailKind(row.kind), Proposal(row.proposal) if row.proposal else None)
        ),
    }


def _print(row: MatchedMail, zone: tzinfo, today: date) -> None:
    from nextsteps.inbox.wording import sender
    from nextsteps.playbook.humandates import say_moment

    shown = _row(row, zone, today)
    when = say_moment(row.sent_at, zone, today)
    say(f"{row.id}  {when}  {sender(row)} ({shown['matched']}): {row.application}")
    if row.subject:
        say(f"    {row.subject}")
    say(f"    {shown['done']}")
    if shown["question"]:
        say(f"    {shown['question']} nextsteps inbox confirm {row.id} | dismiss {row.id}")


@inbox.command()
@mail_id
@click.option("--on", "on", help="The day it names, if not the one found (YYYY-MM-DD).")
@click.option("--at", "at", help="The interview's time (HH:MM), for an invitation.")
def confirm(mail_id: int, on: str | None, at: str | None) -> None:
    """Record what mail N was proposed as."""
    from datetime import time

    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.inbox import services
    from nextsteps.inbox.wording import what_was_done

    user = current_user()
    day = parse_day(on, "--on") if on is not None else None
    clock = None
    if at is not None:
        try:
            clock = time.fromisoformat(at.strip())
        except ValueError:
            raise BadInput(f"--at must be a time like 14:30, not {at!r}.") from None
    row = services.confirm(user, mail_id, timezone.now(), day, clock)
    today = timezone.now().astimezone(profile_of(user).zone).date()
    say(f"Mail {row.id}: {what_was_done(row, today)}")


@inbox.command()
@mail_id
def dismiss(mail_id: int) -> None:
    """Leave mail N's proposal aside: nothing is recorded."""
    from django.utils import timezone

    from nextsteps.inbox import services

    row = services.dismiss(current_user(), mail_id, timezone.now())
    say(f"Mail {row.id}: dismissed, nothing changed.")
