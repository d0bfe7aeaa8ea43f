"""The `nextsteps` command group, and what its subcommands share.

A subcommand is a click command on `cli` (or on one of its groups, like `config`)
whose function imports what it uses in its body, never at the top of its module:
the arguments are parsed first, so `--help`, `COMMAND --help` and a mistyped
command answer without loading Django. Just before a subcommand's function runs,
Django is set up and the tables are brought up to date; a refusal of the services
becomes the user's one line of error (exit code 2).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from importlib import import_module
from typing import Any

import click

from nextsteps.cli.parse import BadInput

# What the services refuse, by the module that defines it: the message is the one
# line the user sees. Looked up among the modules the command loaded, so that no
# command imports a service it does not use just to name its error.
REFUSALS = (
    ("nextsteps.environment", "BadSetting"),  # a setting that stops start-up
    ("nextsteps.fields", "FieldRefused"),
    ("nextsteps.tracker.services.errors", "NotFound"),
    ("nextsteps.tracker.services.errors", "StepRefused"),
    ("nextsteps.playbook.timeline", "InvalidEvent"),
    ("nextsteps.outreach.services", "Refused"),
    ("nextsteps.outreach.templating", "TemplateRefused"),
    ("nextsteps.inbox.services.errors", "Refused"),
    ("nextsteps.imports.reading", "ImportRefused"),
    ("nextsteps.backups.restore", "RestoreRefused"),
    ("nextsteps.capture.fetching", "PageRefused"),
)


def refusals() -> tuple[type[Exception], ...]:
    return tuple(
        getattr(sys.modules[module], name) for module, name in REFUSALS if module in sys.modules
    )


class DatabaseCommand(click.Command):
    """A subcommand that runs on the database, once its arguments are known."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            prepare_database(migrate_if_needed=self.name != "migrate")
            return super().invoke(ctx)
        except refusals() as exc:
            raise BadInput(str(exc)) from None


class Group(click.Group):
    command_class = DatabaseCommand
    group_class = type  # its groups are Groups too, their commands DatabaseCommands


@click.group(cls=Group, context_settings={"help_option_names": ["--help", "-h"]})
def cli() -> None:
    """nextsteps: the right next step after every application and interview, and why."""


@cli.group()
def config() -> None:
    """Your name, timezone, holidays, working days and playbook."""


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
application_id = click.argument("application_id", metavar="ID", type=int)


def choice_of(where: str) -> click.Choice[str]:
    """The values an option accepts, named by where they are defined: an enum (its
    words) or a sequence of words, like "nextsteps.playbook.habits.ActivityKind"."""
    return _ChoiceOf(where)


class _ChoiceOf(click.Choice[str]):
    """A choice whose module is loaded only when its values are needed (the
    command's own --help, or a value to check), so that `nextsteps --help` lists
    the commands without loading what each of them uses."""

    def __init__(self, where: str) -> None:
        # Click only iterates, indexes and counts its choices: a sequence will do.
        self.choices = _Values(where)  # type: ignore[assignment]
        self.case_sensitive = True


class _Values(Sequence[str]):
    def __init__(self, where: str) -> None:
        self.where = where

    @cached_property
    def values(self) -> tuple[str, ...]:
        module, _, name = self.where.rpartition(".")
        return tuple(getattr(each, "value", each) for each in getattr(import_module(module), name))

    def __getitem__(self, index: Any) -> Any:
        return self.values[index]

    def __len__(self) -> int:
        return len(self.values)


def prepare_database(migrate_if_needed: bool) -> None:
    """Set Django up; on the embedded SQLite default, migrate first if needed."""
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup()
        # What start-up made lives as long as the process: no collection need walk
        # it again. The collector is back for the command's own work (the worker's
        # and the server's for hours).
        gc.freeze()
    gc.enable()
    if not migrate_if_needed or schema_is_current():
        return
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    if os.environ.get("DATABASE_URL"):
        raise BadInput("The database needs migrating first: run `nextsteps migrate`.")
    call_command("migrate", verbosity=0)


def schema_is_current() -> bool:
    """Whether every migration file of every app is recorded as applied.

    A directory listing and one query: asking Django's migration executor the same
    imports every migration, which took most of a command's time. When this says
    no, the executor decides.
    """
    from django.db import DatabaseError, connection

    from nextsteps.schema import migrations_on_disk

    on_disk = migrations_on_disk()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            recorded = set(cursor.fetchall())
    except DatabaseError:  # no table yet
        return False
    return on_disk <= recorded


def current_user() -> Any:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from nextsteps.accounts.services import profile_of

    user, created = get_user_model().objects.get_or_create(username=settings.CLI_USERNAME)
    if created:
        user.set_unusable_password()
        user.save()
        profile_of(user)  # every user has one: the calendar feed is found through it
    return user


def now_in(zone: Any) -> datetime:
    from django.utils import timezone

    return timezone.now().astimezone(zone)
