"""Bringing a backup (backups.backup) back into an account: all of it or, when
anything in it cannot be read, nothing, with one sentence saying what.

The account it goes into must hold nothing yet (a new account, on this database or
another): a backup is the account as it was, not rows to mix with others. Rows keep
every column as it was (the plan's steps, the messages' states, the moments they
were recorded); the database gives them new keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from nextsteps.backups.layout import (
    ACCOUNT_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    TABLES,
    Table,
    columns,
    table_pointed_to,
    through_of,
)
from nextsteps.fields import EARLIEST_DAY, latest_day, shown
from nextsteps.outreach.crypto import KeyMismatch, decrypt_password
from nextsteps.outreach.models import Message
from nextsteps.reminders.models import new_token
from nextsteps.schema import migrations_on_disk

# Rows inserted per statement: within SQLite's limit on a statement's variables.
BATCH = 500
# The tables every account has a row of from the start: a restore replaces it.
REPLACED = ("profile", "calendar_feed")
# A day a backup may name: a little more than the fields allow when typed, so a plan
# made from a decision two years ahead still fits.
SLACK = timedelta(days=400)


class RestoreRefused(ValueError):
    """The file cannot be restored; the message is one sentence for the user."""


@dataclass
class Restored:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows restored
    # Sentences the user needs: what a restore could not bring back as it was.
    notes: list[str] = field(default_factory=list)


def read_backup(content: bytes, name: str) -> dict[str, Any]:
    """The document in `content`, if it is a backup this nextsteps can read."""
    try:
        document = json.loads(content)
    except UnicodeDecodeError:
        raise RestoreRefused(f"{name} is not a nextsteps backup: it is not text.") from None
    except json.JSONDecodeError as exc:
        raise RestoreRefused(
            f"{name} is not a nextsteps backup: it is not JSON ({exc.msg} at line {exc.lineno})."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RestoreRefused(f"{name} is not a nextsteps backup.")
    version, schema = document.get("version"), document.get("schema")
    if not isinstance(version, int) or not isinstance(schema, dict):
        raise RestoreRefused(f"{name} is a nextsteps backup with its version missing.")
    if version > FORMAT_VERSION:
        raise RestoreRefused(
            f"{name} was made by a newer nextsteps (backup format {version}, this one reads "
            f"up to {FORMAT_VERSION}): upgrade nextsteps, then restore it."
        )
    known = migrations_on_disk()
    newer = sorted(f"{app} {step}" for app, step in schema.items() if (app, step) not in known)
    if newer:
        raise RestoreRefused(
            f"{name} was made by a newer nextsteps (its data is at {newer[0]}, which this "
            "one does not know): upgrade nextsteps, then restore it."
        )
    return document


def restore(owner: User, document: dict[str, Any]) -> Restored:
    """Give the backup's rows to `owner`, whose account must hold nothing yet."""
    _refuse_unless_empty(owner)
    _refuse_taken_message_ids(document)
    restored = Restored()
    try:
        with transaction.atomic():
            _restore_account(owner, document.get("account"))
            for table in TABLES:
                if table.name in REPLACED:
                    table.model._default_manager.filter(**{table.owner: owner}).delete()
            keys: dict[str, dict[int, int]] = {}
            for table in TABLES:
                rows = document.get(table.name, [])
                if not isinstance(rows, list):
                    raise RestoreRefused(f"The backup's {table.name} is not a list.")
                keys[table.name] = _insert(table, rows, owner, keys, restored)
                restored.rows[table.name] = len(rows)
    except DatabaseError as exc:
        raise RestoreRefused(
            f"The backup breaks a rule of the database, so nothing was restored ({exc})."
        ) from None
    scheduled = Message.objects.filter(owner=owner, state=Message.State.SCHEDULED).count()
    if scheduled:
        restored.notes.append(
            f"{scheduled} scheduled message(s) will be sent from this database: if the one "
            "the backup came from still runs, stop it first, or pause sending in Settings."
        )
    return restored


def _refuse_unless_empty(owner: User) -> None:
    for table in TABLES:
        if table.name in REPLACED:
            continue
        if table.model._default_manager.filter(**{table.owner: owner}).exists():
            raise RestoreRefused(
                f"The account {owner.get_username()} already holds {table.name.replace('_', ' ')}:"
                " restore into a new account (NEXTSTEPS_USER=another-name) or a new database."
            )


def _refuse_taken_message_ids(document: dict[str, Any]) -> None:
    """A sent message's Message-ID is unique in the database, and the inbox finds the
    answers to it by that: a copy of the account in the same database cannot have it."""
    rows = document.get("messages")
    rows = rows if isinstance(rows, list) else []
    ids = [row.get("message_id") for row in rows if isinstance(row, dict)]
    wanted = [i for i in ids if isinstance(i, str) and i]
    if wanted and Message.objects.filter(message_id__in=wanted).exists():
        raise RestoreRefused(
            "This database already holds the messages of this backup (their Message-IDs): "
            "restore it into another database, or delete the account it came from first."
        )


def _restore_account(owner: User, account: object) -> None:
    if not isinstance(account, dict):
        raise RestoreRefused("The backup's account is missing.")
    for name in ACCOUNT_FIELDS:
        if name in account:
            user_field = cast(models.Field, User._meta.get_field(name))  # type: ignore[type-arg]
            setattr(owner, name, _cleaned(user_field, account[name], f"the account's {name}"))
    owner.save(update_fields=[name for name in ACCOUNT_FIELDS if name in account])


def _insert(
    table: Table,
    rows: list[Any],
    owner: User,
    keys: dict[str, dict[int, int]],
    restored: Restored,
) -> dict[int, int]:
    """Insert the table's rows; their numbers in the file -> their new keys."""
    layout = columns(table.model)
    known = {"id"} | {f.name for f in (*layout.plain, *layout.references, *layout.many)}
    # A secret is read encrypted only: one in clear is not from a backup.
    known = known - set(table.encrypted) | {f"{name}_encrypted" for name in table.encrypted}
    made: list[models.Model] = []
    numbers: list[int] = []
    links: list[dict[str, list[int]]] = []
    for position, row in enumerate(rows, 1):
        where = f"{table.name.replace('_', ' ')} item {position}"
        if not isinstance(row, dict):
            raise RestoreRefused(f"The backup's {where} is not an object.")
        unknown = sorted(set(row) - known)
        if unknown:
            raise RestoreRefused(f"The backup's {where} holds {shown(unknown[0])}, unknown here.")
        number = row.get("id")
        if not isinstance(number, int) or number in numbers:
            raise RestoreRefused(f"The backup's {where} has no id of its own.")
        numbers.append(number)
        instance = table.model(**{f.attname: owner.pk for f in layout.owners})
        for column in layout.plain:
            if column.name in table.encrypted:
                value = _decrypted(row.get(f"{column.name}_encrypted"), table, restored)
                setattr(instance, column.attname, value)
            elif column.name in row:
                setattr(instance, column.attname, _cleaned(column, row[column.name], where))
        for column in layout.references:
            setattr(instance, column.attname, _key(column, row.get(column.name), keys, where))
        links.append({m.name: _keys(m, row.get(m.name, []), keys, where) for m in layout.many})
        made.append(instance)
    table.model._default_manager.bulk_create(made, batch_size=BATCH)
    _keep_recorded_moments(table, made, rows)
    for many in layout.many:
        through = through_of(many)
        source, target = f"{many.m2m_field_name()}_id", f"{many.m2m_reverse_field_name()}_id"
        through._default_manager.bulk_create(
            [
                through(**{source: instance.pk, target: other})
                for instance, row_links in zip(made, links, strict=True)
                for other in row_links[many.name]
            ],
            batch_size=BATCH,
        )
    return {number: instance.pk for number, instance in zip(numbers, made, strict=True)}


def _keep_recorded_moments(table: Table, made: list[models.Model], rows: list[Any]) -> None:
    """Saving stamps `auto_now` columns with the time of the restore: set them back
    to the moments the backup holds."""
    stamped = [
        column
        for column in columns(table.model).plain
        if getattr(column, "auto_now", False) or getattr(column, "auto_now_add", False)
    ]
    if not made or not stamped:
        return
    for instance, row in zip(made, rows, strict=True):
        for column in stamped:
            if column.name in row:
                setattr(instance, column.attname, _cleaned(column, row[column.name], table.name))
    table.model._default_manager.bulk_update(made, [c.name for c in stamped], batch_size=BATCH)


def _decrypted(token: object, table: Table, restored: Restored) -> str:
    """A secret the file keeps encrypted; a new one when this install cannot read it
    (another encryption key) or another account has it."""
    if isinstance(token, str):
        try:
            secret = decrypt_password(token)
        except KeyMismatch:
            secret = ""
        if secret and not table.model._default_manager.filter(token=secret).exists():
            return secret
    restored.notes.append(
        "Your calendar has a new secret address (Settings shows it): subscribe to it again."
    )
    return new_token()


def _key(
    column: models.ForeignKey,  # type: ignore[type-arg]
    number: object,
    keys: dict[str, dict[int, int]],
    where: str,
) -> int | None:
    if number is None:
        if not column.null:
            raise RestoreRefused(f"The backup's {where} has no {column.name}.")
        return None
    target = table_pointed_to(column).name
    if not isinstance(number, int) or number not in keys[target]:
        raise RestoreRefused(
            f"The backup's {where} names {column.name} {shown(str(number))}, "
            "which it does not hold."
        )
    return keys[target][number]


def _keys(
    many: models.ManyToManyField,  # type: ignore[type-arg]
    numbers: object,
    keys: dict[str, dict[int, int]],
    where: str,
) -> list[int]:
    if not isinstance(numbers, list):
        raise RestoreRefused(f"The backup's {where} has {many.name} that are not a list.")
    return [_key(many, number, keys, where) for number in numbers]  # type: ignore[arg-type, misc]


def _cleaned(column: models.Field, value: object, where: str) -> Any:  # type: ignore[type-arg]
    """The column's value from the file, as the model holds it, or one sentence on
    what breaks its rule: its type, its length, its choices, its days."""
    said = f"The backup's {where} cannot be restored ({column.name})"
    try:
        cleaned = column.to_python(value)
        if cleaned is None:
            if not column.null:
                raise RestoreRefused(f"{said}: it is empty.")
            return None
        allowed = {key for key, _ in column.flatchoices} if column.choices else None
        if allowed is not None and cleaned not in allowed and not (column.blank and cleaned == ""):
            raise RestoreRefused(f"{said}: {shown(str(cleaned))} is not one of its values.")
        column.run_validators(cleaned)
    except RestoreRefused:
        raise
    except ValidationError as exc:
        raise RestoreRefused(f"{said}: {' '.join(exc.messages)}") from None
    except (TypeError, ValueError) as exc:
        raise RestoreRefused(f"{said}: {exc}.") from None
    if isinstance(cleaned, datetime) and timezone.is_naive(cleaned):
        cleaned = timezone.make_aware(cleaned, UTC)  # as a backup writes them
    if isinstance(cleaned, date):
        day = cleaned.date() if isinstance(cleaned, datetime) else cleaned
        if not EARLIEST_DAY - timedelta(days=1) <= day <= latest_day(timezone.now().date()) + SLACK:
            raise RestoreRefused(f"{said}: {day} is not a day nextsteps plans with.")
    return cleaned
