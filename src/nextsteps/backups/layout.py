"""What a backup holds: one list per table the user owns rows of, in an order where
each table comes after the tables it points to.

A row's columns are its model's own, read from the model: a field added by a later
migration is kept without this file changing. A reference to another row is that
row's number in its list (its `id` in the file), so a backup restores into any
database; a reference to the user is left out, the restore gives the rows to the
account it restores into.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from django.contrib.auth.models import User
from django.db import models

from nextsteps.accounts.models import Profile
from nextsteps.activities.models import Activity, ActivityDone
from nextsteps.inbox.models import Folder, MatchedMail
from nextsteps.outreach.models import MailAccount, Message, MessageTemplate, SavedDraft
from nextsteps.reminders.models import CalendarFeed
from nextsteps.tracker.models import Application, Company, Contact, Event, NextStep

# The layout's version: raised when a backup of this version could not be read by
# an older nextsteps for another reason than a new migration (which `schema` says).
FORMAT_VERSION = 1
# The first key of the file, saying what it is.
FORMAT = "nextsteps-backup"
# The user's own columns that a backup keeps (never the password's hash, never the
# permissions: those are the server's to give).
ACCOUNT_FIELDS = ("email", "first_name", "last_name", "date_joined")
# What a backup says about its secrets, for whoever opens it.
SECRETS = (
    "Mail passwords and the calendar address are kept only encrypted, with the "
    "encryption key of the nextsteps that made this file (NEXTSTEPS_ENCRYPTION_KEY, or "
    "the encryption_key file in its data directory); the login password is not kept."
)


@dataclass(frozen=True)
class Table:
    name: str  # its key in the file
    model: type[models.Model]
    owner: str  # the lookup from a row to the user who owns it
    # Secrets the database keeps in clear, kept encrypted in the file ("token" is
    # written as "token_encrypted"); mail passwords are encrypted in the database.
    encrypted: tuple[str, ...] = ()


TABLES = (
    Table("profile", Profile, "user"),
    Table("calendar_feed", CalendarFeed, "user", encrypted=("token",)),
    Table("mail_account", MailAccount, "owner"),
    Table("folders", Folder, "account__owner"),
    Table("companies", Company, "owner"),
    Table("contacts", Contact, "owner"),
    Table("applications", Application, "owner"),
    Table("events", Event, "application__owner"),
    Table("steps", NextStep, "owner"),
    Table("templates", MessageTemplate, "owner"),
    Table("saved_drafts", SavedDraft, "owner"),
    Table("messages", Message, "owner"),
    Table("mails", MatchedMail, "owner"),
    Table("activities", Activity, "owner"),
    Table("activities_done", ActivityDone, "owner"),
)
# Models of nextsteps that hold nothing of one user's, with the reason.
NOT_KEPT: dict[str, str] = {
    "backups.CopySchedule": "when the worker next copies the whole database: no one's data",
    # A backup is a file that travels: a key to the account must not travel with it.
    "api.ApiToken": "the keys programs use to reach the account; made anew where it is restored",
}


def table_of(model: type[models.Model]) -> Table:
    return _tables_by_model()[model]


def table_pointed_to(field: models.Field) -> Table:  # type: ignore[type-arg]
    """The table of the rows a reference or a many-to-many field points to."""
    return table_of(cast(type[models.Model], field.related_model))


def through_of(field: models.ManyToManyField) -> type[models.Model]:  # type: ignore[type-arg]
    """The model of a many-to-many field's pairs."""
    return cast(type[models.Model], field.remote_field.through)


@cache
def _tables_by_model() -> dict[type[models.Model], Table]:
    return {table.model: table for table in TABLES}


@dataclass(frozen=True)
class Columns:
    """How a table's rows are written: plain values, references to other tables'
    rows, and the user's own columns (left out)."""

    plain: tuple[models.Field, ...]  # type: ignore[type-arg]
    references: tuple[models.ForeignKey, ...]  # type: ignore[type-arg]
    many: tuple[models.ManyToManyField, ...]  # type: ignore[type-arg]
    owners: tuple[models.ForeignKey, ...]  # type: ignore[type-arg]


@cache
def columns(model: type[models.Model]) -> Columns:
    plain, references, owners = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if not field.is_relation:
            plain.append(field)
        elif field.related_model is User:
            owners.append(field)
        else:
            table_pointed_to(field)  # a model a backup does not keep would be lost
            references.append(field)
    many = [field for field in model._meta.many_to_many if isinstance(field, models.Field)]
    for field in many:
        table_pointed_to(field)
    return Columns(tuple(plain), tuple(references), tuple(many), tuple(owners))  # type: ignore[arg-type]
