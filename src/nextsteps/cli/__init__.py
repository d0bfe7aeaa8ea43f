"""The `nextsteps` command. Bad input ends with one sentence on stderr, exit code 2,
and nothing written."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
    import django

    django.setup()
    # Imported after setup: the commands use the models. Each module adds its
    # subcommands to the one app.
    from nextsteps.cli import commands, messages, reminders, web  # noqa: F401
    from nextsteps.cli.app import USER_ERRORS, app

    args = list(argv if argv is not None else sys.argv[1:]) or ["--help"]
    try:
        typer.main.get_command(app).main(
            args=args,
            prog_name="nextsteps",
            standalone_mode=False,
        )
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except typer.Abort:
        sys.exit(1)
    except (typer.TyperException, *USER_ERRORS) as exc:
        # A usage error (unknown command, option or choice) or a value we refused.
        message = exc.format_message() if isinstance(exc, typer.TyperException) else str(exc)
        print(f"error: {' '.join(message.split())}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
