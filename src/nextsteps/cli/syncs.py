"""Subcommands for reading replies: `sync`, and `mail-account disconnect-inbox`.
Each imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from nextsteps.cli.app import cli, current_user
from nextsteps.cli.messages import mail_account
from nextsteps.cli.parse import BadInput
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from nextsteps.inbox.queue import Outcome


@cli.command()
@click.option("--once", is_flag=True, help="Read the inbox once, then exit.")
def sync(once: bool) -> None:
    """Read your inbox now for replies, then again as soon as a mail arrives (where
    the server says so) or every few minutes, until Ctrl-C (the worker and `serve`
    do this by themselves)."""
    import signal
    import threading

    from django.utils import timezone

    from nextsteps.inbox import queue
    from nextsteps.inbox.watchers import wait_for_mail

    user = current_user()
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            outcome = queue.sync_now(user, timezone.now())
            if outcome is None:
                raise BadInput(
                    "Your mail account reads no inbox: `nextsteps mail-account set ... "
                    "--imap-host HOST` connects it."
                )
            say(_said(outcome), flush=True)
            if once:
                break
            wait_for_mail(user, queue.every(), stop)
            if stop.is_set():
                break
    finally:  # whoever called the command in its own process gets its handlers back
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if outcome.problem:
        raise click.exceptions.Exit(1)


def _said(outcome: Outcome) -> str:
    if outcome.problem:
        return f"Not read: {outcome.problem}"
    synced = outcome.synced
    if not (synced.read or synced.found_sent):
        return "Nothing new in your inbox."
    said = f"Read {synced.read} new mail{'' if synced.read == 1 else 's'}"
    said += f", {synced.matched} about your applications"
    if synced.found_sent:
        said += f"; {synced.found_sent} uncertain message(s) found in your Sent folder"
    if not synced.complete:
        said += "; the rest comes with the next sync"
    return said + "."


@mail_account.command(name="disconnect-inbox")
def disconnect_inbox() -> None:
    """Stop reading your inbox, and forget what was read from it (sending stays)."""
    from nextsteps.inbox.sync import disconnect_inbox as disconnect

    if not disconnect(current_user()):
        raise BadInput("There is no mail account to disconnect.")
    say("Your inbox is no longer read, and what nextsteps kept of it is deleted.")
