"""Back an account up, empty the database of it, restore it, and back it up again:
what the two backups hold should be the same."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from nextsteps.backups.backup import backup_json
from nextsteps.backups.restore import Restored, read_backup, restore
from nextsteps.outreach.crypto import decrypt_password
from nextsteps.tracker.models import Application


def forget(user: User) -> None:
    """The account and all it holds gone from the database (its applications first:
    their companies may not go while they point to them)."""
    Application.objects.filter(owner=user).delete()
    user.delete()


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The backup less when it was made, its encrypted secrets read (encrypting the
    same secret twice gives two different texts)."""
    kept = {key: value for key, value in document.items() if key != "made_at"}
    kept["calendar_feed"] = [
        {**row, "token_encrypted": decrypt_password(row["token_encrypted"])}
        for row in document["calendar_feed"]
    ]
    return kept


def round_trip(user: User) -> tuple[dict[str, Any], dict[str, Any], Restored]:
    """The backup before, the backup of the restored account, and what restoring said."""
    before = read_backup(backup_json(user), "backup.json")
    username = user.get_username()
    forget(user)
    again = User.objects.create_user(username)
    restored = restore(again, before)
    after = read_backup(backup_json(again), "backup.json")
    return comparable(before), comparable(after), restored
