"""Subcommands for messages: drafts, the mail account, the outbox and the worker."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from django.utils import timezone

from nextsteps import worker as outbox_worker
from nextsteps.accounts.services import profile_of
from nextsteps.cli import output
from nextsteps.cli.app import Json, app, current_user
from nextsteps.cli.parse import BadInput, parse_when
from nextsteps.outreach import drafts, services
from nextsteps.outreach.models import Message
from nextsteps.outreach.templating import TemplateRefused
from nextsteps.playbook.drafting import MessageKind, message_word, word_of_kind
from nextsteps.playbook.humandates import say_moment

mail_account_app = typer.Typer(help="The mail account nextsteps sends your messages through.")
app.add_typer(mail_account_app, name="mail-account")

MessageId = Annotated[int, typer.Argument(metavar="MESSAGE_ID")]
ApplicationId = Annotated[int, typer.Argument(metavar="ID")]
Kind = Annotated[
    str, typer.Argument(metavar="KIND", help="thank_you, follow_up, check_in, send_materials, ...")
]


@contextmanager
def refusals_as_bad_input() -> Iterator[None]:
    """What the services refuse is the user's one line of error, exit code 2."""
    try:
        yield
    except (services.Refused, TemplateRefused) as exc:
        raise BadInput(str(exc)) from None


def word_of(kind: str) -> str:
    try:
        return message_word(kind)
    except ValueError as exc:
        raise BadInput(str(exc)) from None


@mail_account_app.command(name="set")
def mail_account_set(
    host: Annotated[str, typer.Option(help="The SMTP server, e.g. smtp.example.com.")],
    port: Annotated[int, typer.Option(help="Usually 587 (starttls) or 465 (tls).")],
    security: Annotated[str, typer.Option(help="none, starttls or tls.")],
    from_: Annotated[str, typer.Option("--from", help="'Your Name <you@example.com>'.")],
    username: Annotated[str, typer.Option(help="The login, if the server asks for one.")] = "",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    daily_cap: Annotated[
        int | None, typer.Option(help="At most this many messages a day (default 20).")
    ] = None,
) -> None:
    """Set up the account your messages go out from. The password is stored encrypted."""
    if password_stdin and not username:
        raise BadInput("--password-stdin needs --username.")
    password = _read_password() if password_stdin else None
    details = services.AccountSettings(
        host=host,
        port=port,
        security=security,
        from_address=from_,
        username=username,
        daily_cap=daily_cap,
    )
    with refusals_as_bad_input():
        account = services.set_mail_account(current_user(), details, password)
    _print_account(account)


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise BadInput("No password on standard input.")
    return password


@mail_account_app.command(name="show")
def mail_account_show() -> None:
    """Print the mail account (never the password)."""
    account = services.mail_account_of(current_user())
    if account is None:
        print("No mail account yet: nextsteps mail-account set --help")
        return
    _print_account(account)


@mail_account_app.command(name="pause")
def mail_account_pause() -> None:
    """Pause all sending: scheduled messages wait until you resume."""
    with refusals_as_bad_input():
        _print_account(services.set_sending_paused(current_user(), True))


@mail_account_app.command(name="resume")
def mail_account_resume() -> None:
    """Resume sending scheduled messages."""
    with refusals_as_bad_input():
        _print_account(services.set_sending_paused(current_user(), False))


def _print_account(account: Any) -> None:
    print(f"from = {account.from_address}")
    print(f"server = {account.host}:{account.port} ({account.security})")
    print(f"username = {account.username}")
    print(f"password = {'set' if account.password_encrypted else 'not set'}")
    print(f"daily_cap = {account.daily_cap}")
    print(f"sending = {'paused' if account.sending_paused else 'on'}")


@app.command()
def draft(application_id: ApplicationId, kind: Kind) -> None:
    """Print the message for an open step: its subject, then its body. Tone flags go
    to standard error."""
    user = current_user()
    with refusals_as_bad_input():
        step, message_kind = drafts.open_step_for(user, application_id, word_of(kind))
        written = services.draft(user, step, message_kind, timezone.now())
    print(f"Subject: {written.subject}\n\n{written.body}", end="")
    for flag in written.flags:
        found = f' "{flag.found}":' if flag.found else ""
        print(f"tone:{found} {flag.message} ({'; '.join(flag.sources)})", file=sys.stderr)
    if written.placeholders:
        print(f"fill in: {', '.join(written.placeholders)}", file=sys.stderr)


@app.command()
def send(
    application_id: ApplicationId,
    kind: Kind,
    at: Annotated[
        str | None, typer.Option(help="When to send it (default: the step's best time).")
    ] = None,
    now: Annotated[bool, typer.Option("--now", help="Send at once, working hours or not.")] = False,
) -> None:
    """Schedule the drafted message for an open step, to the application's contact."""
    user = current_user()
    zone = profile_of(user).zone
    if at and now:
        raise BadInput("Use --at or --now, not both.")
    send_at = parse_when(at, "--at", zone) if at else None
    with refusals_as_bad_input():
        step, message_kind = drafts.open_step_for(user, application_id, word_of(kind))
        written = services.draft(user, step, message_kind, timezone.now())
        message = services.schedule_message(
            user,
            step,
            message_kind,
            written.subject,
            written.body,
            send_at=send_at,
            send_now=now,
        )
    when = say_moment(message.send_at, zone, timezone.now().astimezone(zone).date())
    print(f"Message {message.id} to {message.to_address} is scheduled for {when}.")


@app.command()
def outbox(json: Json = False) -> None:
    """Your messages: scheduled, sent, and those that need you (failed, uncertain)."""
    user = current_user()
    zone = profile_of(user).zone
    rows = [_outbox_row(m, zone) for m in services.outbox_of(user)]
    if json:
        output.print_json(rows)
        return
    if not rows:
        print("The outbox is empty: nextsteps send ID KIND schedules a message.")
        return
    for row in rows:
        application = row["application_id"]
        about = f"application {application}" if application else "to you"
        print(
            f"{row['id']:>4}  {row['state']:<10} {row['send_at'][:16].replace('T', ' ')}  "
            f"{about} {row['kind']}" + (f"  ({row['reason']})" if row["reason"] else "")
        )


def _outbox_row(message: Message, zone: Any) -> dict[str, Any]:
    return {
        "id": message.id,
        "application_id": message.application_id,
        "kind": message.kind if message.is_digest else word_of_kind(MessageKind(message.kind)),
        "state": message.state,
        "send_at": message.send_at.astimezone(zone).isoformat(),
        "message_id": message.message_id,
        "reason": message.reason,
    }


@app.command()
def cancel(message_id: MessageId) -> None:
    """Cancel a scheduled message."""
    with refusals_as_bad_input():
        message = services.cancel_message(current_user(), message_id)
    print(f"Message {message.id} is cancelled.")


@app.command()
def resolve(
    message_id: MessageId,
    sent: Annotated[
        bool, typer.Option("--sent/--not-sent", help="Did the uncertain message go out?")
    ],
) -> None:
    """Say whether an uncertain message went out (look in your Sent folder)."""
    with refusals_as_bad_input():
        message = services.resolve_uncertain(current_user(), message_id, went_out=sent)
    print(f"Message {message.id} is {message.state}.")


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Send what is due now, then exit.")] = False,
) -> None:
    """Send scheduled messages and daily digests when due. Stops cleanly on SIGTERM or Ctrl-C."""
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s"
    )
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    if once:
        handled = outbox_worker.run_once(stop)
        print(f"{handled} message{'s' if handled != 1 else ''} handled.")
    else:
        outbox_worker.run_forever(stop)
