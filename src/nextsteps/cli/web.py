"""Subcommands for the web pages: `serve` and `demo`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from nextsteps.cli.app import app
from nextsteps.cli.parse import BadInput


def web_application() -> Any:
    """Django's WSGI application with the static files served beside it, so a laptop
    needs no other web server."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application

    return StaticFilesHandler(get_wsgi_application())


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(help="Address to listen on (add it to NEXTSTEPS_ALLOWED_HOSTS if not local)."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(help="Requests served at once.")] = 4,
) -> None:
    """Start nextsteps for your browser, with the outbox worker in the same process."""
    import threading

    import waitress

    from nextsteps import worker

    stop = threading.Event()
    sender = threading.Thread(target=worker.run_forever, args=(stop,), name="outbox-worker")
    sender.start()
    print(f"nextsteps is running on http://{host}:{port}/ (Ctrl+C stops it)", flush=True)
    try:
        waitress.serve(web_application(), host=host, port=port, threads=threads, ident="nextsteps")
    finally:
        # Lets a message in the middle of its SMTP conversation finish.
        stop.set()
        sender.join()


@app.command()
def demo(
    username: Annotated[str, typer.Option(help="The demo account's name.")] = "demo",
    timezone: Annotated[
        str | None, typer.Option(help="Its timezone (default: this computer's).")
    ] = None,
) -> None:
    """Create an account with three weeks of a job search in it, to try nextsteps."""
    from nextsteps.web.demo import AccountExists, create_demo, local_timezone

    try:
        user, password = create_demo(username, timezone or local_timezone())
    except (AccountExists, ValueError) as exc:
        raise BadInput(str(exc)) from None
    print(
        f"Demo account created. Log in at http://127.0.0.1:8000/ with\n"
        f"  username: {user.username}\n  password: {password}"
    )
