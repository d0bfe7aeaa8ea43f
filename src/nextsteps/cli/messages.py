"""Subcommands for messages: drafts, the mail account, the outbox and the worker.
Each imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

import click

from nextsteps.cli.app import application_id, cli, current_user, json_option
from nextsteps.cli.parse import BadInput, parse_when, password_from_stdin, text_of
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from nextsteps.outreach.drafts import Draft
    from nextsteps.outreach.models import Message


@cli.group(name="mail-account")
def mail_account() -> None:
    """The mail account nextsteps sends your messages through."""


message_id = click.argument("message_id", metavar="MESSAGE_ID", type=int)
kind_argument = click.argument("kind", metavar="KIND")
KIND_HELP = "KIND is thank_you, follow_up, check_in, send_materials, ..."


def word_of(kind: str) -> str:
    from nextsteps.playbook.drafting import message_word

    try:
        return message_word(kind)
    except ValueError as exc:
        raise BadInput(str(exc)) from None


@mail_account.command(name="set")
@click.option("--host", required=True, help="The SMTP server, e.g. smtp.example.com.")
@click.option("--port", required=True, type=int, help="Usually 587 (starttls) or 465 (tls).")
@click.option("--security", required=True, help="none, starttls or tls.")
@click.option(
    "--from",
    "from_",
    required=True,
    help="you@example.com (your name comes from `config set name`).",
)
@click.option("--username", default="", help="The login, if the server asks for one.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--daily-cap", type=int, help="At most this many messages a day (default 20).")
@click.option("--imap-host", help="Read replies from this IMAP server, e.g. imap.example.com.")
@click.option("--imap-port", default=993, show_default=True, help="Usually 993 (tls).")
@click.option("--imap-security", default="tls", show_default=True, help="tls, starttls or none.")
@click.option("--imap-username", default="", help="The IMAP login, if not the SMTP one.")
@click.option(
    "--imap-password-stdin",
    is_flag=True,
    help="Read the IMAP password from standard input, if not the SMTP one "
    "(after the SMTP password's line, with --password-stdin too).",
)
def mail_account_set(
    host: str,
    port: int,
    security: str,
    from_: str,
    username: str,
    password_stdin: bool,
    daily_cap: int | None,
    imap_host: str | None,
    imap_port: int,
    imap_security: str,
    imap_username: str,
    imap_password_stdin: bool,
) -> None:
    """Set up the account your messages go out from, and with --imap-host where
    replies are read from. Passwords are stored encrypted."""
    from nextsteps.outreach import services

    if password_stdin and not username:
        raise BadInput("--password-stdin needs --username.")
    given = click.get_current_context().get_parameter_source
    imap_options = ("imap_port", "imap_security", "imap_username", "imap_password_stdin")
    if imap_host is None and any(
        given(name) is not click.core.ParameterSource.DEFAULT for name in imap_options
    ):
        raise BadInput("The --imap-... options need --imap-host.")
    password = password_from_stdin() if password_stdin else None
    details = services.AccountSettings(
        host=host,
        port=port,
        security=security,
        from_address=from_,
        username=username,
        daily_cap=daily_cap,
    )
    inbox = None
    if imap_host is not None:
        inbox = services.InboxSettings(
            host=imap_host,
            port=imap_port,
            security=imap_security,
            username=imap_username,
            password=password_from_stdin() if imap_password_stdin else None,
        )
    _print_account(services.set_mail_account(current_user(), details, password, inbox))


@mail_account.command(name="show")
def mail_account_show() -> None:
    """Print the mail account (never the password)."""
    from nextsteps.outreach import services

    account = services.mail_account_of(current_user())
    if account is None:
        say("No mail account yet: nextsteps mail-account set --help")
        return
    _print_account(account)


@mail_account.command(name="test")
def mail_account_test() -> None:
    """Connect and log in as sending would, and as reading replies would, without
    sending or reading anything."""
    from nextsteps.outreach import services

    checks = services.check_mail_account(current_user())
    for checked in checks:
        say(checked.sentence)
    if not all(checked.works for checked in checks):
        raise click.exceptions.Exit(1)


@mail_account.command(name="pause")
def mail_account_pause() -> None:
    """Pause all sending: scheduled messages wait until you resume."""
    from nextsteps.outreach import services

    _print_account(services.set_sending_paused(current_user(), True))


@mail_account.command(name="resume")
def mail_account_resume() -> None:
    """Resume sending scheduled messages."""
    from nextsteps.outreach import services

    _print_account(services.set_sending_paused(current_user(), False))


def _print_account(account: Any) -> None:
    say(f"from = {account.from_address}")
    say(f"server = {account.host}:{account.port} ({account.security})")
    say(f"username = {account.username}")
    say(f"password = {'set' if account.password_encrypted else 'not set'}")
    say(f"daily_cap = {account.daily_cap}")
    say(f"sending = {'paused' if account.sending_paused else 'on'}")
    if not account.reads_inbox:
        say("inbox = not read (--imap-host connects it)")
        return
    say(f"imap_server = {account.imap_host}:{account.imap_port} ({account.imap_security})")
    say(f"imap_username = {account.imap_login}")
    own = "its own" if account.imap_password_encrypted else "the SMTP one"
    say(f"imap_password = {own}")
    say(f"inbox_read = {_when(account.owner, account.synced_at) if account.synced_at else 'never'}")
    if account.sync_problem:
        say(f"inbox_problem = {account.sync_problem}")


def _when(user: Any, moment: Any) -> str:
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.playbook.humandates import say_moment

    zone = profile_of(user).zone
    return say_moment(moment, zone, timezone.now().astimezone(zone).date())


@cli.command(epilog=KIND_HELP)
@application_id
@kind_argument
@click.option(
    "--edit", is_flag=True, help="Edit it in $VISUAL or $EDITOR; what you save is what is sent."
)
@click.option("--subject", help="Keep this subject for it.")
@click.option(
    "--body-file",
    type=click.File(encoding="utf-8"),
    help="Keep this file's text as its body (- for standard input).",
)
@click.option(
    "--discard", is_flag=True, help="Forget the text you kept for it: it is drafted afresh."
)
def draft(
    application_id: int,
    kind: str,
    edit: bool,
    subject: str | None,
    body_file: TextIO | None,
    discard: bool,
) -> None:
    """Print the message for an open step: its subject, then its body; tone flags and
    blanks to fill go to standard error. With --edit, --subject or --body-file, keep
    your text as the message instead: `send` sends it, the web editor shows it;
    --discard forgets it."""
    from django.utils import timezone

    from nextsteps.cli import output
    from nextsteps.outreach import drafts, services
    from nextsteps.playbook.drafting import word_of_kind

    user = current_user()
    step, message_kind = drafts.open_step_for(user, application_id, word_of(kind))
    what = output.message_name(message_kind).lower()
    if discard:
        if edit or subject is not None or body_file is not None:
            raise BadInput("--discard forgets your text: it goes without --edit, --subject "
                           "and --body-file.")  # fmt: skip
        kept = services.discard_draft(user, step, message_kind)
        done = "Forgot your" if kept else "You kept no"
        say(f"{done} {what} for application {application_id}: nextsteps drafts it afresh.")
        return
    written = services.draft(user, step, message_kind, timezone.now())
    if not (edit or subject is not None or body_file is not None):
        say(as_text(written.subject, written.body), end="")
        _report(written)
        return
    new_subject = written.subject if subject is None else subject
    new_body = written.body if body_file is None else text_of(body_file, "--body-file")
    if edit:
        new_subject, new_body = _edited(new_subject, new_body)
    saved = services.save_draft(user, step, message_kind, new_subject, new_body, timezone.now())
    word = word_of_kind(message_kind)
    sends = f": nextsteps send {application_id} {word} sends it"
    say(f"Saved your {what} for application {application_id}{sends if saved.emailed else ''}.")
    _report(saved)


def as_text(subject: str, body: str) -> str:
    """A message as the command line prints it and the editor shows it."""
    return f"Subject: {subject}\n\n{body}"


def from_text(text: str) -> tuple[str, str]:
    """The subject and body of a text written like `as_text`."""
    first, _, rest = text.replace("\r\n", "\n").partition("\n")
    label, colon, subject = first.partition(":")
    if not colon or label.strip().lower() != "subject":
        raise BadInput("The first line must be 'Subject: ...', then a blank line, then the body.")
    return subject.strip(), rest.lstrip("\n")


def _edited(subject: str, body: str) -> tuple[str, str]:
    """The text as the user saved it in their editor."""
    text = click.edit(as_text(subject, body), extension=".txt", require_save=True)
    if text is None:
        raise BadInput("Nothing saved: the editor closed without saving the message.")
    return from_text(text)


def _report(written: Draft) -> None:
    """Tone flags and blanks left, on standard error."""
    for flag in written.flags:
        found = f' "{flag.found}":' if flag.found else ""
        say(f"tone:{found} {flag.message} ({'; '.join(flag.sources)})", err=True)
    if written.placeholders:
        say(f"fill in: {', '.join(written.placeholders)}", err=True)


@cli.command(cls=click.Command)  # reads no database
@click.argument("file", type=click.File(encoding="utf-8"))
@click.option("--kind", help="The kind of message (thank_you, ...), for its length rule.")
@json_option
def tone(file: TextIO, kind: str | None, as_json: bool) -> None:
    """The tone check on any text: what the articles advise against, one line each,
    with the words found and the article. FILE is - for standard input; a first line
    'Subject: ...' is the subject."""
    from nextsteps.cli import output
    from nextsteps.playbook.drafting import MessageKind
    from nextsteps.playbook.tone import check_tone

    text = text_of(file, "FILE").replace("\r\n", "\n")
    message_kind = MessageKind(word_of(kind)) if kind is not None else None
    subject, body, body_line = "", text, 1
    if text.lower().startswith("subject:"):
        subject, body = from_text(text)
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
    first_line = {"subject": 1, "body": body_line}
    parts = {"subject": subject, "body": body}
    rows: list[dict[str, Any]] = [
        {
            "line": first_line[flag.part] + parts[flag.part].count("\n", 0, flag.start)
            if flag.part
            else None,
            "found": flag.found,
            "rule": flag.rule,
            "message": flag.message,
            "sources": list(flag.sources),
            "quote": flag.quote,
        }
        for flag in check_tone(message_kind, subject, body, None)
    ]
    if as_json:
        output.print_json(rows)
        return
    if not rows:
        say("Nothing the articles advise against.")
    for row in rows:
        where = f'line {row["line"]}: "{row["found"]}"' if row["line"] else "the whole text"
        say(f"{where}: {row['message']} ({'; '.join(row['sources'])})")


@cli.command(epilog=KIND_HELP)
@application_id
@kind_argument
@click.option("--at", help="When to send it (default: the step's best time).")
@click.option("--now", is_flag=True, help="Send at once, working hours or not.")
def send(application_id: int, kind: str, at: str | None, now: bool) -> None:
    """Schedule the drafted message for an open step, to the application's contact."""
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.outreach import drafts, services
    from nextsteps.playbook.humandates import say_moment

    user = current_user()
    zone = profile_of(user).zone
    if at is not None and now:
        raise BadInput("Use --at or --now, not both.")
    send_at = parse_when(at, "--at", zone) if at is not None else None
    step, message_kind = drafts.open_step_for(user, application_id, word_of(kind))
    written = services.draft(user, step, message_kind, timezone.now())  # the saved text, if any
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
    say(f"Message {message.id} to {message.to_address} is scheduled for {when}.")


@cli.command()
@json_option
def outbox(as_json: bool) -> None:
    """Your messages: scheduled, sent, and those that need you (failed, uncertain)."""
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.outreach import services

    user = current_user()
    zone = profile_of(user).zone
    messages = services.outbox_of(user)
    if as_json:
        output.print_json([_outbox_row(m, zone) for m in messages])
        return
    if not messages:
        say("The outbox is empty: nextsteps send ID KIND schedules a message.")
        return
    output.print_outbox(messages, zone, timezone.now().astimezone(zone).date())


def _outbox_row(message: Message, zone: Any) -> dict[str, Any]:
    from nextsteps.playbook.drafting import MessageKind, word_of_kind

    return {
        "id": message.id,
        "application_id": message.application_id,
        "kind": message.kind if message.is_digest else word_of_kind(MessageKind(message.kind)),
        "state": message.state,
        "send_at": message.send_at.astimezone(zone).isoformat(),
        "message_id": message.message_id,
        "reason": message.reason,
    }


@cli.command()
@message_id
def cancel(message_id: int) -> None:
    """Cancel a scheduled message."""
    from nextsteps.outreach import services

    message = services.cancel_message(current_user(), message_id)
    say(f"Message {message.id} is cancelled.")


@cli.command()
@message_id
def retry(message_id: int) -> None:
    """Send a message that failed again, once you have fixed what was wrong."""
    from django.utils import timezone

    from nextsteps.accounts.services import profile_of
    from nextsteps.outreach import services
    from nextsteps.playbook.humandates import say_moment

    user = current_user()
    message = services.retry_message(user, message_id)
    zone = profile_of(user).zone
    when = say_moment(message.send_at, zone, timezone.now().astimezone(zone).date())
    say(f"Message {message.id} to {message.to_address} goes again {when}.")


@cli.command()
@message_id
@click.option("--sent/--not-sent", required=True, help="Did the uncertain message go out?")
def resolve(message_id: int, sent: bool) -> None:
    """Say whether an uncertain message went out (look in your Sent folder)."""
    from nextsteps.outreach import services

    message = services.resolve_uncertain(current_user(), message_id, went_out=sent)
    say(f"Message {message.id} is {message.state}.")


@cli.command()
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
def worker(once: bool) -> None:
    """Send scheduled messages and daily digests when due. Stops cleanly on SIGTERM or Ctrl-C."""
    import logging
    import signal
    import threading

    from nextsteps import worker as outbox_worker

    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s"
    )
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        if once:
            handled = outbox_worker.run_once(stop)
            say(f"{handled} message{'s' if handled != 1 else ''} handled.")
        else:
            outbox_worker.run_forever(stop)
    finally:  # whoever called the command in its own process gets its handlers back
        for signum, handler in previous.items():
            signal.signal(signum, handler)
