"""Subcommands for the web pages."""

from __future__ import annotations

from typing import Annotated

import typer

from nextsteps.cli.app import app


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Start nextsteps for your browser."""
    print(
        "The nextsteps web pages are on their way; until then the command line does it all:\n"
        "  nextsteps add Acme 'Data Analyst' --applied 2026-11-02\n"
        "  nextsteps today\n"
        "See `nextsteps --help`."
    )
