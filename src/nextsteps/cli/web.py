"""Subcommands for the web pages: `serve` and `demo`. Each imports what it uses in
its body (see cli/app.py)."""

from __future__ import annotations

import click

from nextsteps.cli.app import cli
from nextsteps.cli.parse import BadInput
from nextsteps.cli.terminal import say


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (add it to NEXTSTEPS_ALLOWED_HOSTS if not local).",
)
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--threads", default=4, show_default=True, help="Requests served at once.")
def serve(host: str, port: int, threads: int) -> None:
    """Start nextsteps for your browser, with the outbox worker in the same process."""
    import os
    import threading

    import waitress
    from django.conf import settings

    from nextsteps import worker

    listening_on = f"http://{_in_url(host)}:{port}"
    settings.LISTENING_ON = listening_on
    if not os.environ.get("NEXTSTEPS_SITE_URL"):
        # Links in the feed, the digests and Settings lead here.
        settings.SITE_URL = f"http://{_in_url(_reachable(host))}:{port}"

    from nextsteps.wsgi import application  # static files included: no other server needed

    stop = threading.Event()
    sender = threading.Thread(target=worker.run_forever, args=(stop,), name="outbox-worker")
    sender.start()
    say(f"nextsteps is running on {listening_on}/ (Ctrl+C stops it)", flush=True)
    try:
        waitress.serve(application, host=host, port=port, threads=threads, ident="nextsteps")
    finally:
        # Lets a message in the middle of its SMTP conversation finish.
        stop.set()
        sender.join()


def _reachable(host: str) -> str:
    """The address a link can use: every address of this computer is also this one."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@cli.command()
@click.option("--username", default="demo", show_default=True, help="The demo account's name.")
@click.option("--timezone", help="Its timezone (default: this computer's).")
def demo(username: str, timezone: str | None) -> None:
    """Create an account with three weeks of a job search in it, to try nextsteps."""
    from nextsteps.web.demo import AccountExists, create_demo, local_timezone

    try:
        user, password = create_demo(username, timezone or local_timezone())
    except (AccountExists, ValueError) as exc:
        raise BadInput(str(exc)) from None
    from django.conf import settings

    say(
        f"Demo account created. Log in at http://127.0.0.1:8000/ with\n"
        f"  username: {user.username}\n  password: {password}"
    )
    if user.username != settings.CLI_USERNAME:
        say(
            f"The command line works on the account {settings.CLI_USERNAME!r}; for the demo's,\n"
            f"  NEXTSTEPS_USER={user.username} nextsteps today"
        )
