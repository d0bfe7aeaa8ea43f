"""The command line's account: its password, for the web pages. Each command imports
what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import click

from nextsteps.cli.app import cli, current_user
from nextsteps.cli.parse import BadInput, password_from_stdin
from nextsteps.cli.terminal import say


@cli.group()
def account() -> None:
    """Your account: the same on the command line and in the browser."""


@account.command()
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def password(password_stdin: bool) -> None:
    """Set or change the password you log in to the web pages with."""
    from nextsteps.accounts import services as accounts

    user = current_user()
    if password_stdin:
        new = password_from_stdin()
    else:
        new = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        accounts.set_password(user, new)
    except accounts.PasswordRejected as exc:
        raise BadInput(str(exc)) from None
    say(f"Password set: log in to the web pages as {user.username}.")
