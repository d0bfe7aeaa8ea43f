"""Personal API tokens from the command line, as on the Settings page. Each command
imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import click

from nextsteps.cli.app import cli, current_user, json_option, now_in
from nextsteps.cli.terminal import say


@cli.group()
def token() -> None:
    """Personal API tokens: a program holding one reaches your search through the API."""


@token.command()
@click.argument("name")
def create(name: str) -> None:
    """Make a token named NAME and print it, this once: only its fingerprint is kept."""
    from nextsteps.api import tokens

    made = tokens.create_token(current_user(), name)
    say(f"Token {made.token.id} ({made.token.name}): copy it now, it is not shown again.", err=True)
    print(made.secret)


@token.command(name="list")
@json_option
def list_(as_json: bool) -> None:
    """Your tokens: their number, name, first characters, and when each was last used."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.api import tokens
    from nextsteps.cli import output
    from nextsteps.playbook.humandates import say_moment

    user = current_user()
    rows = list(tokens.tokens_of(user))
    if as_json:
        output.print_json(
            [
                {
                    "id": row.id,
                    "name": row.name,
                    "prefix": row.prefix,
                    "created": row.created.isoformat(),
                    "last_used": row.last_used.isoformat() if row.last_used else None,
                }
                for row in rows
            ]
        )
        return
    if not rows:
        say("No token yet: nextsteps token create NAME makes one.")
        return
    zone = profile_of(user).zone
    today = now_in(zone).date()
    for row in rows:
        used = say_moment(row.last_used, zone, today) if row.last_used else "never"
        say(f"{row.id:>4}  {row.name}  {row.prefix}…  last used {used}")


@token.command()
@click.argument("token_id", metavar="ID", type=int)
def revoke(token_id: int) -> None:
    """Revoke token ID: a program using it is refused from its next request."""
    from nextsteps.api import tokens

    revoked = tokens.revoke_token(current_user(), token_id)
    say(f"Revoked token {token_id} ({revoked.name}).")
