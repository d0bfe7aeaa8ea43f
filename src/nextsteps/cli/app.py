"""The `nextsteps` command object, shared by the modules that add subcommands to it."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Annotated, Any

import typer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.cli.parse import BadInput
from nextsteps.playbook import InvalidEvent
from nextsteps.tracker.services import NotFound

# Errors whose message is the one line a user sees (exit code 2).
USER_ERRORS = (BadInput, NotFound, InvalidEvent)

app = typer.Typer(
    help="nextsteps: the right next step after every application and interview, and why.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
config_app = typer.Typer(help="Your timezone, holidays, working days and playbook.")
app.add_typer(config_app, name="config")

Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.callback()
def prepare_database(ctx: typer.Context) -> None:
    """On the embedded SQLite default, migrate first if needed."""
    if ctx.invoked_subcommand == "migrate":
        return
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    if os.environ.get("DATABASE_URL"):
        raise BadInput("The database needs migrating first: run `nextsteps migrate`.")
    call_command("migrate", verbosity=0)


def current_user() -> Any:
    user, created = get_user_model().objects.get_or_create(username=settings.CLI_USERNAME)
    if created:
        user.set_unusable_password()
        user.save()
        profile_of(user)  # every user has one: the calendar feed is found through it
    return user


def now_in(zone: Any) -> datetime:
    return timezone.now().astimezone(zone)
