"""A whole account as one JSON document: what `nextsteps backup` writes and the web's
"Your data" page hands out, and what `nextsteps restore` reads back (backups.restore).
The layout is in backups.layout."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from nextsteps.backups.layout import (
    ACCOUNT_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    SECRETS,
    TABLES,
    Table,
    columns,
    table_pointed_to,
    through_of,
)
from nextsteps.outreach.crypto import encrypt_password
from nextsteps.schema import migrations_on_disk


def backup_json(owner: User) -> bytes:
    """The document, as the file holds it."""
    return json.dumps(backup_of(owner), ensure_ascii=False, indent=1).encode()


def backup_of(owner: User) -> dict[str, Any]:
    """Everything the owner has, read in one transaction so that the tables agree."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "made_at": timezone.now().isoformat(),
        "schema": schema(),
        "secrets": SECRETS,
        "account": {"username": owner.get_username()}
        | {name: plain(getattr(owner, name)) for name in ACCOUNT_FIELDS},
    }
    numbers: dict[str, dict[int, int]] = {}  # table -> primary key -> number in the file
    with transaction.atomic():
        for table in TABLES:
            document[table.name] = _rows(table, owner, numbers)
    return document


def schema() -> dict[str, str]:
    """Each of nextsteps' apps and its latest migration: which nextsteps made a file."""
    latest: dict[str, str] = {}
    for app, name in migrations_on_disk():
        if app in {table.model._meta.app_label for table in TABLES}:
            latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def _rows(table: Table, owner: User, numbers: dict[str, dict[int, int]]) -> list[dict[str, Any]]:
    layout = columns(table.model)
    names = [field.attname for field in (*layout.plain, *layout.references)]
    found = table.model._default_manager.filter(**{table.owner: owner}).order_by("pk")
    rows = list(found.values("pk", *names))
    numbered = numbers[table.name] = {row["pk"]: n for n, row in enumerate(rows, 1)}
    linked = {field.name: _links(field, numbered, numbers, table, owner) for field in layout.many}
    written = []
    for row in rows:
        out: dict[str, Any] = {"id": numbered[row["pk"]]}
        for field in layout.plain:
            value = plain(row[field.attname])
            if field.name in table.encrypted:
                out[f"{field.name}_encrypted"] = encrypt_password(str(value))
            else:
                out[field.name] = value
        for field in layout.references:
            target = row[field.attname]
            if target is not None:
                target = numbers[table_pointed_to(field).name][target]
            out[field.name] = target
        for name, links in linked.items():
            out[name] = links.get(row["pk"], [])
        written.append(out)
    return written


def _links(
    field: models.ManyToManyField,  # type: ignore[type-arg]
    numbered: dict[int, int],
    numbers: dict[str, dict[int, int]],
    table: Table,
    owner: User,
) -> dict[int, list[int]]:
    """The rows each row points to through a many-to-many field, by the row's key."""
    through = through_of(field)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = (
        through._default_manager.filter(**{f"{source}__{table.owner}": owner})
        .order_by(f"{target}_id")
        .values_list(f"{source}_id", f"{target}_id")
    )
    targets = numbers[table_pointed_to(field).name]
    links: dict[int, list[int]] = {}
    for row, other in pairs:
        if row in numbered:
            links.setdefault(row, []).append(targets[other])
    return links


def plain(value: object) -> object:
    """A column's value as JSON holds it: dates and moments in ISO 8601 (UTC)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
