"""The `nextsteps` command. Bad input ends with one sentence on stderr, exit code 2,
and nothing written. How a subcommand is written: see cli/app.py."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
    # Start-up makes some 200,000 objects that live as long as the process, and the
    # collector would walk them again and again as they are made (a tenth of a
    # command's time): it is off until they are all made (cli/app.py).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _run(argv)
    finally:
        if collecting:
            gc.enable()


def command_group() -> click.Group:
    """The `nextsteps` group, every subcommand added."""
    # Each module adds its subcommands to the one group.
    from nextsteps.cli import (  # noqa: F401
        account,
        activities,
        capture,
        commands,
        data,
        imports,
        inbox,
        messages,
        reminders,
        report,
        stats,
        syncs,
        tokens,
        web,
    )
    from nextsteps.cli.app import cli

    return cli


def _run(argv: Sequence[str] | None) -> None:
    import click

    from nextsteps.cli.parse import BadInput
    from nextsteps.cli.terminal import say

    cli = command_group()
    args = list(argv if argv is not None else sys.argv[1:]) or ["--help"]
    try:
        # A command returns None; --help returns its exit code, 0.
        exit_code = cli.main(args=args, prog_name="nextsteps", standalone_mode=False)
    except click.Abort:
        sys.exit(1)
    except (click.ClickException, BadInput) as exc:
        # A usage error (unknown command, option or choice), or a value we refused
        # (a setting in the environment that stops start-up among them).
        message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
        say(f"error: {' '.join(message.split())}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if exit_code:
        sys.exit(exit_code)
